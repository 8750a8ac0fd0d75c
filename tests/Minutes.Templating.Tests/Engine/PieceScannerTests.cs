using System.Text;
using System.Xml;
using System.Xml.Linq;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Tests.Engine;

/// <summary>
/// The pieces of a rendered part that need no fix are copied as they stand rather than read and written again. A
/// copy must be what reading and writing would give, byte for byte; anything else must be read. Each case says how
/// the scanner takes a piece, and the part is fixed both ways and compared.
/// </summary>
public sealed class PieceScannerTests
{
    private const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" " +
        "xmlns:mt=\"urn:minutes-templating:engine\"";

    /// <summary>A template's lists: numId 1 and the style ListNumber count, numId 2 and ListBullet show bullets.</summary>
    private static readonly Numbering Lists = Numbering.Read(
        XDocument.Parse(
            "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
            "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\" /></w:lvl></w:abstractNum>" +
            "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\" /></w:lvl></w:abstractNum>" +
            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\" /></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\" /></w:num>" +
            "</w:numbering>"),
        XDocument.Parse(
            "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
            "<w:style w:styleId=\"ListNumber\"><w:pPr><w:numPr><w:numId w:val=\"1\" /></w:numPr></w:pPr></w:style>" +
            "<w:style w:styleId=\"ListBullet\"><w:pPr><w:numPr><w:numId w:val=\"2\" /></w:numPr></w:pPr></w:style>" +
            "</w:styles>"));

    /// <summary>Pieces written as the XML writer writes them, with nothing to fix but markers and list levels.</summary>
    public static TheoryData<string> Copied => new()
    {
        "<w:p><w:r><w:t xml:space=\"preserve\"> a &amp; b &lt; c &gt; d ' \" </w:t></w:r></w:p>",
        "<w:p><w:pPr><w:pStyle w:val=\"Body\" /></w:pPr><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:sectPr />",
        "<w:p></w:p>",
        "<w:p><w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:r><w:t xml:space=\"preserve\"></w:t></w:r></w:p>",
        "<w:p><w:hyperlink w:tooltip=\"a &quot;b&quot; &amp; 'c' &lt;d&gt;\"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>",
        "<w:p><w:r><w:t>a\tb</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>Bürgermeister – “quoted” \U0001F600 ½</w:t></w:r></w:p>",
        "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\" /><w:jc w:val=\"left\" /></w:pPr><mt:ilvl v=\"1\"/><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p><w:r><mt:ilvl v=\"2\"/><w:t>x</w:t></w:r></w:p>",
        "<w:p><w:pPr></w:pPr><w:r><w:t>x</w:t></w:r><mt:ilvl v=\"0\"/></w:p>",
        "<w:p><w:pPr><w:keepNext /><w:jc w:val=\"left\" /><w:pageBreakBefore></w:pageBreakBefore><w:rPr><w:b /></w:rPr></w:pPr><mt:ilvl v=\"3\" /><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p><w:pPr><w:numPr><w:numId w:val=\"2\" /></w:numPr></w:pPr><w:r><w:t>bullet</w:t></w:r></w:p>",
        "<w:tbl><w:tr><w:tc><w:p /></w:tc></w:tr><mt:iteration/><w:tr><w:tc><w:tcPr /><w:tbl><w:tr><w:tc><w:p /></w:tc></w:tr></w:tbl><w:p /></w:tc></w:tr></w:tbl>",
        "<w:p><w:r><w:t>a</w:t></w:r><mt:iteration/><w:r><w:t>b</w:t></w:r><mt:iteration /></w:p>",
        "<w:p w14:paraId=\"12345678\" w14:textId=\"12345678\"><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p w14:textId=\"77777777\" w:rsidR=\"00A1\" w14:paraId=\"12345678\"><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p w14:paraId=\"0000000A\"><w:r><w:drawing><wp:inline><wp:docPr id=\"9\" name=\"a\" /></wp:inline></w:drawing></w:r><w:r><w:drawing><wp:anchor><wp:docPr name=\"b\" id=\"1\" /></wp:anchor></w:drawing></w:r></w:p>",
        "<w:p w14:paraId=\"0000000B\"><w:pPr><w:pStyle w:val=\"ListBullet\" /></w:pPr><mt:iteration/><mt:ilvl v=\"1\"/><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\" /></w:pPr></w:p>".Replace("ListNumber", "Heading1", StringComparison.Ordinal),
    };

