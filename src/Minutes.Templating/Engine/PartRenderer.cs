using System.Globalization;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Rendering;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Minutes.Templating.Engine;

/// <summary>One part rendered: its XML, fixed and serialized, and the hyperlinks and pictures it refers to.</summary>
/// <param name="EntryName">The part's zip entry name.</param>
/// <param name="Xml">The part's rendered XML.</param>
/// <param name="Links">The hyperlinks written into it: relationship id and URL.</param>
/// <param name="Images">The pictures written into it: relationship id and target.</param>
internal sealed record RenderedPart(string EntryName, byte[] Xml, IReadOnlyList<(string Id, string Url)> Links, IReadOnlyList<(string Id, string Target)> Images);

/// <summary>Renders a compiled template's parts with a template model, within the options' limits.</summary>
internal static class PartRenderer
{
    /// <summary>What the parts of one rendering of <paramref name="template"/> share, to start with.</summary>
    public static RenderState NewState(CompiledTemplate template, bool publication, RenderLimits limits) => new()
    {
        Publication = publication,
        Limits = limits,
        MaxImageWidth = template.TextWidth,
        NextFootnoteId = template.FirstFootnoteId,
    };

    /// <summary>
    /// Renders every part of <paramref name="template"/> in order. A part that fails adds its problem to
    /// <paramref name="diagnostics"/> and is left out; running out of time stops the rendering.
    /// </summary>
    /// <param name="template">The template; it has a package and no errors.</param>
    /// <param name="name">The template's name in diagnostics.</param>
    /// <param name="model">What the templates see.</param>
    /// <param name="culture">The culture numbers and dates are written in.</param>
    /// <param name="options">The limits.</param>
    /// <param name="state">What the parts share.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="cancellationToken">Stops the rendering.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static List<RenderedPart> Render(CompiledTemplate template, string name, ScriptObject model, CultureInfo culture, RenderOptions options, RenderState state, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var rendered = new List<RenderedPart>(template.Parts.Count);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limits = options.Limits;
        timeout.CancelAfter(limits.Time);
        foreach (var part in template.Parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var context = RenderContext.Rent(part, state, model, culture, limits, template.House, timeout.Token);
            PartOutput output;
            try
            {
                output = context.RenderPart();
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is ScriptRuntimeException or OperationCanceledException)
            {
                throw new OperationCanceledException("The rendering was cancelled.", ex, cancellationToken);
            }
            catch (Exception ex) when (timeout.IsCancellationRequested && ex is ScriptRuntimeException or OperationCanceledException)
            {
                diagnostics.Add(TemplateDiagnostics.AtPart(name, part.Kind, DiagnosticCodes.TemplateLimitExceeded, Reached("time", limits)));
                break;
            }
            catch (ScriptRuntimeException ex)
            {
                var limit = LimitOf(ex);
                diagnostics.Add(PartCompiler.ToDiagnostic(name, part, ex.Span.Start.Offset, limit is null ? ex.OriginalMessage : Reached(limit, limits), limit is null ? DiagnosticCodes.TemplateRuntimeError : DiagnosticCodes.TemplateLimitExceeded));
                if (limit == "work")
                {
                    // The work is counted over the whole rendering: the other parts would stop at once too.
                    break;
                }

                continue;
            }

            part.LastOutputLength = output.Length;
            state.Written += output.Length;
            rendered.Add(new RenderedPart(part.EntryName, OutputFixer.Fix(output.Written, state, template.Numbering, part), context.Links, context.Images));
        }

        return rendered;
    }

    /// <summary>What each limit of <see cref="RenderLimits"/> stops, in the words of the error.</summary>
    private static readonly Dictionary<string, string> Stops = new(StringComparer.Ordinal)
    {
        ["work"] = "the template did more work than a rendering may: too many steps, or too much text or too many list items handled over and over",
        ["loop-iterations"] = "a loop repeated more often than one loop may, the loops inside it counted too",
        ["recursion-depth"] = "function calls nested deeper than they may",
        ["string-size"] = "a string grew longer than one string may",
        ["output-size"] = "the part grew larger than one part may",
        ["regex-time"] = "a regular expression ran longer than one may",
        ["time"] = "the rendering took longer than one may, as a last resort: the template may loop without end, or the machine is very busy",
    };

    /// <summary>The message for a limit reached: what it stops, the limit's name and value, and how to raise it.</summary>
    private static string Reached(string limit, RenderLimits limits) => Stops[limit] + " (" + limits.Exceeded(limit) + ")";

    /// <summary>The limit of <see cref="RenderLimits"/> that stopped a rendering, or null for another error.</summary>
    /// <remarks>Scriban enforces loops, recursion, strings and output itself, and says which in its message.</remarks>
    private static string? LimitOf(ScriptRuntimeException exception)
    {
        for (Exception? ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is RenderLimitException own)
            {
                return own.Limit;
            }

            if (ex is System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return "regex-time";
            }
        }

        var message = exception.OriginalMessage;
        return message.Contains("LimitToString", StringComparison.Ordinal) ? "string-size"
            : message.Contains("OutputLimit", StringComparison.Ordinal) ? "output-size"
            : message.Contains("recursive depth", StringComparison.Ordinal) ? "recursion-depth"
            : message.Contains("iteration limit", StringComparison.Ordinal) || message.Contains("LoopLimit", StringComparison.Ordinal) ? "loop-iterations"
            : message.Contains("timed out", StringComparison.Ordinal) ? "regex-time"
            : null;
    }
}
