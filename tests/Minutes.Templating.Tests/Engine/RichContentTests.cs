using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Cli;
using Minutes.Templating.Tests.EndToEnd;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Footnotes, tables, pictures and votes as Word writes them: real footnotes, real tables, embedded pictures.</summary>
public sealed class RichContentTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly string Example = Path.Combine(Repository.Root, "examples", "gemeenteraad-2025-03-13.yaml");

    private static MinutesDocument Minutes => MinutesParser.ParseFile(Example).Document!;

    private static byte[] Render(string template, RenderOptions? options = null, MinutesDocument? minutes = null)
    {
        var result = WordTemplate.BuiltIn(template).Render(minutes ?? Minutes, options);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result.ToArray();
    }

    [Theory]
    [InlineData("verslag")]
    [InlineData("minutes")]
    public void Footnote_is_a_Word_footnote_in_the_footnotes_part(string template)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Render(template)), false);
        var main = document.MainDocumentPart!;
        var reference = Assert.Single(main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.FootnoteReference>());
        var footnote = main.FootnotesPart!.Footnotes!.Elements<DocumentFormat.OpenXml.Wordprocessing.Footnote>().Single(f => f.Id!.Value == reference.Id!.Value);

        Assert.Equal(" Exclusief de post onvoorzien, zie bijlage 2 van het raadsvoorstel.", footnote.InnerText);
        Assert.Contains(footnote.Descendants<DocumentFormat.OpenXml.Wordprocessing.Bold>(), b => b.Parent!.Parent!.InnerText == "bijlage 2");
        Assert.Contains("De begroting stijgt met 4% ten opzichte van 2024.", ExamplesTests.BodyText(Render(template)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_with_footnotes_of_its_own_keeps_them_and_numbers_after_them()
    {
        var template = new TemplateBuilder().Lines("{{ agenda[0].points[0].text }}").Footnote(Wml.Para("Eigen voetnoot")).ToPackage();
        var minutes = MinutesParser.Parse("meeting: { body: B, date: 2024-01-01 }\nagenda:\n  - title: T\n    points: [\"Tekst^[Noot uit het verslag]\"]").Document!;

        var bytes = WordTemplate.Load(new MemoryStream(template), "t.docx").Render(minutes).ToArray();

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var notes = document.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<DocumentFormat.OpenXml.Wordprocessing.Footnote>().ToList();
        Assert.Contains(notes, n => n.InnerText.Contains("Eigen voetnoot", StringComparison.Ordinal));
        var ours = Assert.Single(notes, n => n.InnerText.Contains("Noot uit het verslag", StringComparison.Ordinal));
        Assert.True(ours.Id!.Value > notes.Where(n => n != ours).Max(n => n.Id!.Value));
        Assert.Empty(ExamplesTests.Validate(bytes));
    }

    [Fact]
    public void Table_is_a_Word_table_in_the_template_style_with_its_header_repeated()
    {
        var body = BodyXml(Render("verslag"));
        var table = body.Descendants(W + "tbl").Single(t => t.Descendants(W + "t").Any(x => x.Value == "Zetels"));

        Assert.Equal("ListTable", (string?)table.Element(W + "tblPr")!.Element(W + "tblStyle")!.Attribute(W + "val"));
        var rows = table.Elements(W + "tr").ToList();
        Assert.Equal(5, rows.Count);
        Assert.NotNull(rows[0].Element(W + "trPr")?.Element(W + "tblHeader"));
        Assert.All(rows.Skip(1), r => Assert.Null(r.Element(W + "trPr")?.Element(W + "tblHeader")));
        Assert.Equal(["VVD", "8", "0", "8"], rows[2].Elements(W + "tc").Select(c => string.Concat(c.Descendants(W + "t").Select(t => t.Value))));

        // Numbers are aligned right, text is not.
        Assert.Equal(["left", "right", "right", "right"], rows[2].Elements(W + "tc").Select(c => (string?)c.Descendants(W + "jc").FirstOrDefault()?.Attribute(W + "val") ?? "left"));

        // The paragraph that held the tag is gone: the caption comes right before the table.
        Assert.Equal("Stemming per fractie", string.Concat(table.ElementsBeforeSelf().Last().Descendants(W + "t").Select(t => t.Value)));
    }

    [Fact]
    public void Picture_is_embedded_with_its_alt_text_and_width()
    {
        var bytes = Render("verslag");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = document.MainDocumentPart!;
        var inline = Assert.Single(main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline>());

        Assert.StartsWith("Staafdiagram van het aantal opgeleverde woningen per jaar", inline.DocProperties!.Description!.Value, StringComparison.Ordinal);
        Assert.Equal(12 * 360_000L, inline.Extent!.Cx!.Value);
        Assert.Equal(12 * 360_000L * 280 / 560, inline.Extent!.Cy!.Value);
        var blip = inline.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single();
        var image = Assert.IsType<ImagePart>(main.GetPartById(blip.Embed!.Value!));
        Assert.Equal("image/png", image.ContentType);
        using var stream = image.GetStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, "examples", "images", "woningbouw-per-jaar.png")), copy.ToArray());
        Assert.DoesNotContain(main.ExternalRelationships, r => r.RelationshipType.EndsWith("/image", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("verslag", "nl", "Aangenomen met 21 stemmen voor en 8 tegen (tegen: VVD)")]
    [InlineData("minutes", "nl", "Aangenomen met 21 stemmen voor en 8 tegen (tegen: VVD)")]
    [InlineData("besluitenlijst", "nl", "Aangenomen met 21 stemmen voor en 8 tegen (tegen: VVD)")]
    [InlineData("verslag", "en", "Carried, 21 for, 8 against (against: VVD)")]
    [InlineData("minutes", "en", "Carried, 21 for, 8 against (against: VVD)")]
    [InlineData("besluitenlijst", "en", "Carried, 21 for, 8 against (against: VVD)")]
    public void Vote_is_printed_in_the_documents_language_by_every_template(string template, string language, string sentence)
    {
        var text = ExamplesTests.BodyText(Render(template, new RenderOptions { Language = language }));

        Assert.Contains(sentence, text, StringComparison.Ordinal);
        Assert.Contains(language == "nl" ? "Met algemene stemmen aangenomen" : "Carried unanimously", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ for: 1, against: 3, abstain: 2, for_by: [D66] }", "Verworpen met 1 stem voor, 3 tegen en 2 onthoudingen (voor: D66)", "Rejected, 1 for, 3 against, 2 abstaining (for: D66)")]
    [InlineData("{ result: carried }", "Aangenomen", "Carried")]
    [InlineData("{ for: 2, against: 1, result: rejected }", "Verworpen met 2 stemmen voor en 1 tegen", "Rejected, 2 for, 1 against")]
    public void Vote_sentence_follows_the_counts_and_names(string vote, string dutch, string english)
    {
        var minutes = MinutesParser.Parse("language: nl\nmeeting: { body: B, date: 2024-01-01 }\nagenda:\n  - title: T\n    points:\n      - decision: D\n        vote: " + vote).Document!;
        var template = new TemplateBuilder().Lines("{{ decisions[0].vote.text }}");

        Assert.Equal([dutch], Rendered.From(template, minutes).Lines);
        Assert.Equal([english], Rendered.From(template, minutes, new RenderOptions { Language = "en" }).Lines);
    }

    [Fact]
    public void Publication_withholds_names_in_footnotes_cells_captions_alt_text_and_votes()
    {
        using var folder = new TempDirectory();
        File.Copy(Path.Combine(Repository.Root, "examples", "images", "woningbouw-per-jaar.png"), folder["chart.png"]);
        var path = folder.Write("m.yaml", """
            language: nl
            meeting: { body: Raad, date: 2025-03-13 }
            agenda:
              - title: Punt
                points:
                  - "Tekst^[Gemeld door [[Jan Jansen|5.1.2e]].]"
                  - table:
                      caption: "Door [[Piet Pieters|5.1.2e]]"
                      header: [Naam, Stem]
                      rows:
                        - ["[[Klaas Klaassen|5.1.2e]]", 1]
                  - image: chart.png
                    alt: "Grafiek van [[Els Elsen|5.1.2e]]"
                    caption: "Gemaakt door [[Henk Henken|5.1.2e]]"
                  - decision: Besloten.
                    vote: { for: ["[[Mies Mulder|5.1.2e]]"], against: 0 }
            """);
        var minutes = MinutesParser.ParseFile(path).Document!;
        string[] names = ["Jan Jansen", "Piet Pieters", "Klaas Klaassen", "Els Elsen", "Henk Henken", "Mies Mulder"];

        var internalText = Everything(Render("verslag", minutes: minutes));
        var publication = Everything(Render("verslag", new RenderOptions { Mode = RenderMode.Publication }, minutes));

        Assert.All(names, name => Assert.Contains(name, internalText, StringComparison.Ordinal));
        Assert.All(names, name => Assert.DoesNotContain(name, publication, StringComparison.Ordinal));
        Assert.Contains("5.1.2e", publication, StringComparison.Ordinal);
    }

    private static XElement BodyXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        return XDocument.Load(stream).Root!;
    }

    private static string Everything(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}
