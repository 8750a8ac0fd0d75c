using System.Xml.Linq;
using Minutes.Templating.Packaging;

namespace Minutes.Templating.Engine;

/// <summary>How a tag is placed in the Word document.</summary>
internal enum TagPlacement
{
    /// <summary>Inside a paragraph, among its runs.</summary>
    Inline,

    /// <summary>Alone (with other block tags) in a paragraph, which is removed.</summary>
    Paragraph,

    /// <summary>Alone (with other block tags) in a table row, which is removed.</summary>
    Row,
}

/// <summary>One <c>{{ … }}</c> tag found in a template part.</summary>
internal sealed class TemplateTag
{
    public TemplateTag(int index, string text, XElement run, XElement paragraph, int paragraphNumber, string paragraphText, int column)
    {
        Index = index;
        Text = text;
        Run = run;
        Paragraph = paragraph;
        ParagraphNumber = paragraphNumber;
        ParagraphText = paragraphText;
        Column = column;
        Code = TagSyntax.Code(text);
        Kind = TagSyntax.Classify(Code);
        RunProperties = run.Element(WordNames.RPr) is { } rPr ? new XElement(rPr) : null;
    }

    /// <summary>The tag's position among the part's tags.</summary>
    public int Index { get; }

    /// <summary>The tag as typed, delimiters included, quotes straightened.</summary>
    public string Text { get; }

    /// <summary>The Scriban code between the delimiters.</summary>
    public string Code { get; }

    /// <summary>What the tag does.</summary>
    public TagKind Kind { get; }

    /// <summary>The run that held the tag after normalisation.</summary>
    public XElement Run { get; }

    /// <summary>The paragraph the tag is in.</summary>
    public XElement Paragraph { get; }

    /// <summary>The 1-based number of the paragraph in its part.</summary>
    public int ParagraphNumber { get; }

    /// <summary>The paragraph's text as the author sees it in Word.</summary>
    public string ParagraphText { get; }

    /// <summary>The 1-based column of the tag in <see cref="ParagraphText"/>.</summary>
    public int Column { get; }

    /// <summary>The formatting of the tag's first character, which its output takes.</summary>
    public XElement? RunProperties { get; }

    /// <summary>Where the tag sits, decided once all tags of the part are known.</summary>
    public TagPlacement Placement { get; set; }

    /// <summary>The element that contains the tag's code in the generated source (for nesting checks).</summary>
    public XElement? Anchor { get; set; }

    /// <summary>Where the tag's code starts in the generated Scriban source.</summary>
    public int SourceStart { get; set; }

    /// <summary>Where the tag's code ends in the generated Scriban source.</summary>
    public int SourceEnd { get; set; }
}
