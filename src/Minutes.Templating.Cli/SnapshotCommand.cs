using System.CommandLine;
using Minutes.Templating.Snapshots;

namespace Minutes.Templating.Cli;

/// <summary><c>minutes snapshot</c>: prints the canonical text of a Word document, for snapshot tests and reviews.</summary>
internal static class SnapshotCommand
{
    /// <summary>The command, its argument and its action.</summary>
    /// <param name="reporter">Where the text and messages go.</param>
    public static Command Create(Reporter reporter)
    {
        var file = new Argument<string>("FILE") { Description = "A Word document (.docx)." };
        var command = new Command("snapshot", "Print a Word document as one stable, readable text: an outline of what a reader sees, then every part of the package normalised. Compare two documents with diff, or keep the text in a snapshot test.");
        command.Arguments.Add(file);
        command.SetAction(result => Run(result.GetRequiredValue(file), reporter));
        return command;
    }

    /// <summary>Writes the canonical text of <paramref name="path"/> to standard output.</summary>
    /// <returns>The exit code: 1 when the file is not a Word document.</returns>
    /// <exception cref="UsageException">The file does not exist.</exception>
    public static int Run(string path, Reporter reporter)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{path} is a directory; give a .docx file");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such file or directory");
        }

        string text;
        try
        {
            text = DocxSnapshot.ToText(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            reporter.FileError(path, e.Message);
            return ExitCodes.InvalidInput;
        }

        reporter.Out.Write(text);
        return ExitCodes.Success;
    }
}
