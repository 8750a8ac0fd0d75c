using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Snapshots;

/// <summary>A relationship of a part, its target resolved to a part name when it is internal.</summary>
internal sealed record DocxRelationship(string Id, string Type, string Target, bool External);

/// <summary>The parts of a .docx read into memory, whatever the zip's order, dates or compression.</summary>
internal sealed class DocxPackage
{
    private readonly Dictionary<string, byte[]> _parts;
    private readonly Dictionary<string, XDocument?> _xml = new(StringComparer.OrdinalIgnoreCase);

    private DocxPackage(Dictionary<string, byte[]> parts, string mainDocument)
    {
        _parts = parts;
        MainDocument = mainDocument;
    }

    /// <summary>The part names (without a leading slash) in ordinal order.</summary>
    public IEnumerable<string> PartNames => _parts.Keys.Order(StringComparer.Ordinal);

    /// <summary>The main document part, such as <c>word/document.xml</c>.</summary>
    public string MainDocument { get; }

    /// <summary>Reads the package, checking that it is a Word document.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a zip, or the zip is not a Word document.</exception>
    public static DocxPackage Read(byte[] data)
    {
        var parts = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var archive = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read);
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/').TrimStart('/');
                if (name.Length == 0 || name.EndsWith('/'))
                {
                    continue;
                }

                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                parts[name] = copy.ToArray();
            }
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"not a Word document (.docx): {ex.Message}", ex);
        }

        if (!parts.ContainsKey("[Content_Types].xml"))
        {
            throw new InvalidDataException("not a Word document (.docx): the package has no [Content_Types].xml");
        }

        var probe = new DocxPackage(parts, string.Empty);
        var main = probe.Relationships(string.Empty).FirstOrDefault(r => !r.External && r.Type.EndsWith("/officeDocument", StringComparison.Ordinal))
            ?? throw new InvalidDataException("not a Word document (.docx): the package names no main document");
        var package = new DocxPackage(parts, main.Target);
        if (package.Xml(main.Target)?.Root is not { } root || root.Name.LocalName != "document")
        {
            throw new InvalidDataException($"not a Word document (.docx): /{main.Target} is missing or is not a Word document part");
        }

        return package;
    }

    /// <summary>The bytes of a part, or null.</summary>
    public byte[]? Bytes(string name) => _parts.GetValueOrDefault(name);

    /// <summary>A part read as XML, or null when it is missing or not well-formed.</summary>
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
                using var stream = new MemoryStream(bytes, writable: false);
                using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
                document = XDocument.Load(reader, LoadOptions.None);
            }
            catch (XmlException)
            {
                document = null;
            }
        }

        _xml[name] = document;
        return document;
    }

    /// <summary>The relationships of a part (of the package when <paramref name="source"/> is empty).</summary>
    public IReadOnlyList<DocxRelationship> Relationships(string source)
    {
        var folder = source.Contains('/', StringComparison.Ordinal) ? source[..(source.LastIndexOf('/') + 1)] : string.Empty;
        var file = source[folder.Length..];
        if (Xml(folder + "_rels/" + file + ".rels")?.Root is not { } root)
        {
            return [];
        }

        var list = new List<DocxRelationship>();
        foreach (var element in root.Elements(WordNames.PackageRelationships + "Relationship"))
        {
            var id = (string?)element.Attribute("Id") ?? string.Empty;
            var type = (string?)element.Attribute("Type") ?? string.Empty;
            var target = (string?)element.Attribute("Target") ?? string.Empty;
            var external = string.Equals((string?)element.Attribute("TargetMode"), "External", StringComparison.Ordinal);
            list.Add(new DocxRelationship(id, type, external ? target : Resolve(folder, target), external));
        }

        return list;
    }

    /// <summary>The part a relative target points to, seen from <paramref name="folder"/>.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target : "/" + folder + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(Uri.UnescapeDataString(segment));
            }
        }

        return string.Join('/', segments);
    }
}
