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

/// <summary>
/// A place in a source file, with a 1-based line and column; in a template, also the part of the package
/// (<c>header1</c>, <c>document</c>…) the line and column count in.
/// </summary>
public readonly record struct SourceLocation
{
    /// <summary>A place in <paramref name="file"/>.</summary>
    /// <param name="file">The file name as given by the caller (for example the path on the command line).</param>
    /// <param name="line">The 1-based line (in a template part: the paragraph).</param>
    /// <param name="column">The 1-based column.</param>
    public SourceLocation(string file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The file name as given by the caller (for example the path on the command line).</summary>
    public string File { get; init; }

    /// <summary>
    /// The part of a template package the place is in, as the template's diagnostics name it (<c>document</c>,
    /// <c>header1</c>, <c>footnotes</c>, or the package entry such as <c>word/header1.xml</c>); null for a place in a
    /// file that has no parts (minutes, labels) or in the package as a whole.
    /// </summary>
    public string? Part { get; init; }

    /// <summary>The 1-based line; in a template part, the 1-based paragraph.</summary>
    public int Line { get; init; }

    /// <summary>The 1-based column.</summary>
    public int Column { get; init; }

    /// <summary>Formats the location as <c>file:line:column</c>, or <c>file[part]:line:column</c> in a template part.</summary>
    public override string ToString() => Part is null
        ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}")
        : string.Create(CultureInfo.InvariantCulture, $"{File}[{Part}]:{Line}:{Column}");
}

/// <summary>
/// One problem found in minutes or in a template, with the place it was found.
/// Diagnostics are collected and returned all at once, never thrown one by one.
/// </summary>
public sealed record Diagnostic
{
    /// <summary>A diagnostic with all it needs.</summary>
    /// <param name="severity">Error or warning.</param>
    /// <param name="code">A stable code such as <c>MT1001</c>, one per kind of problem.</param>
    /// <param name="message">What is wrong, in words a user can act on.</param>
    /// <param name="location">Where the problem is.</param>
    public Diagnostic(DiagnosticSeverity severity, string code, string message, SourceLocation location)
    {
        Severity = severity;
        Code = code;
        Message = message;
        Location = location;
    }

    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity { get; init; }

    /// <summary>A stable code such as <c>MT1001</c>, one per kind of problem.</summary>
    public string Code { get; init; }

    /// <summary>What is wrong, in words a user can act on.</summary>
    public string Message { get; init; }

    /// <summary>Where the problem is; for a template, <see cref="SourceLocation.Part"/> names the part.</summary>
    public SourceLocation Location { get; init; }

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
