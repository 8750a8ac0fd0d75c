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
    public void Rsids_paragraph_ids_bookmark_ids_and_drawing_ids_do_not_show()
    {
        var a = Document("""<w:p w:rsidR="00AB12CD" w14:paraId="1A2B3C4D" w14:textId="77777777"><w:bookmarkStart w:id="17" w:name="start" /><w:r w:rsidRPr="00AB12CD"><w:t>Opening</w:t></w:r><w:bookmarkEnd w:id="17" /><w:r><w:drawing><wp:inline><wp:docPr id="40" name="Logo" /></wp:inline></w:drawing></w:r></w:p>""");
        var b = Document("""<w:p w:rsidR="00FF0000" w:rsidRDefault="00FF0000" w14:paraId="0F0F0F0F" w14:textId="12121212"><w:bookmarkStart w:id="3" w:name="start" /><w:proofErr w:type="spellStart" /><w:r><w:t>Opening</w:t></w:r><w:proofErr w:type="spellEnd" /><w:bookmarkEnd w:id="3" /><w:r><w:drawing><wp:inline><wp:docPr id="7" name="Logo" /></wp:inline></w:drawing></w:r></w:p>""");

        Assert.Equal(DocxSnapshot.ToText(a), DocxSnapshot.ToText(b));
    }

    [Fact]
    public void The_outline_shows_styles_lists_formatting_links_tables_fields_and_properties()
    {
        var text = DocxSnapshot.ToText(Document(
            """
            <w:p><w:pPr><w:pStyle w:val="Title" /></w:pPr><w:r><w:t>Verslag</w:t></w:r><w:r><w:t xml:space="preserve"> LRT</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="1" /><w:numId w:val="9" /></w:numPr></w:pPr><w:r><w:rPr><w:b /></w:rPr><w:t xml:space="preserve">Afspraak: </w:t></w:r><w:r><w:rPr><w:i /></w:rPr><w:t>zie</w:t></w:r><w:r><w:tab /></w:r><w:hyperlink r:id="rIdLink"><w:r><w:t>de site</w:t></w:r></w:hyperlink></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b|c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t xml:space="preserve">Pagina </w:t></w:r><w:r><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r></w:p>
            """));

        Assert.Contains("# Properties\ntitle: Verslag LRT 21 april 2023\n", text, StringComparison.Ordinal);
        Assert.Contains("# Body\n[Title] Verslag LRT\n[Normal list=1 level=1] **Afspraak:** *zie*<tab>[de site](https://example.org/)\n", text, StringComparison.Ordinal);
        Assert.Contains("[table]\n| a | b\\|c |\n[/table]\n[Normal] Pagina {PAGE}\n", text, StringComparison.Ordinal);
        Assert.Contains("# Part /word/document.xml\n<w:document", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void A_change_of_formatting_shows_in_the_outline()
    {
        var plain = DocxSnapshot.ToText(Document("""<w:p><w:r><w:t>Verslag LRT</w:t></w:r></w:p>"""));
        var italic = DocxSnapshot.ToText(Document("""<w:p><w:r><w:t xml:space="preserve">Verslag </w:t></w:r><w:r><w:rPr><w:i /></w:rPr><w:t>LRT</w:t></w:r></w:p>"""));

        Assert.Contains("[Normal] Verslag LRT\n", plain, StringComparison.Ordinal);
        Assert.Contains("[Normal] Verslag *LRT*\n", italic, StringComparison.Ordinal);
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

    /// <summary>A small Word document whose body is <paramref name="body"/>, with a style sheet, a link and core properties.</summary>
    private static byte[] Document(string body)
    {
        const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        KeyValuePair<string, byte[]> Part(string name, string xml) => new(name, Encoding.UTF8.GetBytes(xml));
        return Zip(
            [
                Part("[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="xml" ContentType="application/xml" /><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" /></Types>"""),
                Part("_rels/.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml" /><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml" /></Relationships>"""),
                Part("docProps/core.xml", """<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Verslag LRT 21 april 2023</dc:title></cp:coreProperties>"""),
                Part("word/_rels/document.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml" /><Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External" /></Relationships>"""),
                Part("word/styles.xml", $"""<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal" /><w:style w:type="paragraph" w:styleId="Title" /></w:styles>"""),
                Part("word/document.xml", $"""<w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>{body}</w:body></w:document>"""),
            ],
            CompressionLevel.Optimal,
            new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
