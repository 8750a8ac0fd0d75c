using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;
using Minutes.Templating.Rendering;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>A rendered .docx, checked valid, read back as XML and text.</summary>
internal sealed class Rendered
{
    private Rendered(byte[] bytes)
    {
        Bytes = bytes;
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        DocumentType = document.DocumentType;
        Document = Read(main);
        var section = Document.Root!.Element(W + "body")!.Element(W + "sectPr");
        foreach (var reference in section?.Elements() ?? [])
        {
            var type = (string?)reference.Attribute(W + "type") ?? "default";
            var id = (string?)reference.Attribute(Rel + "id");
            if (reference.Name == W + "headerReference")
            {
                Headers[type] = Read(main.GetPartById(id!));
            }
            else if (reference.Name == W + "footerReference")
            {
                Footers[type] = Read(main.GetPartById(id!));
            }
        }

        Footnotes = main.FootnotesPart is { } footnotes ? Read(footnotes) : null;
        Links = main.HyperlinkRelationships.ToDictionary(h => h.Id, h => h.Uri.OriginalString, StringComparer.Ordinal);
    }

    public byte[] Bytes { get; }

    public WordprocessingDocumentType DocumentType { get; }

    /// <summary>The main document part.</summary>
    public XDocument Document { get; }

    /// <summary>The headers by kind: <c>default</c>, <c>first</c>, <c>even</c>.</summary>
    public Dictionary<string, XDocument> Headers { get; } = new(StringComparer.Ordinal);

    /// <summary>The footers by kind: <c>default</c>, <c>first</c>, <c>even</c>.</summary>
    public Dictionary<string, XDocument> Footers { get; } = new(StringComparer.Ordinal);

    public XDocument? Footnotes { get; }

    /// <summary>The main part's external hyperlink relationships: id → address.</summary>
    public Dictionary<string, string> Links { get; }

    /// <summary>The text of every paragraph of the body, in order (text box paragraphs included, after their own).</summary>
    public List<string> Paragraphs => ParagraphTexts(Document.Root!.Element(W + "body")!);

    /// <summary>The non-empty paragraphs of the body.</summary>
    public List<string> Lines => Paragraphs.Where(p => p.Length > 0).ToList();

    /// <summary>Renders <paramref name="template"/>, asserting it loads and renders without problems and its output is valid.</summary>
    public static Rendered From(TemplateBuilder template, MinutesDocument? minutes = null, RenderOptions? options = null) =>
        From(template.ToPackage(), minutes, options);

    /// <summary>Renders template bytes, asserting it loads and renders without problems and its output is valid.</summary>
    public static Rendered From(byte[] template, MinutesDocument? minutes = null, RenderOptions? options = null)
    {
        using var stream = new MemoryStream(template);
        return From(WordTemplate.Load(stream, "template.docx"), minutes, options);
    }

    /// <summary>Renders a loaded template, asserting it renders without problems and its output is valid.</summary>
    public static Rendered From(WordTemplate template, MinutesDocument? minutes = null, RenderOptions? options = null)
    {
        Assert.True(template.Diagnostics.Count == 0, "The template has problems:\n" + string.Join("\n", template.Diagnostics));
        var result = template.Render(minutes ?? Samples.Minutes(), options);
        Assert.True(result.Succeeded, "The rendering failed:\n" + string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var bytes = result.ToArray();
        var errors = Validate(bytes);
        Assert.True(errors.Count == 0, $"The output has {errors.Count} validation errors:\n" + string.Join("\n", errors));
        return new Rendered(bytes);
    }

    /// <summary>The problems of loading and rendering <paramref name="template"/>, which must fail.</summary>
    public static IReadOnlyList<Diagnostic> Problems(TemplateBuilder template, MinutesDocument? minutes = null, RenderOptions? options = null)
    {
        var loaded = template.Load();
        var result = loaded.Render(minutes ?? Samples.Minutes(), options);
        Assert.False(result.Succeeded, "The rendering succeeded but should not have.");
        Assert.Throws<InvalidOperationException>(() => result.ToArray());
        return result.Diagnostics;
    }

    /// <summary>The OpenXML validator's errors for a .docx, each with its part, path and description.</summary>
    public static List<string> Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        return validator.Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }

    /// <summary>The text of each paragraph under <paramref name="root"/> in document order: tabs as \t, breaks as \n.</summary>
    public static List<string> ParagraphTexts(XContainer root) => root.Descendants(W + "p").Select(Text).ToList();

    /// <summary>The text of one paragraph, without the text of paragraphs nested in it (text boxes).</summary>
    public static string Text(XElement paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants().Where(e => e.Ancestors(W + "p").First() == paragraph))
        {
            if (element.Name == W + "t")
            {
                builder.Append(element.Value);
            }
            else if (element.Name == W + "tab" && element.Parent?.Name == W + "r")
            {
                builder.Append('\t');
            }
            else if (element.Name == W + "br")
            {
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>The runs of the body whose text is exactly <paramref name="text"/>.</summary>
    public List<XElement> RunsWithText(string text) =>
        Document.Descendants(W + "r").Where(r => string.Concat(r.Elements(W + "t").Select(t => t.Value)) == text).ToList();

    private static XDocument Read(OpenXmlPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        return XDocument.Load(stream);
    }
}
