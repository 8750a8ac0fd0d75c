using System.Globalization;

namespace Minutes.Templating.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be rendered until this is fixed.</summary>
    Error,

    /// <summary>The input can be rendered, but probably not as intended.</summary>
    Warning,
}

/// <summary>A place in a source file, with a 1-based line and column.</summary>
/// <param name="File">The file name as given by the caller (for example the path on the command line).</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>Formats the location as <c>file:line:column</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}

/// <summary>
/// One problem found in minutes or in a template, with the place it was found.
/// Diagnostics are collected and returned all at once, never thrown one by one.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable code such as <c>MT1001</c>, one per kind of problem.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
/// <param name="Location">Where the problem is.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location)
{
    /// <summary>True when this is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// Formats the diagnostic as <c>file:line:column: error|warning: message [code]</c>, the form compilers use,
    /// on one line: control characters taken from the input (a newline or ESC in a key) are written as escapes
    /// such as <c>\n</c> and <c>\u001B</c>, so a file cannot forge lines or send terminal commands.
    /// </summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return Escape(string.Create(CultureInfo.InvariantCulture, $"{Location}: {severity}: {Message} [{Code}]"));
    }

    private static string Escape(string text)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
