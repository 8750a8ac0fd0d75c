using Minutes.Templating.Diagnostics;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Cli;

/// <summary>
/// <c>minutes render</c>: renders each minutes file with one template into a .docx. The template is loaded once;
/// the files are rendered in parallel (at most one per processor), and what is said about them is written in
/// the order they were given, each file's diagnostics followed by its line.
/// </summary>
internal static class RenderCommand
{
    /// <summary>Checks the command line, then renders every input; a failing file does not stop the others.</summary>
    /// <param name="fileArguments">The FILE arguments: files, directories or patterns.</param>
    /// <param name="template">The <c>--template</c> value, or null for the default.</param>
    /// <param name="output">The <c>--output</c> value, or null to write next to each input.</param>
    /// <param name="reporter">Where messages go.</param>
    /// <param name="maxParallelism">How many files are rendered at once; null for one per processor.</param>
    /// <param name="modes">The versions to write of each file (<c>--mode</c>); null for the internal version alone.</param>
    /// <param name="language">The <c>--language</c> value that overrides each document's language, or null.</param>
    /// <param name="pdf">True for <c>--pdf</c>: a PDF beside each document (also asked for by an <c>--output</c> that names a .pdf).</param>
    /// <param name="limits">How much of each file may be read (<c>--limit</c>); null for the defaults.</param>
    /// <param name="keepStructure">True for <c>--keep-structure</c>: each document goes below the <c>-o</c> directory at its input's path relative to its argument.</param>
    /// <param name="renderLimits">How much work each rendering may do (<c>--limit</c>); null for the defaults.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="UsageException">The command line names things that cannot be used, or LibreOffice is needed and missing.</exception>
    public static int Run(IReadOnlyList<string> fileArguments, string? template, string? output, Reporter reporter, int? maxParallelism = null, IReadOnlyList<RenderMode>? modes = null, string? language = null, bool pdf = false, ReadLimits? limits = null, bool keepStructure = false, RenderLimits? renderLimits = null)
    {
        limits ??= ReadLimits.Default;
        renderLimits ??= RenderLimits.Default;
        // Everything the command line names is checked before any work starts, so a typo costs nothing.
        if (language is not null && !RenderOptions.IsLanguageTag(language))
        {
            throw new UsageException($"--language '{language}' is not a well-formed BCP 47 language tag; for example 'en', 'nl' or 'en-GB'");
        }

        modes ??= [RenderMode.Internal];
        var files = InputExpander.Expand(fileArguments);
        var inputs = files.Select(file => file.Path).ToList();
        using var pdfOutputs = pdf || PdfOutputs.NamesPdf(output) ? PdfOutputs.Prepare(inputs, output) : null;
        var documents = OutputPaths.Plan(files, pdfOutputs?.DocxOutput ?? output, modes, keepStructure);
        var located = TemplateResolver.Locate(template);
        var toWrite = documents.SelectMany(versions => versions.Select(document => document.Path)).ToList();
        if (pdfOutputs is not null)
        {
            toWrite.AddRange([.. toWrite.Select(pdfOutputs.PdfPath)]);
        }

        OutputPaths.CheckNotRead(toWrite, located.Path is { } templatePath && File.Exists(templatePath) ? [.. inputs, templatePath] : inputs);

        var wordTemplate = LoadTemplate(located, reporter, limits);
        if (wordTemplate is null)
        {
            reporter.Finish(documents: true);
            return ExitCodes.InvalidInput;
        }

        var outcomes = new Outcome?[inputs.Count];
        var written = new List<(string Input, string Docx)>();
        var reported = 0;
        var rendered = 0;
        var gate = new object();
        Parallel.For(
            0,
            inputs.Count,
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount },
            i =>
            {
                var outcome = RenderOne(inputs[i], documents[i], wordTemplate, language, limits, renderLimits);
                lock (gate)
                {
                    // Whatever is done and next in line is reported now, so output keeps the inputs' order.
                    outcomes[i] = outcome;
                    while (reported < inputs.Count && outcomes[reported] is { } next)
                    {
                        Report(reported, inputs.Count, inputs[reported], next, reporter, pdfOutputs?.DocxOutput is not null);
                        rendered += next.Rendered ? 1 : 0;
                        written.AddRange(next.Written.Select(document => (inputs[reported], document.Path)));
                        outcomes[reported] = null;
                        reported++;
                    }
                }
            });

        var failed = inputs.Count - rendered;
        if (inputs.Count > 1)
        {
            reporter.Results.WriteLine($"{rendered} rendered, {failed} failed");
        }

