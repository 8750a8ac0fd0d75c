using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Minutes.Templating.Rendering;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>
/// Builds a Word template in memory with the OpenXML SDK: the parts Word writes (styles, numbering,
/// settings), the body, headers and footers of each kind, footnotes and an image part, each part's
/// XML as Word would write it.
/// </summary>
internal sealed class TemplateBuilder
{
    /// <summary>The relationship id of the image part <see cref="Wml.Picture"/> can show.</summary>
    public const string ImageId = "rIdImage1";

    // A 1×1 transparent PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly List<XElement> _body = [];
    private readonly List<(string Type, XElement[] Blocks)> _headers = [];
    private readonly List<(string Type, XElement[] Blocks)> _footers = [];
    private XElement[]? _footnote;

    /// <summary>Adds paragraphs and tables to the body.</summary>
    public TemplateBuilder Add(params XElement[] blocks)
    {
        _body.AddRange(blocks);
        return this;
    }

    /// <summary>Adds paragraphs to the body, one per line of text, each in one run.</summary>
    public TemplateBuilder Lines(params string[] lines)
    {
        _body.AddRange(lines.Select(Para));
        return this;
    }

    /// <summary>Adds a header: <c>default</c>, <c>first</c> or <c>even</c>.</summary>
    public TemplateBuilder Header(string type, params XElement[] blocks)
    {
        _headers.Add((type, blocks));
        return this;
    }

    /// <summary>Adds a footer: <c>default</c>, <c>first</c> or <c>even</c>.</summary>
    public TemplateBuilder Footer(string type, params XElement[] blocks)
    {
        _footers.Add((type, blocks));
        return this;
    }

    /// <summary>Sets the text of footnote 1 (Word's separators are added as Word does).</summary>
    public TemplateBuilder Footnote(params XElement[] blocks)
    {
        _footnote = blocks;
        return this;
    }

    /// <summary>The template as a .docx (or, with <see cref="WordprocessingDocumentType.Template"/>, a .dotx).</summary>
    public byte[] ToPackage(WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            Write(main.AddNewPart<StyleDefinitionsPart>(), Styles());
            Write(main.AddNewPart<NumberingDefinitionsPart>(), Numbering());
            Write(main.AddNewPart<DocumentSettingsPart>(), Settings());
            var image = main.AddImagePart(ImagePartType.Png, ImageId);
            using (var data = new MemoryStream(Png))
            {
                image.FeedData(data);
            }

            var section = new XElement(W + "sectPr", new XAttribute(W + "rsidR", "00C45A12"));
            foreach (var (type_, blocks) in _headers)
            {
                var part = main.AddNewPart<HeaderPart>();
                Write(part, Root("hdr", blocks));
                section.Add(new XElement(W + "headerReference", new XAttribute(W + "type", type_), new XAttribute(Rel + "id", main.GetIdOfPart(part))));
            }

            foreach (var (type_, blocks) in _footers)
            {
                var part = main.AddNewPart<FooterPart>();
                Write(part, Root("ftr", blocks));
                section.Add(new XElement(W + "footerReference", new XAttribute(W + "type", type_), new XAttribute(Rel + "id", main.GetIdOfPart(part))));
            }

            if (_footnote is not null)
            {
                Write(main.AddNewPart<FootnotesPart>(), Footnotes(_footnote));
            }

            section.Add(
                new XElement(W + "pgSz", new XAttribute(W + "w", 11906), new XAttribute(W + "h", 16838)),
                new XElement(W + "pgMar", new XAttribute(W + "top", 1417), new XAttribute(W + "right", 1417), new XAttribute(W + "bottom", 1417), new XAttribute(W + "left", 1417), new XAttribute(W + "header", 708), new XAttribute(W + "footer", 708), new XAttribute(W + "gutter", 0)),
                new XElement(W + "cols", new XAttribute(W + "space", 708)),
                _headers.Concat(_footers).Any(h => h.Type == "first") ? new XElement(W + "titlePg") : null,
                new XElement(W + "docGrid", new XAttribute(W + "linePitch", 360)));
            Write(main, Root("document", new XElement(W + "body", _body.Select(e => new XElement(e)), section)));
        }

