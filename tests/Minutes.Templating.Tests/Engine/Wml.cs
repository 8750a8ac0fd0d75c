using System.Xml.Linq;

namespace Minutes.Templating.Tests.Engine;

/// <summary>
/// Builds WordprocessingML the way Word writes it when an author types a template: runs cut at
/// rsid boundaries, spelling marks, bookmarks, text boxes, drawings, tables in tables.
/// </summary>
internal static class Wml
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace Pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    public static readonly XNamespace Wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
    public static readonly XNamespace Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    public static readonly XNamespace V = "urn:schemas-microsoft-com:vml";
    public static readonly XNamespace O = "urn:schemas-microsoft-com:office:office";
    public static readonly XNamespace W10 = "urn:schemas-microsoft-com:office:word";
    public static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    public static readonly XNamespace Wp14 = "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing";

    /// <summary>The namespace declarations Word puts on the root of every part it writes.</summary>
    public static IEnumerable<XAttribute> RootNamespaces() =>
    [
        new(XNamespace.Xmlns + "wpc", "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"),
        new(XNamespace.Xmlns + "mc", Mc.NamespaceName),
        new(XNamespace.Xmlns + "o", O.NamespaceName),
        new(XNamespace.Xmlns + "r", Rel.NamespaceName),
        new(XNamespace.Xmlns + "v", V.NamespaceName),
        new(XNamespace.Xmlns + "wp14", Wp14.NamespaceName),
        new(XNamespace.Xmlns + "wp", Wp.NamespaceName),
        new(XNamespace.Xmlns + "w10", W10.NamespaceName),
        new(XNamespace.Xmlns + "w", W.NamespaceName),
        new(XNamespace.Xmlns + "w14", W14.NamespaceName),
        new(XNamespace.Xmlns + "wps", Wps.NamespaceName),
        new(Mc + "Ignorable", "w14 wp14"),
    ];

    public static XElement P(params object?[] content) => new(W + "p", content);

    /// <summary>A paragraph whose only text is <paramref name="text"/>, in one run.</summary>
    public static XElement Para(string text) => P(R(text));

    public static XElement PPr(params object?[] content) => new(W + "pPr", content);

    public static XElement PStyle(string style) => new(W + "pStyle", Val(style));

    /// <summary>A run: text, plus <c>w:rPr</c> children (XElements) and run attributes such as rsids (XAttributes).</summary>
    public static XElement R(string text, params object?[] formatting)
    {
        var properties = formatting.OfType<XElement>().ToList();
        return new XElement(
            W + "r",
            formatting.OfType<XAttribute>(),
            properties.Count == 0 ? null : new XElement(W + "rPr", properties),
            T(text));
    }

    /// <summary>A run whose <c>w:t</c> has <c>xml:space="preserve"</c> only when asked for, as Word leaves it on some pieces.</summary>
    public static XElement RawRun(string text, bool preserve) =>
        new(W + "r", new XElement(W + "t", preserve ? new XAttribute(XNamespace.Xml + "space", "preserve") : null, text));

    public static XElement T(string text) =>
        new(W + "t", text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? new XAttribute(XNamespace.Xml + "space", "preserve") : null, text);

    public static XAttribute Rsid(string value) => new(W + "rsidR", value);

    public static XElement Bold() => new(W + "b");

    public static XElement Italic() => new(W + "i");

    public static XElement Color(string hex) => new(W + "color", Val(hex));

    public static XElement Size(int halfPoints) => new(W + "sz", Val(halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static XElement ProofErr(string type) => new(W + "proofErr", new XAttribute(W + "type", type));

    public static XElement BookmarkStart(int id, string name) => new(W + "bookmarkStart", new XAttribute(W + "id", id), new XAttribute(W + "name", name));

    public static XElement BookmarkEnd(int id) => new(W + "bookmarkEnd", new XAttribute(W + "id", id));

    public static XElement FootnoteReference(int id) =>
        new(W + "r", new XElement(W + "rPr", new XElement(W + "vertAlign", Val("superscript"))), new XElement(W + "footnoteReference", new XAttribute(W + "id", id)));

    /// <summary>A table with a fixed grid, its column count taken from the first row.</summary>
    public static XElement Table(params XElement[] rows)
    {
        var columns = rows.Length == 0 ? 1 : rows[0].Elements(W + "tc").Count();
        return new XElement(
            W + "tbl",
            new XElement(
                W + "tblPr",
                new XElement(W + "tblStyle", Val("TableGrid")),
                new XElement(W + "tblW", new XAttribute(W + "w", 0), new XAttribute(W + "type", "auto")),
                new XElement(W + "tblLook", Val("04A0"), new XAttribute(W + "firstRow", 1), new XAttribute(W + "lastRow", 0), new XAttribute(W + "firstColumn", 1), new XAttribute(W + "lastColumn", 0), new XAttribute(W + "noHBand", 0), new XAttribute(W + "noVBand", 1))),
            new XElement(W + "tblGrid", Enumerable.Range(0, columns).Select(_ => new XElement(W + "gridCol", new XAttribute(W + "w", 3000)))),
            rows);
    }

    public static XElement Row(params XElement[] cells) => new(W + "tr", new XAttribute(W + "rsidR", "00C45A12"), cells);

    /// <summary>A cell holding paragraphs (and tables); Word's cell always ends with a paragraph.</summary>
    public static XElement Cell(params XElement[] blocks) =>
        new(W + "tc", new XElement(W + "tcPr", new XElement(W + "tcW", new XAttribute(W + "w", 3000), new XAttribute(W + "type", "dxa"))), blocks);

    /// <summary>A cell holding one paragraph of text.</summary>
    public static XElement Cell(string text) => Cell(text.Length == 0 ? P() : Para(text));

    /// <summary>A row of cells, each holding one paragraph of text.</summary>
    public static XElement TextRow(params string[] cells) => Row(cells.Select(Cell).ToArray());

    /// <summary>A run holding a VML text box (<c>w:pict/v:shape/v:textbox/w:txbxContent</c>), as older Word and the fallback write it.</summary>
    public static XElement VmlTextBox(string id, params XElement[] paragraphs) => VmlTextBox(id, shapeType: true, paragraphs);

    /// <summary>A VML text box; Word writes the shape type once per document, with the first shape that uses it.</summary>
    public static XElement VmlTextBox(string id, bool shapeType, params XElement[] paragraphs) =>
        new(
            W + "r",
            new XElement(
                W + "pict",
                !shapeType ? null : new XElement(
                    V + "shapetype",
                    new XAttribute("id", "_x0000_t202"),
                    new XAttribute("coordsize", "21600,21600"),
                    new XAttribute(O + "spt", "202"),
                    new XAttribute("path", "m,l,21600r21600,l21600,xe"),
                    new XElement(V + "stroke", new XAttribute("joinstyle", "miter")),
                    new XElement(V + "path", new XAttribute("gradientshapeok", "t"), new XAttribute(O + "connecttype", "rect"))),
                new XElement(
                    V + "shape",
                    new XAttribute("id", id),
                    new XAttribute("type", "#_x0000_t202"),
                    new XAttribute("style", "width:200pt;height:50pt"),
                    new XElement(V + "textbox", new XElement(W + "txbxContent", paragraphs)))));

    /// <summary>
    /// A run holding a DrawingML text box (<c>wps:wsp/wps:txbx/w:txbxContent</c>) in the
    /// <c>mc:AlternateContent</c> Word writes, with its VML fallback.
    /// </summary>
    public static XElement WpsTextBox(int docPrId, Func<XElement[]> paragraphs) =>
        new(
            W + "r",
            new XElement(
                Mc + "AlternateContent",
                new XElement(
                    Mc + "Choice",
                    new XAttribute("Requires", "wps"),
                    new XElement(
                        W + "drawing",
                        new XElement(
                            Wp + "inline",
                            new XAttribute("distT", 0),
                            new XAttribute("distB", 0),
                            new XAttribute("distL", 0),
                            new XAttribute("distR", 0),
                            new XElement(Wp + "extent", new XAttribute("cx", 2540000), new XAttribute("cy", 635000)),
                            new XElement(Wp + "docPr", new XAttribute("id", docPrId), new XAttribute("name", "Text Box " + docPrId)),
                            new XElement(Wp + "cNvGraphicFramePr"),
                            new XElement(
                                A + "graphic",
                                new XElement(
                                    A + "graphicData",
                                    new XAttribute("uri", Wps.NamespaceName),
                                    new XElement(
                                        Wps + "wsp",
                                        new XElement(Wps + "cNvSpPr", new XAttribute("txBox", 1)),
                                        new XElement(
                                            Wps + "spPr",
                                            new XElement(A + "xfrm", new XElement(A + "off", new XAttribute("x", 0), new XAttribute("y", 0)), new XElement(A + "ext", new XAttribute("cx", 2540000), new XAttribute("cy", 635000))),
                                            new XElement(A + "prstGeom", new XAttribute("prst", "rect"), new XElement(A + "avLst"))),
                                        new XElement(Wps + "txbx", new XElement(W + "txbxContent", paragraphs())),
                                        new XElement(Wps + "bodyPr"))))))),
                new XElement(Mc + "Fallback", VmlTextBox("Text Box " + docPrId, shapeType: false, paragraphs()).Elements())));

    /// <summary>A run holding an inline picture of the image part <paramref name="relationshipId"/>.</summary>
    public static XElement Picture(int docPrId, string relationshipId) =>
        new(
            W + "r",
            new XElement(
                W + "drawing",
                new XElement(
                    Wp + "inline",
                    new XAttribute("distT", 0),
                    new XAttribute("distB", 0),
                    new XAttribute("distL", 0),
                    new XAttribute("distR", 0),
                    new XElement(Wp + "extent", new XAttribute("cx", 95250), new XAttribute("cy", 95250)),
                    new XElement(Wp + "docPr", new XAttribute("id", docPrId), new XAttribute("name", "Picture " + docPrId)),
                    new XElement(Wp + "cNvGraphicFramePr", new XElement(A + "graphicFrameLocks", new XAttribute("noChangeAspect", 1))),
                    new XElement(
                        A + "graphic",
                        new XElement(
                            A + "graphicData",
                            new XAttribute("uri", Pic.NamespaceName),
                            new XElement(
                                Pic + "pic",
                                new XElement(Pic + "nvPicPr", new XElement(Pic + "cNvPr", new XAttribute("id", 0), new XAttribute("name", "logo.png")), new XElement(Pic + "cNvPicPr")),
                                new XElement(Pic + "blipFill", new XElement(A + "blip", new XAttribute(Rel + "embed", relationshipId)), new XElement(A + "stretch", new XElement(A + "fillRect"))),
                                new XElement(
                                    Pic + "spPr",
                                    new XElement(A + "xfrm", new XElement(A + "off", new XAttribute("x", 0), new XAttribute("y", 0)), new XElement(A + "ext", new XAttribute("cx", 95250), new XAttribute("cy", 95250))),
                                    new XElement(A + "prstGeom", new XAttribute("prst", "rect"), new XElement(A + "avLst")))))))));

    private static XAttribute Val(string value) => new(W + "val", value);
}
