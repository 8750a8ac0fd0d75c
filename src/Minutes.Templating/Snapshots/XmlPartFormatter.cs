using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Minutes.Templating.Engine;
using Minutes.Templating.Packaging;

namespace Minutes.Templating.Snapshots;

/// <summary>
/// The complete half of a document's snapshot: every part, XML pretty-printed with the values that carry no
/// meaning normalised, binary parts as size and hash.
/// </summary>
internal sealed class XmlPartFormatter
{

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Document,
    };

    /// <summary>Generated ids renumbered across the whole document, one map for each kind of id.</summary>
    private readonly Dictionary<string, Dictionary<string, string>> _documentIds = new(StringComparer.Ordinal);

    /// <summary>Bookmark ids, renumbered within each part.</summary>
    private Dictionary<string, string> _bookmarkIds = new(StringComparer.Ordinal);

    /// <summary>Writes every part of <paramref name="package"/> in ordinal order of its name.</summary>
    public static void WriteParts(OpcPackage package, StringBuilder output)
    {
        var formatter = new XmlPartFormatter();
        foreach (var name in package.PartNames)
        {
            var bytes = package.Bytes(name)!;
            var xml = LooksLikeXml(name) ? package.Xml(name) : null;
            if (xml?.Root is null)
            {
                var hash = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
                output.Append(CultureInfo.InvariantCulture, $"# Part /{name} (binary, {bytes.Length} bytes, sha256 {hash})\n\n");
                continue;
            }

            output.Append(CultureInfo.InvariantCulture, $"# Part /{name}\n");
            formatter._bookmarkIds = new Dictionary<string, string>(StringComparer.Ordinal);
            var normalised = formatter.Normalise(xml.Root);
            var text = new StringBuilder();
            using (var writer = XmlWriter.Create(text, WriterSettings))
            {
                new XDocument(normalised).Save(writer);
            }

            output.Append(text).Append("\n\n");
        }
    }

    private static bool LooksLikeXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    /// <summary>A copy of <paramref name="element"/> without the values that carry no meaning.</summary>
    private XElement Normalise(XElement element)
    {
        var copy = new XElement(element.Name);
        var attributes = element.Attributes()
            .Where(a => !Dropped(a))
            .Select(a => Renumbered(element, a))
            .OrderBy(a => a.IsNamespaceDeclaration ? 0 : 1)
            .ThenBy(a => a.Name.NamespaceName, StringComparer.Ordinal)
            .ThenBy(a => a.Name.LocalName, StringComparer.Ordinal);
        copy.Add(attributes);

        if (!element.HasElements)
        {
            var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));
            if (text.Length > 0)
            {
                copy.Add(new XText(text));
            }

            return copy;
        }

        var nodes = element.Nodes().Where(n => n is XText || (n is XElement e && !DroppedElement(e)));
        if (element.Name == WordNames.ContentTypes + "Types")
        {
            // The order of content types and of relationships means nothing.
            nodes = element.Elements()
                .OrderBy(c => c.Name.LocalName, StringComparer.Ordinal)
                .ThenBy(c => ((string?)c.Attribute("Extension") ?? (string?)c.Attribute("PartName") ?? string.Empty).ToUpperInvariant(), StringComparer.Ordinal);
        }
        else if (element.Name == WordNames.PackageRelationships + "Relationships")
        {
            nodes = element.Elements().OrderBy(c => (string?)c.Attribute("Id") ?? string.Empty, StringComparer.Ordinal);
        }

        foreach (var node in nodes)
        {
            copy.Add(node is XElement child ? Normalise(child) : new XText(((XText)node).Value));
        }

        return copy;
    }

    /// <summary>Elements that record how a document was edited, not what it shows.</summary>
    private static bool DroppedElement(XElement element) =>
        element.Name.LocalName is "proofErr" or "lastRenderedPageBreak" or "rsids"
        && element.Name.NamespaceName.EndsWith("/main", StringComparison.Ordinal);

    /// <summary>Revision save ids: <c>w:rsidR</c>, <c>w:rsidRPr</c>, <c>w:rsidRDefault</c>, <c>w:rsidP</c>…</summary>
    private static bool Dropped(XAttribute attribute) =>
        !attribute.IsNamespaceDeclaration
        && attribute.Name.LocalName.StartsWith("rsid", StringComparison.Ordinal)
        && attribute.Name.NamespaceName.EndsWith("/main", StringComparison.Ordinal);

    private XAttribute Renumbered(XElement element, XAttribute attribute)
    {
        var name = attribute.Name;
        string? kind = null;
        if (name == WordNames.W14 + "paraId" || name == WordNames.W14 + "textId")
        {
            kind = name.LocalName;
        }
        else if (name == WordNames.Wp14 + "anchorId" || name == WordNames.Wp14 + "editId")
        {
            kind = name.LocalName;
        }
        else if (element.Name == WordNames.Wp + "docPr" && name.LocalName == "id" && name.Namespace == XNamespace.None)
        {
            kind = "docPr";
        }
        else if (element.Name.LocalName is "bookmarkStart" or "bookmarkEnd" && name.LocalName == "id" && name.Namespace == element.Name.Namespace)
        {
            return new XAttribute(name, Ordinal(_bookmarkIds, attribute.Value, hex: false));
        }

        if (kind is null)
        {
            return new XAttribute(attribute);
        }

        if (!_documentIds.TryGetValue(kind, out var ids))
        {
            ids = new Dictionary<string, string>(StringComparer.Ordinal);
            _documentIds[kind] = ids;
        }

        return new XAttribute(name, Ordinal(ids, attribute.Value, hex: kind != "docPr"));
    }

    private static string Ordinal(Dictionary<string, string> ids, string value, bool hex)
    {
        if (!ids.TryGetValue(value, out var ordinal))
        {
            var next = ids.Count + 1;
            ordinal = hex ? next.ToString("X8", CultureInfo.InvariantCulture) : next.ToString(CultureInfo.InvariantCulture);
            ids[value] = ordinal;
        }

        return ordinal;
    }
}