        return stream.ToArray();
    }

    /// <summary>The template as Word's single-file Flat OPC XML.</summary>
    public string ToFlatOpc()
    {
        using var stream = new MemoryStream(ToPackage());
        using var document = WordprocessingDocument.Open(stream, false);
        return document.ToFlatOpcString();
    }

    /// <summary>Loads the template with the library.</summary>
    public WordTemplate Load(string name = "template.docx")
    {
        using var stream = new MemoryStream(ToPackage());
        return WordTemplate.Load(stream, name);
    }

    private static XElement Root(string name, params object?[] content) => new(W + name, RootNamespaces(), content);

    private static void Write(OpenXmlPart part, XElement root)
    {
        using var stream = part.GetStream(FileMode.Create);
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), root).Save(stream);
    }

    private static XElement Footnotes(XElement[] blocks) => Root(
        "footnotes",
        new XElement(W + "footnote", new XAttribute(W + "type", "separator"), new XAttribute(W + "id", -1), P(new XElement(W + "r", new XElement(W + "separator")))),
        new XElement(W + "footnote", new XAttribute(W + "type", "continuationSeparator"), new XAttribute(W + "id", 0), P(new XElement(W + "r", new XElement(W + "continuationSeparator")))),
        new XElement(W + "footnote", new XAttribute(W + "id", 1), blocks.Select(b => new XElement(b))));

    private static XElement Styles()
    {
        XElement Style(string type, string id, string name, params object[] rest) =>
            new(W + "style", new XAttribute(W + "type", type), new XAttribute(W + "styleId", id), new XElement(W + "name", new XAttribute(W + "val", name)), rest);

        return Root(
            "styles",
            new XElement(W + "docDefaults", new XElement(W + "rPrDefault", new XElement(W + "rPr", new XElement(W + "rFonts", new XAttribute(W + "ascii", "Calibri"), new XAttribute(W + "hAnsi", "Calibri")), new XElement(W + "sz", new XAttribute(W + "val", 22))))),
            Style("paragraph", "Normal", "Normal", new XAttribute(W + "default", 1)),
            Style("paragraph", "Heading1", "heading 1", new XElement(W + "basedOn", new XAttribute(W + "val", "Normal"))),
            Style("paragraph", "ListBullet", "List Bullet", new XElement(W + "basedOn", new XAttribute(W + "val", "Normal")), new XElement(W + "pPr", new XElement(W + "numPr", new XElement(W + "numId", new XAttribute(W + "val", 1))))),
            Style("table", "TableGrid", "Table Grid"));
    }

    /// <summary>The list instance (numId) of the bulleted list.</summary>
    public const int BulletList = 1;

    /// <summary>The list instance (numId) of the numbered list (1., 2., 3.).</summary>
    public const int NumberedList = 2;

    private static XElement Numbering() => Root(
        "numbering",
        AbstractList(0, "bullet", _ => "•"),
        AbstractList(1, "decimal", level => "%" + (level + 1) + "."),
        new XElement(W + "num", new XAttribute(W + "numId", BulletList), new XElement(W + "abstractNumId", new XAttribute(W + "val", 0))),
        new XElement(W + "num", new XAttribute(W + "numId", NumberedList), new XElement(W + "abstractNumId", new XAttribute(W + "val", 1))));

    private static XElement AbstractList(int id, string format, Func<int, string> text) => new(
        W + "abstractNum",
        new XAttribute(W + "abstractNumId", id),
        Enumerable.Range(0, 9).Select(level => new XElement(
            W + "lvl",
            new XAttribute(W + "ilvl", level),
            new XElement(W + "start", new XAttribute(W + "val", 1)),
            new XElement(W + "numFmt", new XAttribute(W + "val", format)),
            new XElement(W + "lvlText", new XAttribute(W + "val", text(level))),
            new XElement(W + "lvlJc", new XAttribute(W + "val", "left")),
            new XElement(W + "pPr", new XElement(W + "ind", new XAttribute(W + "left", 360 * (level + 1)), new XAttribute(W + "hanging", 360))))));

    private static XElement Settings() => Root(
        "settings",
        new XElement(W + "zoom", new XAttribute(W + "percent", 100)),
        new XElement(W + "defaultTabStop", new XAttribute(W + "val", 708)),
        new XElement(W + "characterSpacingControl", new XAttribute(W + "val", "doNotCompress")),
        new XElement(W + "compat", new XElement(W + "compatSetting", new XAttribute(W + "name", "compatibilityMode"), new XAttribute(W + "uri", "http://schemas.microsoft.com/office/word"), new XAttribute(W + "val", 15))));
}
