using Minutes.Templating.Rendering;

namespace Minutes.Templating.Cli;

/// <summary><c>minutes template list</c> and <c>minutes template init</c>: the built-in templates, and making one your own.</summary>
internal static class TemplateCommands
{
    /// <summary>Prints each built-in template with the one line that describes it.</summary>
    public static int List(Reporter reporter)
    {
        var width = WordTemplate.BuiltInNames.Max(n => n.Length);
        foreach (var name in WordTemplate.BuiltInNames)
        {
            reporter.Out.WriteLine($"{name.PadRight(width)}  {WordTemplate.BuiltIn(name).Description}");
        }

        return ExitCodes.Success;
    }

    /// <summary>Writes a built-in template and its labels into a folder, for a person to change in Word.</summary>
    /// <exception cref="UsageException">The name is not a built-in template, or the folder already holds one.</exception>
    public static int Init(string name, string directory, Reporter reporter)
    {
        var builtIn = WordTemplate.BuiltInNames.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"unknown template '{name}'; built in: {string.Join(", ", WordTemplate.BuiltInNames)}");
        IReadOnlyList<string> written;
        try
        {
            written = WordTemplate.ExportBuiltIn(builtIn, directory);
        }
        catch (IOException e)
        {
            throw new UsageException(e.Message);
        }

        foreach (var path in written)
        {
            reporter.Out.WriteLine($"wrote {path}");
        }

        reporter.Out.WriteLine($"Open {written[0]} in Word to change fonts, colours, logo, margins and wording; edit {written[1]} for the labels.");
        // A bare folder name would select the built-in template of that name: show it as a path.
        var shown = directory.IndexOfAny(['/', '\\']) >= 0 ? directory : Path.Join(".", directory);
        reporter.Out.WriteLine($"Then: minutes render MINUTES.yaml --template {shown}");
        return ExitCodes.Success;
    }
}
