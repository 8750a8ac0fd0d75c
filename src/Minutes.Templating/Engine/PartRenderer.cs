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
    public static RenderState NewState(CompiledTemplate template, bool publication) => new()
    {
        Publication = publication,
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
        timeout.CancelAfter(options.TimeLimit);
        foreach (var part in template.Parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var context = CreateContext(part, state, model, culture, options, template.House, timeout.Token);
            string xml;
            try
            {
                xml = part.Template.Render(context);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is ScriptRuntimeException or OperationCanceledException)
            {
                throw new OperationCanceledException("The rendering was cancelled.", ex, cancellationToken);
            }
            catch (Exception ex) when (timeout.IsCancellationRequested && ex is ScriptRuntimeException or OperationCanceledException)
            {
                diagnostics.Add(TemplateDiagnostics.AtPart(name, part.Kind, DiagnosticCodes.TemplateLimitExceeded, string.Create(CultureInfo.InvariantCulture, $"the rendering took longer than the limit of {options.TimeLimit.TotalSeconds} s")));
                break;
            }
            catch (ScriptRuntimeException ex)
            {
                // Scriban words every limit it enforces (loops, recursion, output, strings) with "limit"; a regular expression "times out".
                var code = ex.OriginalMessage.Contains("limit", StringComparison.OrdinalIgnoreCase) || ex.OriginalMessage.Contains("timed out", StringComparison.OrdinalIgnoreCase)
                    ? DiagnosticCodes.TemplateLimitExceeded
                    : DiagnosticCodes.TemplateRuntimeError;
                diagnostics.Add(PartCompiler.ToDiagnostic(name, part, ex.Span.Start.Offset, ex.OriginalMessage, code));
                continue;
            }

            var fixedPart = OutputFixer.Fix(xml, state, template.Numbering);
            rendered.Add(new RenderedPart(part.EntryName, OutputFixer.Serialize(fixedPart), context.Links, context.Images));
        }

        return rendered;
    }

    private static RenderContext CreateContext(CompiledPart part, RenderState state, ScriptObject model, CultureInfo culture, RenderOptions options, ScriptObject? house, CancellationToken cancellation)
    {
        var context = new RenderContext(WordFunctions.Builtins, part, state)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = options.LoopLimit,
            RecursiveLimit = options.RecursionLimit,
            OutputLimit = options.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = options.StringLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = options.RegexTimeLimit,
            MemberFilter = DotNetMembers.IsReadable,
            CancellationToken = cancellation,
        };
        context.PushCulture(culture);
        if (house is not null)
        {
            // Under the model: a template's own names and the model's come first.
            context.PushGlobal(house);
        }

        context.PushGlobal(model);
        context.PushGlobal(new ScriptObject());
        return context;
    }
}
