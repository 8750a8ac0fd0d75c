using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml.Linq;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Packaging;

/// <summary>
/// The one reader of Word packages in the library, for templates and for snapshots alike: a .docx zip or
/// Word's single-file Flat OPC XML. It reads within <see cref="ReadLimits"/>, checking each limit while it
/// reads (the file's size, the zip's entry count, each part's and all parts' decompressed size, the
/// compression ratio), and keeps only the parts reachable from the package's relationships, under their
/// part names: an entry no relationship names (<c>../../evil.txt</c>, junk) is never even decompressed.
/// </summary>
internal static class PackageReader
{
    private const string OfficeDocumentType = "/officeDocument";
    private const int RatioFloor = 1024 * 1024;
    private static readonly XNamespace FlatOpc = "http://schemas.microsoft.com/office/2006/xmlPackage";

    /// <summary>Reads a package from a stream, never more than the limits allow.</summary>
    /// <param name="input">The file's bytes.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="follow">Which relationships to keep and follow; the others are removed and listed in <see cref="OpcPackage.Dropped"/>. Null keeps all.</param>
    /// <param name="checkXml">True to read every XML part now, so a malformed part, a DTD or a processing instruction is an error here.</param>
    /// <exception cref="PackageException">The bytes are not a Word package, a limit is exceeded, or (with <paramref name="checkXml"/>) a part is not acceptable XML.</exception>
    public static OpcPackage Read(Stream input, ReadLimits limits, Func<PackageRelationship, bool>? follow = null, bool checkXml = false) =>
        Read(ReadBounded(input, limits.TemplateSize, "template-size"), limits, follow, checkXml);

    /// <summary>Reads a package held in memory.</summary>
    /// <inheritdoc cref="Read(Stream, ReadLimits, Func{PackageRelationship, bool}?, bool)"/>
    public static OpcPackage Read(byte[] data, ReadLimits limits, Func<PackageRelationship, bool>? follow = null, bool checkXml = false)
    {
        if (data.LongLength > limits.TemplateSize)
        {
            throw new PackageException($"the file is larger than {ReadLimits.Size(limits.TemplateSize)}: {ReadLimits.Exceeded("template-size", limits.TemplateSize, bytes: true)}") { IsLimit = true };
        }

        OpcPackage package;
        if (LooksLikeXml(data))
        {
            var parts = ReadFlatOpc(data, limits);
            package = Walk(name => parts.GetValueOrDefault(name), follow);
        }
        else
        {
            if (!data.AsSpan().StartsWith("PK"u8))
            {
                throw new PackageException("not a Word document or template (.docx, .dotx or Flat OPC .xml): the file is neither a zip nor XML");
            }

            CheckEntryCount(data, limits);
            try
            {
                // The central directory is read on the first use of Entries, and each entry's data when it is inflated:
                // a damaged zip can fail at any of these, not only when it is opened.
                using var zip = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read);
                if (zip.Entries.Count > limits.TemplateEntries)
                {
                    throw TooManyEntries(limits);
                }

                var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
                foreach (var entry in zip.Entries)
                {
                    if (PackageParts.IsPartName(entry.FullName))
                    {
                        entries.TryAdd(entry.FullName, entry);
                    }
                }

                long unpacked = 0;
                package = Walk(name => entries.TryGetValue(name, out var entry) ? Inflate(entry, limits, ref unpacked) : null, follow);
            }
            catch (InvalidDataException ex)
            {
                throw new PackageException("not a Word document or template (.docx, .dotx or Flat OPC .xml): " + ex.Message, ex);
            }
        }

        if (checkXml)
        {
            foreach (var name in package.PartNames.Where(name => IsXml(package, name)))
            {
                SafeXml.Load(package.Bytes(name)!, name);
            }
        }

