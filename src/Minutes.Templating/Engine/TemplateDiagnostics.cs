using System.Globalization;
using Minutes.Templating.Diagnostics;

namespace Minutes.Templating.Engine;

/// <summary>The codes and wording of template problems.</summary>
internal static class TemplateDiagnostics
{
    public const string Syntax = "MT2001";
    public const string UnclosedTag = "MT2002";
    public const string BlockPlacement = "MT2003";
    public const string Unbalanced = "MT2004";
    public const string Runtime = "MT2005";
    public const string Limit = "MT2006";
    public const string Package = "MT2007";
    public const string UnknownName = "MT2008";

    /// <summary>A link to something outside the package (not a hyperlink) was taken out of the template (a warning).</summary>
    public const string ExternalLink = "MT2101";

    /// <summary>Macros were taken out of a macro-enabled template (a warning).</summary>
    public const string Macros = "MT2102";

    /// <summary>A problem in a tag, placed at the tag's paragraph and column in its part.</summary>
    public static Diagnostic AtTag(string template, string part, TemplateTag tag, string code, string message, int offsetInTag = -1)
    {
        var where = offsetInTag >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"character {offsetInTag + 1} of the tag; ")
            : string.Empty;
        return new Diagnostic(
            DiagnosticSeverity.Error,
            code,
            tag.Text + ": " + message + " (" + where + "paragraph: \"" + Shorten(tag.ParagraphText) + "\")",
            new SourceLocation(template + "[" + part + "]", tag.ParagraphNumber, tag.Column + Math.Max(0, offsetInTag)));
    }

    /// <summary>A problem in a paragraph that is not tied to one tag.</summary>
    public static Diagnostic AtParagraph(string template, string part, int paragraph, int column, string paragraphText, string code, string message) =>
        new(DiagnosticSeverity.Error, code, message + " (paragraph: \"" + Shorten(paragraphText) + "\")", new SourceLocation(template + "[" + part + "]", paragraph, column));

    /// <summary>A problem with the template file as a whole.</summary>
    public static Diagnostic AtFile(string template, string code, string message) =>
        new(DiagnosticSeverity.Error, code, message, new SourceLocation(template, 1, 1));

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
