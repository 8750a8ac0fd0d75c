using System.Globalization;
using Minutes.Templating.Diagnostics;

namespace Minutes.Templating.Engine;

/// <summary>The wording and places of template problems; their codes are in <see cref="DiagnosticCodes"/>.</summary>
internal static class TemplateDiagnostics
{
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
            new SourceLocation(template, tag.ParagraphNumber, tag.Column + Math.Max(0, offsetInTag)) { Part = part });
    }

    /// <summary>A problem in a paragraph that is not tied to one tag.</summary>
    public static Diagnostic AtParagraph(string template, string part, int paragraph, int column, string paragraphText, string code, string message) =>
        new(DiagnosticSeverity.Error, code, message + " (paragraph: \"" + Shorten(paragraphText) + "\")", new SourceLocation(template, paragraph, column) { Part = part });

    /// <summary>A problem in a part that is not tied to one place in it.</summary>
    public static Diagnostic AtPart(string template, string part, string code, string message) =>
        new(DiagnosticSeverity.Error, code, message, new SourceLocation(template, 1, 1) { Part = part });

    /// <summary>A problem with the template file as a whole.</summary>
    public static Diagnostic AtFile(string template, string code, string message) =>
        new(DiagnosticSeverity.Error, code, message, new SourceLocation(template, 1, 1));

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