        // Converted after all are rendered, so that one LibreOffice start does them all.
        failed += pdfOutputs?.Convert(written, reporter) ?? 0;
        reporter.Finish(documents: true);
        return failed == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static WordTemplate? LoadTemplate((string? BuiltInName, string? Path) located, Reporter reporter, ReadLimits limits)
    {
        WordTemplate template;
        try
        {
            template = TemplateResolver.Load(located, limits);
        }
#pragma warning disable CA1031 // Whatever breaks a user's template file is reported against that file.
        catch (Exception e) when (located.Path is not null)
#pragma warning restore CA1031
        {
            reporter.FileError(located.Path, $"cannot load the template: {e.Message}");
            return null;
        }

        reporter.Diagnostics(template.Diagnostics);
        return template.HasErrors ? null : template;
    }

    /// <summary>
    /// Renders one file in each version asked for, on any thread; says nothing, but returns what is to be said.
    /// Nothing is written unless every version rendered, so an internal version never goes out without the
    /// publication version that was asked for beside it.
    /// </summary>
    private static Outcome RenderOne(string input, IReadOnlyList<(string Path, RenderMode Mode)> documents, WordTemplate template, string? language, ReadLimits limits, RenderLimits renderLimits)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            var parsed = MinutesParser.ParseFile(input, limits);
            diagnostics.AddRange(parsed.Diagnostics);
            if (parsed.HasErrors || parsed.Document is null)
            {
                return new Outcome(diagnostics, null, []);
            }

            var results = new List<(string Path, RenderMode Mode, RenderResult Result)>(documents.Count);
            foreach (var (path, mode) in documents)
            {
                var result = template.Render(parsed.Document, new RenderOptions { Mode = mode, Language = language, Limits = renderLimits });
                // The template's own warnings were said when it was loaded; what the versions share is said once.
                diagnostics.AddRange(result.Diagnostics.Where(d => !diagnostics.Contains(d) && !template.Diagnostics.Contains(d)));
                if (!result.Succeeded)
                {
                    var error = result.Diagnostics.Any(d => d.IsError) ? null : "the template produced no document";
                    return new Outcome(diagnostics, error, []);
                }

                results.Add((path, mode, result));
            }

            var written = new List<(string Path, RenderMode Mode)>(results.Count);
            foreach (var (path, mode, result) in results)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(path));
                if (directory is not null)
                {
                    Directory.CreateDirectory(directory);
                }

                result.Save(path);
                written.Add((path, mode));
            }

            return new Outcome(diagnostics, null, written);
        }
#pragma warning disable CA1031 // One file that breaks the library must not stop the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Outcome(diagnostics, e.Message, []);
        }
    }

    /// <summary>
    /// Reports one file: its diagnostics, then its lines. In a log that is <c>rendered IN -> OUT (VERSION)</c> for
    /// each document written (a failed file is told by its diagnostics); on a terminal every file gets a line
    /// counting the files done, <c>[3/10] rendered …</c> or <c>[4/10] failed …</c>. A Word document rendered only
    /// to be converted (<c>-o FILE.pdf</c>) gets no line: its PDF's line says what was written.
    /// </summary>
    private static void Report(int index, int count, string input, Outcome outcome, Reporter reporter, bool temporary)
    {
        reporter.Diagnostics(outcome.Diagnostics);
        if (outcome.Error is not null)
        {
            reporter.FileError(input, outcome.Error);
        }

        var progress = reporter.Interactive && count > 1 ? $"[{index + 1}/{count}] " : string.Empty;
        foreach (var (path, mode) in temporary ? [] : outcome.Written)
        {
            reporter.Written(input, path, VersionName(mode), progress);
        }

        if (!outcome.Rendered && progress.Length > 0)
        {
            reporter.Results.WriteLine($"{progress}failed {input}");
        }
    }

    /// <summary>The name of a version in what the command says: <c>internal</c> or <c>publication</c>.</summary>
    public static string VersionName(RenderMode mode) => mode == RenderMode.Publication ? "publication" : "internal";

    /// <summary>What became of one file.</summary>
    /// <param name="Diagnostics">The minutes' and the rendering's diagnostics.</param>
    /// <param name="Error">A problem with the file that has no place in it, or null.</param>
    /// <param name="Written">The documents written, with their version; empty when the file failed.</param>
    private sealed record Outcome(IReadOnlyList<Diagnostic> Diagnostics, string? Error, IReadOnlyList<(string Path, RenderMode Mode)> Written)
    {
        /// <summary>True when the file's documents were written.</summary>
        public bool Rendered => Written.Count > 0;
    }
}