    /// <summary>Pieces with something to fix, or not written as the writer writes them.</summary>
    public static TheoryData<string> Read => new()
    {
        "<w:sectPr/>",
        "<w:sectPr  />",
        "<w:p><w:r><w:t>a\nb</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>a\r\nb</w:t></w:r></w:p>",
        "<w:p> <w:r /></w:p>",
        "<w:p><w:r><w:t>&quot;</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>&#65;</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>a > b</w:t></w:r></w:p>",
        "<w:p><w:r><w:t xml:space='preserve'>x</w:t></w:r></w:p>",
        "<w:p><w:r  w:rsidR=\"00A1\"><w:t>x</w:t></w:r></w:p>",
        "<w:p><w:r w:rsidR=\"00A1\" ><w:t>x</w:t></w:r></w:p>",
        "<w:p><w:hyperlink w:tooltip=\"a\tb\"><w:r /></w:hyperlink></w:p>",
        "<w:p><w:hyperlink w:tooltip=\"a>b\"><w:r /></w:hyperlink></w:p>",
        "<w:p><w:bookmarkStart w:id=\"0\" w:name=\"a\" /><w:bookmarkEnd w:id=\"0\" /></w:p>",
        "<w:tbl><w:tblPr /></w:tbl>",
        "<w:tbl><w:tr><w:tc><w:tcPr /></w:tc></w:tr></w:tbl>",
        "<w:tbl><w:tr><w:tc><w:p /><w:tbl><w:tr><w:tc><w:p /></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        "<w:tbl><w:tr><w:tc /></w:tr></w:tbl>",
        "<w:p><w:r><w:drawing><wp:inline><wp:docPr name=\"a\" /></wp:inline></w:drawing></w:r></w:p>",
        "<w:p><w:r><w:pict><v:shape id=\"s\" /></w:pict></w:r></w:p>",
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\" /><w:numId w:val=\"1\" /></w:numPr></w:pPr><w:r><w:t>counts</w:t></w:r></w:p>",
        "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\" /></w:pPr><w:r><w:t>counts</w:t></w:r></w:p>",
        "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\" /></w:pPr><mt:ilvl v=\"1\"/><mt:ilvl v=\"2\"/><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p><w:pPr><w:numPr><w:numId w:val=\"2\" /></w:numPr></w:pPr><mt:ilvl v=\"1\"/><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p><w:pPr /><mt:ilvl v=\"1\"/><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p><mt:ilvl v=\"x\"/><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:p><mt:ilvl/><w:r><w:t>x</w:t></w:r></w:p>",
        "<w:sdt><w:sdtContent><w:p><mt:ilvl v=\"1\"/></w:p></w:sdtContent></w:sdt>",
        "<w:p><mt:block><w:tbl><w:tr><w:tc><w:p /></w:tc></w:tr></w:tbl></mt:block></w:p>",
        "<w:p><w:r><mt:continue/><w:t>x</w:t></w:r></w:p>",
        "<w:p xmlns:x=\"urn:x\"><x:y /></w:p>",
        "<w:p><w:r><w:t>\uFFFE</w:t></w:r></w:p>",
    };

    /// <summary>Parts the scanner does not follow at all: they are read whole.</summary>
    public static TheoryData<string> NotFollowed => new()
    {
        "<w:document " + Namespaces + "><w:body><w:p><!-- a comment --></w:p></w:body></w:document>",
        "<w:document " + Namespaces + "><w:body><w:p><?pi x?></w:p></w:body></w:document>",
        "<w:document " + Namespaces + "><w:body><w:p><w:r><w:t><![CDATA[x]]></w:t></w:r></w:p></w:body></w:document>",
        "<w:document " + Namespaces + "><w:body>text<w:p /></w:body></w:document>",
        "<w:document " + Namespaces + "><w:body><w:p></w:p ></w:body></w:document>",
        "<w:document " + Namespaces + " xml:space=\"preserve\"><w:body><w:p /></w:body></w:document>",
        "<w:document " + Namespaces + " xmlns:w2=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p /></w:body></w:document>",
        "<!DOCTYPE x><w:document " + Namespaces + "><w:body /></w:document>",
    };

    [Theory]
    [MemberData(nameof(Copied))]
    public void A_piece_written_as_the_writer_writes_it_is_copied_and_comes_out_as_reading_it_would(string piece)
    {
        var scanned = PieceScanner.Scan(Document(piece).AsMemory(), Lists);

        Assert.NotNull(scanned);
        Assert.Equal([PieceKind.BodyStart, PieceKind.Copy, PieceKind.BodyEnd], scanned.Pieces.Select(p => p.Kind));
        AssertFixedAsReading(Document(piece));
    }

