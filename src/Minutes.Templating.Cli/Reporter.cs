using Minutes.Templating.Diagnostics;

namespace Minutes.Templating.Cli;

/// <summary>Writes what the commands have to say: results to standard output, diagnostics and errors to standard error.</summary>
internal sealed class Reporter(TextWriter stdout, TextWriter stderr)
{
    /// <summary>The name the command goes by in its messages.</summary>
    public const string CommandName = "minutes";

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>Writes each diagnostic as <c>file:line:column: error|warning: message [code]</c>.</summary>
    public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Error.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>Writes a problem with one file that has no place inside it (it cannot be read, for example).</summary>
    public void FileError(string file, string message) => Error.WriteLine($"{file}: error: {message}");

    /// <summary>Writes a problem with the command as a whole.</summary>
    public void CommandError(string message) => Error.WriteLine($"{CommandName}: error: {message}");
}
