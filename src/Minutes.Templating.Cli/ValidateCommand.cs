using Minutes.Templating.Parsing;

namespace Minutes.Templating.Cli;

/// <summary><c>minutes validate</c>: checks minutes files against the YAML contract without rendering.</summary>
internal static class ValidateCommand
{
    /// <summary>Parses every input and reports its diagnostics.</summary>
    /// <param name="fileArguments">The FILE arguments: files, directories or patterns.</param>
    /// <param name="reporter">Where messages go.</param>
    /// <param name="limits">How much of each file may be read (<c>--limit</c>); null for the defaults.</param>
    /// <returns>The exit code: 1 when any file has errors.</returns>
    /// <exception cref="UsageException">The command line names files that do not exist.</exception>
    public static int Run(IReadOnlyList<string> fileArguments, Reporter reporter, ReadLimits? limits = null)
    {
        var inputs = InputExpander.Expand(fileArguments).Select(file => file.Path).ToList();
        var valid = 0;
        foreach (var input in inputs)
        {
            MinutesParseResult parsed;
            try
            {
                parsed = MinutesParser.ParseFile(input, limits ?? ReadLimits.Default);
            }
#pragma warning disable CA1031 // One file that breaks the library must not stop the others.
            catch (Exception e)
#pragma warning restore CA1031
            {
                reporter.FileError(input, e.Message);
                continue;
            }

            reporter.Diagnostics(parsed.Diagnostics);
            if (!parsed.HasErrors)
            {
                valid++;
                var warnings = parsed.Diagnostics.Count;
                reporter.Results.WriteLine(warnings == 0 ? $"ok: {input}" : $"ok: {input} ({warnings} warning{(warnings == 1 ? "" : "s")})");
            }
        }

        var invalid = inputs.Count - valid;
        if (inputs.Count > 1)
        {
            reporter.Results.WriteLine($"{valid} valid, {invalid} invalid");
        }

        reporter.Finish();
        return invalid == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
