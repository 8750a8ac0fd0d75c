using System.IO.Compression;
using System.Text;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Snapshots;

namespace Minutes.Templating.Tests.Snapshots;

/// <summary>What the canonical text ignores (what a reader cannot see) and what it shows (everything a reader can).</summary>
public sealed class DocxSnapshotTests
{
    private static readonly Lazy<byte[]> Seed = new(() =>
    {
        var parsed = MinutesParser.ParseFile(Path.Combine(Repository.Root, "examples", "lrt-2023-04-21.yaml"));
        return WordTemplate.BuiltIn("verslag").Render(parsed.Document!).ToArray();
    });

    [Fact]
    public void Zip_order_dates_and_compression_do_not_show()
    {
        var entries = Entries(Seed.Value);
        var rezipped = Zip(Enumerable.Reverse(entries), CompressionLevel.NoCompression, new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero));

        Assert.Equal(DocxSnapshot.ToText(Seed.Value), DocxSnapshot.ToText(rezipped));
    }

    [Fact]
    public void Rsids_paragraph_ids_and_bookmark_ids_do_not_show()
    {
        var a = WithDocument(Seed.Value, xml => xml
            .Replace("<w:p><w:pPr><w:pStyle w:val=\"Orgaan\" />", "<w:p w:rsidR=\"00AB12CD\" w14:paraId=\"1A2B3C4D\" w14:textId=\"77777777\"><w:pPr><w:pStyle w:val=\"Orgaan\" />", StringComparison.Ordinal)
            .Replace("<w:body>", "<w:body><w:bookmarkStart w:id=\"17\" w:name=\"start\" /><w:bookmarkEnd w:id=\"17\" />", StringComparison.Ordinal));
        var b = WithDocument(Seed.Value, xml => xml
            .Replace("<w:p><w:pPr><w:pStyle w:val=\"Orgaan\" />", "<w:p w:rsidR=\"00FF0000\" w:rsidRDefault=\"00FF0000\" w14:paraId=\"0F0F0F0F\" w14:textId=\"12121212\"><w:pPr><w:pStyle w:val=\"Orgaan\" />", StringComparison.Ordinal)
            .Replace("<w:body>", "<w:body><w:bookmarkStart w:id=\"3\" w:name=\"start\" /><w:bookmarkEnd w:id=\"3\" />", StringComparison.Ordinal));

        Assert.Equal(DocxSnapshot.ToText(a), DocxSnapshot.ToText(b));
    }

    [Fact]
    public void Runs_split_differently_read_the_same_in_the_outline()
    {
        var text = DocxSnapshot.ToText(Seed.Value);

        Assert.Contains("[Title] Verslag LRT\n", text, StringComparison.Ordinal);
        Assert.Contains("[ListBullet list=1 level=0] **Afspraak:** Vervolgafspraak wordt gepland", text, StringComparison.Ordinal);
        Assert.Contains("| Vergaderdatum | 21 april 2023 |\n", text, StringComparison.Ordinal);
        Assert.Contains("# Footer (section 1, default)\n[Footer] Pagina {PAGE} van {NUMPAGES}\n", text, StringComparison.Ordinal);
        Assert.Contains("title: Verslag LRT 21 april 2023\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void A_change_of_formatting_shows_in_the_outline()
    {
        var italic = WithDocument(Seed.Value, xml => xml.Replace(
            "<w:r><w:t xml:space=\"preserve\">LRT</w:t></w:r></w:p>",
            "<w:r><w:rPr><w:i /></w:rPr><w:t xml:space=\"preserve\">LRT</w:t></w:r></w:p>",
            StringComparison.Ordinal));

        Assert.Contains("[Title] Verslag *LRT*\n", DocxSnapshot.ToText(italic), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_Word_document_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => DocxSnapshot.ToText(Encoding.UTF8.GetBytes("minutes: 1\n")));
        Assert.Throws<InvalidDataException>(() => DocxSnapshot.ToText(Zip([new("hello.txt", [1, 2, 3])], CompressionLevel.Optimal, new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero))));
    }

    private static List<KeyValuePair<string, byte[]>> Entries(byte[] docx)
    {
        using var archive = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new KeyValuePair<string, byte[]>(e.FullName, copy.ToArray());
        })];
    }

    private static byte[] Zip(IEnumerable<KeyValuePair<string, byte[]>> entries, CompressionLevel level, DateTimeOffset date)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = archive.CreateEntry(name, level);
                entry.LastWriteTime = date;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    private static byte[] WithDocument(byte[] docx, Func<string, string> change)
    {
        var entries = Entries(docx);
        var index = entries.FindIndex(e => e.Key == "word/document.xml");
        var xml = Encoding.UTF8.GetString(entries[index].Value)
            .Replace("<w:document ", "<w:document xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" ", StringComparison.Ordinal);
        var changed = change(xml);
        Assert.NotEqual(xml, changed);
        entries[index] = new(entries[index].Key, Encoding.UTF8.GetBytes(changed));
        return Zip(entries, CompressionLevel.Optimal, new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
