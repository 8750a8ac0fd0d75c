using System.Xml.Linq;

namespace Minutes.Templating.Packaging;

/// <summary>The XML names of Word packages that the library reads and writes, in one place: Packaging, Engine, Comparison, Redaction and Snapshots all take them from here.</summary>
internal static class WordNames
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    public static readonly XNamespace Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    public static readonly XNamespace Wp14 = "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing";
    public static readonly XNamespace DrawingMain = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace Picture = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    public static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    public static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    public static readonly XNamespace Vml = "urn:schemas-microsoft-com:vml";

    public static readonly XName P = W + "p";
    public static readonly XName PPr = W + "pPr";
    public static readonly XName NumPr = W + "numPr";
    public static readonly XName Ilvl = W + "ilvl";
    public static readonly XName NumId = W + "numId";
    public static readonly XName Run = W + "r";
    public static readonly XName RPr = W + "rPr";
    public static readonly XName T = W + "t";
    public static readonly XName Tr = W + "tr";
    public static readonly XName Tc = W + "tc";
    public static readonly XName Tbl = W + "tbl";
    public static readonly XName Val = W + "val";
    public static readonly XName Id = W + "id";
    public static readonly XName Name = W + "name";
    public static readonly XName ProofErr = W + "proofErr";
    public static readonly XName BookmarkStart = W + "bookmarkStart";
    public static readonly XName BookmarkEnd = W + "bookmarkEnd";
    public static readonly XName SectPr = W + "sectPr";
    public static readonly XName Hyperlink = W + "hyperlink";
    public static readonly XName RId = R + "id";
    public static readonly XName ParaId = W14 + "paraId";
    public static readonly XName TextId = W14 + "textId";
    public static readonly XName DocPr = Wp + "docPr";
    public static readonly XName XmlSpace = XNamespace.Xml + "space";
    public static readonly XName Relationship = PackageRelationships + "Relationship";
}