        return package;
    }

    /// <summary>Reads a stream to its end, or stops with an error naming <paramref name="limitName"/> once it passes <paramref name="limit"/> bytes.</summary>
    public static byte[] ReadBounded(Stream input, long limit, string limitName) =>
        ReadLimits.ReadAll(input, limit)
        ?? throw new PackageException($"the file is larger than {ReadLimits.Size(limit)}: {ReadLimits.Exceeded(limitName, limit, bytes: true)}") { IsLimit = true };

    private static bool IsXml(OpcPackage package, string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || (package.ContentType(name)?.EndsWith("xml", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>Collects the parts reachable from the package's relationships, starting at <c>_rels/.rels</c>.</summary>
    private static OpcPackage Walk(Func<string, byte[]?> load, Func<PackageRelationship, bool>? follow)
    {
        var parts = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var dropped = new List<(string, PackageRelationship)>();
        parts[PackageParts.ContentTypesEntry] = load(PackageParts.ContentTypesEntry)
            ?? throw new PackageException("not a Word document (.docx): the package has no [Content_Types].xml");
        var queue = new Queue<string>();
        queue.Enqueue(string.Empty);
        string? main = null;
        while (queue.TryDequeue(out var source))
        {
            var relsName = PackageParts.RelationshipsEntry(source);
            if (parts.ContainsKey(relsName) || load(relsName) is not { } relsBytes)
            {
                continue;
            }

            var rels = SafeXml.Load(relsBytes, relsName);
            var changed = false;
            foreach (var element in rels.Root?.Elements(WordNames.Relationship).ToList() ?? [])
            {
                var relationship = OpcPackage.ReadRelationship(source, element);
                if (follow is not null && !follow(relationship))
                {
                    dropped.Add((source, relationship));
                    element.Remove();
                    changed = true;
                    continue;
                }

                if (source.Length == 0 && main is null && !relationship.External && relationship.Is(OfficeDocumentType))
                {
                    main = relationship.Target;
                }

                if (!relationship.External && relationship.Target.Length > 0 && !parts.ContainsKey(relationship.Target)
                    && load(relationship.Target) is { } data)
                {
                    parts[relationship.Target] = data;
                    queue.Enqueue(relationship.Target);
                }
            }

            parts[relsName] = changed ? SafeXml.Save(rels) : relsBytes;
        }

        if (main is null || !parts.ContainsKey(main))
        {
            throw new PackageException("not a Word document (.docx): the package names no main document");
        }

        var package = new OpcPackage(parts, main, dropped);
        if (package.Xml(main)?.Root is not { } root || root.Name.LocalName != "document")
        {
            throw new PackageException($"not a Word document (.docx): /{main} is missing or is not a Word document part");
        }

        return package;
    }

    /// <summary>Decompresses one entry, stopping as soon as it passes a limit.</summary>
    private static byte[] Inflate(ZipArchiveEntry entry, ReadLimits limits, ref long unpacked)
    {
        var name = entry.FullName;
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                copy.Write(buffer, 0, read);
                unpacked += read;
                if (copy.Length > limits.PartSize)
                {
                    throw new PackageException($"{name}: the part is larger than {ReadLimits.Size(limits.PartSize)} once decompressed: {ReadLimits.Exceeded("part-size", limits.PartSize, bytes: true)}") { IsLimit = true };
                }

                if (unpacked > limits.UnpackedSize)
                {
                    throw new PackageException($"{name}: the parts are larger than {ReadLimits.Size(limits.UnpackedSize)} together once decompressed: {ReadLimits.Exceeded("unpacked-size", limits.UnpackedSize, bytes: true)}") { IsLimit = true };
                }

                if (copy.Length > RatioFloor && copy.Length > (double)Math.Max(1, entry.CompressedLength) * limits.CompressionRatio)
                {
                    throw new PackageException($"{name}: the part decompresses to more than {limits.CompressionRatio:N0} times its stored size, as a zip bomb does: {ReadLimits.Exceeded("compression-ratio", limits.CompressionRatio, bytes: false)}") { IsLimit = true };
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new PackageException($"{name}: the zip entry is damaged: {ex.Message}", ex);
        }

        return copy.ToArray();
    }

    /// <summary>
    /// Reads the entry count from the zip's end record before the zip is opened, so that a zip with a
    /// million entries is refused before a million entry objects are made.
    /// </summary>
    private static void CheckEntryCount(byte[] data, ReadLimits limits)
    {
        var span = data.AsSpan();
        for (var i = span.Length - 22; i >= Math.Max(0, span.Length - 22 - 65535); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(span[i..]) != 0x06054b50)
            {
                continue;
            }

            long count = BinaryPrimitives.ReadUInt16LittleEndian(span[(i + 10)..]);
            long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(span[(i + 12)..]);
            if (count == 0xFFFF && i >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(span[(i - 20)..]) == 0x07064b50)
            {
                var offset = BinaryPrimitives.ReadInt64LittleEndian(span[(i - 12)..]);
                if (offset >= 0 && offset + 56 <= span.Length && BinaryPrimitives.ReadUInt32LittleEndian(span[(int)offset..]) == 0x06064b50)
                {
                    count = BinaryPrimitives.ReadInt64LittleEndian(span[((int)offset + 32)..]);
                    directorySize = BinaryPrimitives.ReadInt64LittleEndian(span[((int)offset + 40)..]);
                }
            }

            // An entry's directory record is 46 bytes and its name; names of a kilobyte are generous.
            if (count > limits.TemplateEntries || count < 0 || directorySize > (long)limits.TemplateEntries * 1024)
            {
                throw TooManyEntries(limits);
            }

            return;
        }
    }

    private static PackageException TooManyEntries(ReadLimits limits) =>
        new($"the zip has more than {limits.TemplateEntries:N0} entries: {ReadLimits.Exceeded("template-entries", limits.TemplateEntries, bytes: false)}") { IsLimit = true };

    /// <summary>The parts of a Flat OPC file (Word's "Word XML Document"), by part name.</summary>
    private static Dictionary<string, byte[]> ReadFlatOpc(byte[] data, ReadLimits limits)
    {
        var flat = SafeXml.Load(data, "the Flat OPC file", allowedInstruction: "mso-application");
        if (flat.Root?.Name != FlatOpc + "package")
        {
            throw new PackageException("not a Word document or template (.docx, .dotx or Flat OPC .xml): the XML is not a Flat OPC package (pkg:package)");
        }

        var parts = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var types = new XElement(WordNames.ContentTypes + "Types",
            new XElement(WordNames.ContentTypes + "Default", new XAttribute("Extension", "rels"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml")),
            new XElement(WordNames.ContentTypes + "Default", new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/xml")));
        long unpacked = 0;
        foreach (var part in flat.Root.Elements(FlatOpc + "part"))
        {
            if (parts.Count >= limits.TemplateEntries)
            {
                throw TooManyEntries(limits);
            }

            var name = ((string?)part.Attribute(FlatOpc + "name") ?? string.Empty).TrimStart('/');
            var contentType = (string?)part.Attribute(FlatOpc + "contentType") ?? "application/octet-stream";
            if (!PackageParts.IsPartName(name) || parts.ContainsKey(name))
            {
                continue;
            }

            byte[] bytes;
            if (part.Element(FlatOpc + "xmlData")?.Elements().FirstOrDefault() is { } xml)
            {
                bytes = SafeXml.Save(new XDocument(xml));
            }
            else if (part.Element(FlatOpc + "binaryData") is { } binary)
            {
                try
                {
                    bytes = Convert.FromBase64String(binary.Value);
                }
                catch (FormatException ex)
                {
                    throw new PackageException($"{name}: the part's binary data is not base64", ex);
                }
            }
            else
            {
                continue;
            }

            unpacked += bytes.Length;
            if (bytes.Length > limits.PartSize || unpacked > limits.UnpackedSize)
            {
                throw new PackageException(bytes.Length > limits.PartSize
                    ? $"{name}: the part is larger than {ReadLimits.Size(limits.PartSize)}: {ReadLimits.Exceeded("part-size", limits.PartSize, bytes: true)}"
                    : $"{name}: the parts are larger than {ReadLimits.Size(limits.UnpackedSize)} together: {ReadLimits.Exceeded("unpacked-size", limits.UnpackedSize, bytes: true)}")
                {
                    IsLimit = true,
                };
            }

            parts[name] = bytes;
            if (!name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                types.Add(new XElement(WordNames.ContentTypes + "Override", new XAttribute("PartName", "/" + name), new XAttribute("ContentType", contentType)));
            }
        }

        parts[PackageParts.ContentTypesEntry] = SafeXml.Save(new XDocument(types));
        return parts;
    }

    private static bool LooksLikeXml(byte[] data)
    {
        var start = data.AsSpan();
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        start = start.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return start.Length > 0 && start[0] == (byte)'<';
    }
}
