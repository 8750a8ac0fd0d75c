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

    /// <summary>Formats the diagnostic as <c>file:line:column: error|warning: message [code]</c>, the form compilers use.</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return string.Create(CultureInfo.InvariantCulture, $"{Location}: {severity}: {Message} [{Code}]");
    }
}
