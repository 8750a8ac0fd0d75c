using System.Xml.Linq;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Packaging;

/// <summary>Adds relationships and content types to a package's parts, for what a rendering brings in.</summary>
internal static class PackageParts
{
    public const string ContentTypesEntry = "[Content_Types].xml";

    public const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    public const string ImageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

    public const string FootnotesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes";

    /// <summary>A relationship to add: external ones (hyperlinks) point outside the package.</summary>
    public readonly record struct Relationship(string Id, string Type, string Target, bool External);

    /// <summary>The relationships entry of a part: <c>word/_rels/document.xml.rels</c> for <c>word/document.xml</c>.</summary>
    public static string RelationshipsEntry(string entryName)
    {
        var slash = entryName.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : entryName[..(slash + 1)];
        return folder + "_rels/" + entryName[(slash + 1)..] + ".rels";
    }

    /// <summary>The relationships part with <paramref name="relationships"/> added (created when there was none).</summary>
    public static byte[] AddRelationships(byte[]? rels, IEnumerable<Relationship> relationships)
    {
        var document = rels is null ? new XDocument(new XElement(WordNames.PackageRelationships + "Relationships")) : Load(rels);
        foreach (var relationship in relationships)
        {
            var element = new XElement(
                WordNames.PackageRelationships + "Relationship",
                new XAttribute("Id", relationship.Id),
                new XAttribute("Type", relationship.Type),
                new XAttribute("Target", relationship.Target));
            if (relationship.External)
            {
                element.Add(new XAttribute("TargetMode", "External"));
            }

            document.Root!.Add(element);
        }

        return OutputFixer.Serialize(document);
    }

    /// <summary>The content types with the defaults (by extension) and overrides (by part) added where missing.</summary>
    public static byte[] AddContentTypes(byte[] contentTypes, IEnumerable<(string Extension, string Type)> defaults, IEnumerable<(string PartName, string Type)> overrides)
    {
        var document = Load(contentTypes);
        var root = document.Root!;
        var ns = WordNames.ContentTypes;
        foreach (var (extension, type) in defaults)
        {
            if (!root.Elements(ns + "Default").Any(e => string.Equals((string?)e.Attribute("Extension"), extension, StringComparison.OrdinalIgnoreCase)))
            {
                root.AddFirst(new XElement(ns + "Default", new XAttribute("Extension", extension), new XAttribute("ContentType", type)));
            }
        }

        foreach (var (partName, type) in overrides)
        {
            if (!root.Elements(ns + "Override").Any(e => (string?)e.Attribute("PartName") == partName))
            {
                root.Add(new XElement(ns + "Override", new XAttribute("PartName", partName), new XAttribute("ContentType", type)));
            }
        }

        return OutputFixer.Serialize(document);
    }

    public static XDocument Load(byte[] data)
    {
        using var stream = new MemoryStream(data);
        return XDocument.Load(stream, LoadOptions.None);
    }
}