    [Theory]
    [MemberData(nameof(Read))]
    public void A_piece_with_something_to_fix_or_written_otherwise_is_read(string piece)
    {
        var scanned = PieceScanner.Scan(Document(piece).AsMemory(), Lists);

        Assert.NotNull(scanned);
        Assert.Equal([PieceKind.BodyStart, PieceKind.Fix, PieceKind.BodyEnd], scanned.Pieces.Select(p => p.Kind));
        AssertFixedAsReading(Document(piece));
    }

    [Theory]
    [MemberData(nameof(NotFollowed))]
    public void A_part_the_scanner_does_not_follow_is_read_whole(string part)
    {
        Assert.Null(PieceScanner.Scan(part.AsMemory(), Lists));
        AssertFixedAsReading(part);
    }

    [Fact]
    public void A_surrogate_standing_alone_is_read_and_refused()
    {
        // Not theory data: a test runner may not carry a lone surrogate through as it is.
        var part = Document("<w:p><w:r><w:t>a\uD83Db</w:t></w:r></w:p>");

        Assert.Equal(PieceKind.Fix, PieceScanner.Scan(part.AsMemory(), Lists)!.Pieces[1].Kind);
        Assert.Throws<XmlException>(() => OutputFixer.Fix(part.AsMemory(), new RenderState(), Lists));
    }

    [Fact]
    public void Tags_that_do_not_match_are_an_error_as_when_read()
    {
        var part = Document("<w:p><w:r></w:p></w:r>");

        Assert.Null(PieceScanner.Scan(part.AsMemory(), Lists));
        Assert.Throws<XmlException>(() => OutputFixer.Fix(part.AsMemory(), new RenderState(), Lists));
    }

    [Theory]
    [InlineData("<w:document " + Namespaces + "><w:body><w:p w14:paraId=\"00000001\" /><mt:iteration/><w:p /></w:body></w:document>", true)]
    [InlineData("<w:document " + Namespaces + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"w14\"><w:body><w:p w14:paraId=\"00000001\" /></w:body></w:document>", false)]
    [InlineData("<w:document " + Namespaces + "><w:body w:rsidR=\"00A1\"><w:p /></w:body></w:document>", false)]
    [InlineData("<w:document " + Namespaces + "><w:body><w:p /><w:p><w:bookmarkStart w:id=\"0\" w:name=\"a\" /></w:p></w:body></w:document>", false)]
    [InlineData("<w:hdr " + Namespaces + " />", true)]
    public void A_part_of_copied_pieces_alone_is_written_without_the_xml_writer_as_the_writer_would(string part, bool whole)
    {
        Assert.Equal(whole, PieceScanner.Scan(part.AsMemory(), Lists)!.CopiesAll);
        AssertFixedAsReading(part);
    }

    [Fact]
    public void The_markers_between_pieces_are_left_out_and_their_iterations_counted()
    {
        var part = Document("<mt:iteration/><w:p /><mt:iteration /><mt:ilvl v=\"1\"/>");

        var scanned = PieceScanner.Scan(part.AsMemory(), Lists)!;

        Assert.Equal([PieceKind.BodyStart, PieceKind.Marker, PieceKind.Copy, PieceKind.Marker, PieceKind.Marker, PieceKind.BodyEnd], scanned.Pieces.Select(p => p.Kind));
        Assert.Equal([1, 0, 1, 0], scanned.Pieces.Skip(1).SkipLast(1).Select(p => p.Iterations));
        AssertFixedAsReading(part);
    }

