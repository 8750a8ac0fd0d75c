using System.IO.Compression;
using System.Text;
using Minutes.Templating.Packaging;

namespace Minutes.Templating.Tests.Packaging;

/// <summary>
/// The package writer copies the template's entries compressed once; the zip it writes must be the one
/// System.IO.Compression writes for the same entries, byte for byte, so documents stay as they were.
/// </summary>
public sealed class PackageWriterTests
{
    private static readonly KeyValuePair<string, byte[]>[] Entries =
    [
        new("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types>" + string.Concat(Enumerable.Repeat("<Default Extension=\"xml\"/>", 50)) + "</Types>")),
        new("word/document.xml", Encoding.UTF8.GetBytes("<w:document>template</w:document>")),
        new("word/media/leeg.bin", []),
        new("word/media/beeld-é.png", Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray()),
        new("word/styles.xml", Encoding.UTF8.GetBytes(new string('s', 20000))),
    ];

    private static readonly Dictionary<string, byte[]> Rendered = new(StringComparer.Ordinal)
    {
        ["word/document.xml"] = Encoding.UTF8.GetBytes("<w:document>" + string.Concat(Enumerable.Range(0, 300).Select(i => $"<w:p>{i}</w:p>")) + "</w:document>"),
        ["word/_rels/document.xml.rels"] = Encoding.UTF8.GetBytes("<Relationships/>"),
        ["customXml/item1.xml"] = Encoding.UTF8.GetBytes("<item/>"),
    };

    [Fact]
    public void Writes_the_bytes_ZipArchive_writes()
    {
        using var ours = new MemoryStream();
        PackageWriter.Write(ours, PackageWriter.Compress(Entries), Rendered);

        Assert.Equal(WithZipArchive(Entries, Rendered), ours.ToArray());
    }

    [Fact]
    public void Entries_compressed_once_serve_every_document()
    {
        var compressed = PackageWriter.Compress(Entries);
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        PackageWriter.Write(first, compressed, Rendered);
        PackageWriter.Write(second, compressed, new Dictionary<string, byte[]>());

        Assert.Equal(WithZipArchive(Entries, Rendered), first.ToArray());
        Assert.Equal(WithZipArchive(Entries, new Dictionary<string, byte[]>()), second.ToArray());
    }

    [Fact]
    public void Every_entry_reads_back_as_written()
    {
        using var stream = new MemoryStream();
        PackageWriter.Write(stream, PackageWriter.Compress(Entries), Rendered);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);

        var expected = Entries.Select(e => e.Key).Concat(Rendered.Keys.Where(k => Entries.All(e => e.Key != k)).Order(StringComparer.Ordinal));
        Assert.Equal(expected, zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var read = new MemoryStream();
            using (var data = entry.Open())
            {
                data.CopyTo(read);
            }

            var written = Rendered.TryGetValue(entry.FullName, out var rendered) ? rendered : Entries.Single(e => e.Key == entry.FullName).Value;
            Assert.Equal(written, read.ToArray());
        }
    }

    /// <summary>The package as the writer once made it, with <see cref="ZipArchive"/> deflating every entry.</summary>
    private static byte[] WithZipArchive(IEnumerable<KeyValuePair<string, byte[]>> entries, Dictionary<string, byte[]> replaced)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, data) in entries)
            {
                names.Add(name);
                Add(zip, name, replaced.TryGetValue(name, out var rendered) ? rendered : data);
            }

            foreach (var (name, data) in replaced.Where(r => !names.Contains(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                Add(zip, name, data);
            }
        }

        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] data)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = PackageWriter.Timestamp;
        using var stream = entry.Open();
        stream.Write(data);
    }
}
