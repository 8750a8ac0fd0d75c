using Minutes.Templating.Schema;

namespace Minutes.Templating.Cli;

/// <summary><c>minutes schema</c>: prints the JSON Schema of the minutes YAML contract.</summary>
internal static class SchemaCommand
{
    /// <summary>Writes the schema to standard output.</summary>
    /// <param name="reporter">Where the schema goes.</param>
    /// <returns>The exit code.</returns>
    public static int Run(Reporter reporter)
    {
        var json = MinutesSchema.Json;
        reporter.Out.Write(json);
        if (!json.EndsWith('\n'))
        {
            reporter.Out.WriteLine();
        }

        return ExitCodes.Success;
    }
}
