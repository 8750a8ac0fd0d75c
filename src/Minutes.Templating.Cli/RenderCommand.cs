using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Cli;

/// <summary><c>minutes render</c>: renders each minutes file with one template into a .docx.</summary>
internal static class RenderCommand
{
    /// <summary>Checks the command line, then renders every input; a failing file does not stop the others.</summary>
    /// <param name="fileArguments">The FILE arguments: files, directories or patterns.</param>
    /// <param name="template">The <c>--template</c> value, or null for the default.</param>
    /// <param name="output">The <c>--output</c> value, or null to write next to each input.</param>
    /// <param name="reporter">Where messages go.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="UsageException">The command line names things that cannot be used.</exception>
    public static int Run(IReadOnlyList<string> fileArguments, string? template, string? output, Reporter reporter)
    {
        // Everything the command line names is checked before any work starts, so a typo costs nothing.
        var inputs = InputExpander.Expand(fileArguments);
        var outputs = OutputPaths.Resolve(inputs, output);
        var located = TemplateResolver.Locate(template);

        var wordTemplate = LoadTemplate(located, reporter);
        if (wordTemplate is null)
        {
            return ExitCodes.InvalidInput;
        }

        var rendered = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            if (RenderOne(inputs[i], outputs[i], wordTemplate, reporter))
            {
                rendered++;
            }
        }

        var failed = inputs.Count - rendered;
        if (inputs.Count > 1)
        {
            reporter.Out.WriteLine($"{rendered} rendered, {failed} failed");
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static WordTemplate? LoadTemplate((string? BuiltInName, string? Path) located, Reporter reporter)
    {
        WordTemplate template;
        try
        {
            template = TemplateResolver.Load(located);
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

    private static bool RenderOne(string input, string output, WordTemplate template, Reporter reporter)
    {
        try
        {
            var parsed = MinutesParser.ParseFile(input);
            reporter.Diagnostics(parsed.Diagnostics);
            if (parsed.HasErrors || parsed.Document is null)
            {
                return false;
            }

            var result = template.Render(parsed.Document);
            reporter.Diagnostics(result.Diagnostics);
            if (!result.Succeeded)
            {
                if (!result.Diagnostics.Any(d => d.IsError))
                {
                    reporter.FileError(input, "the template produced no document");
                }

                return false;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            result.Save(output);
            reporter.Out.WriteLine($"rendered {input} -> {output}");
            return true;
        }
#pragma warning disable CA1031 // One file that breaks the library must not stop the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reporter.FileError(input, e.Message);
            return false;
        }
    }
}
