using System.Xml.Linq;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Packaging;

/// <summary>
/// The parts of a package read by <see cref="PackageReader"/>: only those reachable from its relationships,
/// under their part names, whatever the zip's order, dates or compression.
/// </summary>
internal sealed class OpcPackage
{
    private readonly Dictionary<string, byte[]> _parts;
    private readonly Dictionary<string, XDocument?> _xml = new(StringComparer.OrdinalIgnoreCase);

    internal OpcPackage(Dictionary<string, byte[]> parts, string mainDocument, IReadOnlyList<(string Source, PackageRelationship Relationship)> dropped)
    {
        _parts = parts;
        MainDocument = mainDocument;
        Dropped = dropped;
    }

    /// <summary>The part names (without a leading slash) in ordinal order, <c>[Content_Types].xml</c> first.</summary>
    public IEnumerable<string> PartNames => _parts.Keys
        .OrderBy(name => name == PackageParts.ContentTypesEntry ? 0 : 1)
        .ThenBy(name => name, StringComparer.Ordinal);

    /// <summary>The main document part, such as <c>word/document.xml</c>.</summary>
    public string MainDocument { get; }

    /// <summary>The relationships the reader was told not to follow, and removed from their parts' relationships.</summary>
    public IReadOnlyList<(string Source, PackageRelationship Relationship)> Dropped { get; }

    /// <summary>True when the package has a part of that name.</summary>
    public bool Contains(string name) => _parts.ContainsKey(name);

    /// <summary>The bytes of a part, or null.</summary>
    public byte[]? Bytes(string name) => _parts.GetValueOrDefault(name);

    /// <summary>A part read as XML (the same instance each time: do not change it), or null when it is missing or not well-formed.</summary>
    public XDocument? Xml(string name)
    {
        if (_xml.TryGetValue(name, out var cached))
        {
            return cached;
        }

        XDocument? document = null;
        if (_parts.TryGetValue(name, out var bytes))
        {
            try
            {
                document = SafeXml.Load(bytes, name);
            }
            catch (PackageException)
            {
                document = null;
            }
        }

        _xml[name] = document;
        return document;
    }

    /// <summary>The relationships of a part (of the package when <paramref name="source"/> is empty).</summary>
    public IReadOnlyList<PackageRelationship> Relationships(string source) =>
        Xml(PackageParts.RelationshipsEntry(source))?.Root is { } root ? ReadRelationships(source, root) : [];

    /// <summary>The relationships in a relationships part's root element.</summary>
    internal static List<PackageRelationship> ReadRelationships(string source, XElement root) =>
        [.. root.Elements(WordNames.Relationship).Select(element => ReadRelationship(source, element))];

    /// <summary>One <c>Relationship</c> element of <paramref name="source"/>'s relationships.</summary>
    internal static PackageRelationship ReadRelationship(string source, XElement element)
    {
        var id = (string?)element.Attribute("Id") ?? string.Empty;
        var type = (string?)element.Attribute("Type") ?? string.Empty;
        var target = (string?)element.Attribute("Target") ?? string.Empty;
        var external = string.Equals((string?)element.Attribute("TargetMode"), "External", StringComparison.Ordinal);
        return new PackageRelationship(id, type, external ? target : PackageParts.Resolve(source, target) ?? string.Empty, external);
    }

    /// <summary>The content type of a part, from <c>[Content_Types].xml</c>, or null.</summary>
    public string? ContentType(string part)
    {
        if (Xml(PackageParts.ContentTypesEntry)?.Root is not { } types)
        {
            return null;
        }

        var over = types.Elements(WordNames.ContentTypes + "Override")
            .FirstOrDefault(o => string.Equals(((string?)o.Attribute("PartName"))?.TrimStart('/'), part, StringComparison.OrdinalIgnoreCase));
        if (over is not null)
        {
            return (string?)over.Attribute("ContentType");
        }

        var extension = Path.GetExtension(part).TrimStart('.');
        return (string?)types.Elements(WordNames.ContentTypes + "Default")
            .FirstOrDefault(d => string.Equals((string?)d.Attribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
            ?.Attribute("ContentType");
    }
}
