using System.Xml.Linq;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Packaging;

/// <summary>A relationship of a part, its target resolved to a part name when it is internal.</summary>
/// <param name="Id">The relationship's id, as parts refer to it (<c>r:id="rId3"</c>).</param>
/// <param name="Type">The relationship type URI.</param>
/// <param name="Target">The part name (without a leading slash) for an internal target; the URI as written for an external one.</param>
/// <param name="External">True when the target is outside the package (<c>TargetMode="External"</c>).</param>
internal sealed record PackageRelationship(string Id, string Type, string Target, bool External)
{
    /// <summary>True when the relationship is of the type whose URI ends with <paramref name="suffix"/> (<c>/styles</c>, <c>/header</c>…).</summary>
    public bool Is(string suffix) => Type.EndsWith(suffix, StringComparison.Ordinal);
}

/// <summary>
/// Part names, relationship targets and content types of Open Packaging Conventions packages (.docx), worked
/// out in one place: where a part's relationships are kept, which part a relative target names, and what a
/// rendering adds (relationships, content types).
/// </summary>
internal static class PackageParts
{
    /// <summary>The relationships part of the package itself.</summary>
    public const string PackageRelationshipsEntry = "_rels/.rels";

    /// <summary>
    /// The part a relative or absolute target names, seen from <paramref name="source"/> (a part name, or empty
    /// for the package); null when the target leaves the package or is not a part name.
    /// </summary>
    public static string? Resolve(string source, string target)
    {
        if (target.Length == 0 || target.Contains('\\', StringComparison.Ordinal) || target.Contains(':', StringComparison.Ordinal)
            || target.Contains('#', StringComparison.Ordinal) || target.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var folder = source.Contains('/', StringComparison.Ordinal) ? source[..(source.LastIndexOf('/') + 1)] : string.Empty;
        var path = target.StartsWith('/') ? target : "/" + folder + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(Uri.UnescapeDataString(segment));
            }
        }

        var name = string.Join('/', segments);
        return IsPartName(name) ? name : null;
    }

    /// <summary>
    /// True when a zip entry name is a proper part name: relative, forward slashes, no empty, <c>.</c> or
    /// <c>..</c> segment, no control characters. Anything else can never be reached from a relationship.
    /// </summary>
    public static bool IsPartName(string name)
    {
        if (name.Length == 0 || name.StartsWith('/') || name.EndsWith('/') || name.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.Any(char.IsControl))
            {
                return false;
            }
        }

        return true;
    }

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
                WordNames.Relationship,
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

    /// <summary>Reads a part with the library's XML settings (see <see cref="SafeXml"/>).</summary>
    public static XDocument Load(byte[] data) => SafeXml.Load(data, "part");
}