    /// <summary>
    /// Counting lists restart where a loop repeats them, and whether a paragraph follows another of its list is carried
    /// from piece to piece: copied and read pieces mixed in any order must restart exactly as reading them all does.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Copied_and_read_pieces_mixed_restart_lists_as_reading_them_all_does(int seed)
    {
        string[] choices =
        [
            "<mt:iteration/>",
            "<mt:iteration/>",
            "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\" /></w:pPr><w:r><w:t>counts</w:t></w:r></w:p>",
            "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\" /></w:pPr><w:r><w:t>counts</w:t></w:r></w:p>",
            "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\" /></w:pPr><mt:ilvl v=\"1\"/><w:r><w:t>counts, level 1</w:t></w:r></w:p>",
            "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\" /></w:pPr><mt:ilvl v=\"1\"/><w:r><w:t>bullet</w:t></w:r></w:p>",
            "<w:p><w:r><w:t>text</w:t></w:r></w:p>",
            "<w:p><w:r><w:t>a</w:t></w:r><mt:iteration/><w:r><w:t>b</w:t></w:r></w:p>",
            "<w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val=\"ListNumber\" /></w:pPr></w:p></w:tc></w:tr><mt:iteration/><w:tr><w:tc><w:p /></w:tc></w:tr></w:tbl>",
            "<w:p><w:bookmarkStart w:id=\"0\" w:name=\"a\" /><w:bookmarkEnd w:id=\"0\" /></w:p>",
            "<w:p w14:paraId=\"00000001\" w14:textId=\"00000002\"><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"a\" /></wp:inline></w:drawing></w:r></w:p>",
            "<w:p w14:paraId=\"00000003\"><w:pPr><w:pStyle w:val=\"ListNumber\" /></w:pPr><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"b\" /></wp:inline></w:drawing></w:r></w:p>",
        ];
        var random = new Random(seed);
        var pieces = string.Concat(Enumerable.Range(0, 200).Select(_ => choices[random.Next(choices.Length)]));
        var part = Document(pieces);

        var scanned = PieceScanner.Scan(part.AsMemory(), Lists)!;

        Assert.Contains(scanned.Pieces, p => p.Kind == PieceKind.Copy);
        Assert.Contains(scanned.Pieces, p => p.Kind == PieceKind.Fix);
        AssertFixedAsReading(part);
    }

    /// <summary>
    /// A part keeps what the scanner read from its root start tag for its next rendering, which takes it only while the
    /// tag is the same text: a part whose root declares other namespaces is read again and written with its own.
    /// </summary>
    [Fact]
    public void A_part_takes_what_its_last_scan_read_from_the_root_only_while_the_root_tag_is_the_same()
    {
        var part = new CompiledPart("word/document.xml", "document", Scriban.Template.Parse(string.Empty), [], plainText: false);
        var pieces = "<w:p w14:paraId=\"00000001\"><w:pPr><w:pStyle w:val=\"ListNumber\" /></w:pPr><w:r><w:t>x</w:t></w:r></w:p><mt:iteration/>" +
            "<w:p><w:pPr><w:pStyle w:val=\"ListNumber\" /></w:pPr><w:r><w:t>y</w:t></w:r></w:p>";
        var first = Document(pieces);
        var other = first.Replace("<w:document ", "<w:document xmlns:o=\"urn:schemas-microsoft-com:office:office\" ", StringComparison.Ordinal);

        foreach (var text in (string[])[first, first, other, first, other])
        {
            var kept = OutputFixer.Fix(text.AsMemory(), new RenderState(), Lists, part);

            Assert.Equal(OutputFixer.Fix(text.AsMemory(), new RenderState(), Lists), kept);
            Assert.Equal(text.Contains("xmlns:o=", StringComparison.Ordinal), Encoding.UTF8.GetString(kept).Contains("xmlns:o=", StringComparison.Ordinal));
            Assert.Equal(text[text.IndexOf("<w:document", StringComparison.Ordinal)..text.IndexOf("<w:body", StringComparison.Ordinal)], part.ScannedRoot!.Tag);
        }
    }

    private static string Document(string pieces) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " + Namespaces + "><w:body>" + pieces + "</w:body></w:document>";

    /// <summary>Fixes the part with the scanner and by reading it whole, each with a state of its own, and compares the bytes, the lists added and the ids given out.</summary>
    private static void AssertFixedAsReading(string part)
    {
        var scannedState = new RenderState();
        var readState = new RenderState();
        var read = Outcome(() => OutputFixer.FixByReading(part.AsMemory(), readState, Lists));
        var scanned = Outcome(() => OutputFixer.Fix(part.AsMemory(), scannedState, Lists));

        Assert.Equal(read, scanned);
        Assert.Equal(readState.AddedLists, scannedState.AddedLists);
        Assert.Equal(readState.NextBookmarkId, scannedState.NextBookmarkId);
        Assert.Equal(readState.NextParagraphId, scannedState.NextParagraphId);
        Assert.Equal(readState.NextDrawingId, scannedState.NextDrawingId);
    }

    private static string Outcome(Func<byte[]> fix)
    {
        try
        {
            return Encoding.UTF8.GetString(fix());
        }
        catch (XmlException)
        {
            return "XmlException";
        }
    }
}
