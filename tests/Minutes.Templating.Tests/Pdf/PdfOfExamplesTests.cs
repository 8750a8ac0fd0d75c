using System.Text.RegularExpressions;
using Minutes.Templating.Parsing;
using Minutes.Templating.Tests.EndToEnd;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Minutes.Templating.Tests.Pdf;

/// <summary>
/// A real word processor opens what we write: LibreOffice converts each built-in template's rendering of each
/// example to PDF/A (through <see cref="Minutes.Templating.Pdf.PdfConverter"/>, all in one batch), and poppler-utils
/// and PdfPig read back what the PDF holds: PDF/A-2b, tagged, every font embedded, the document's title and the
/// minutes' language, bookmarks from the headings, and every text of the YAML the template prints, in order.
/// </summary>
[Trait("Category", "WordProcessor")]
public sealed partial class PdfOfExamplesTests(ConvertedExamples converted) : IClassFixture<ConvertedExamples>
{
    public static TheoryData<string, string> Renderings() => ConvertedExamples.Renderings();

    [SkippableTheory]
    [MemberData(nameof(Renderings))]
    public void LibreOffice_prints_every_text_in_order(string template, string example)
    {
        var pdf = converted.Pdf(template, example);

        YamlTexts.AssertInOrder(Poppler.Text(pdf), Example(example), template, collapseWhitespace: true);
    }

    [SkippableTheory]
    [MemberData(nameof(Renderings))]
    public void The_PDF_is_PDF_A_2b_and_tagged(string template, string example)
    {
        var pdf = converted.Pdf(template, example);

        var metadata = Poppler.Metadata(pdf);
        Assert.Contains("<pdfaid:part>2</pdfaid:part>", metadata, StringComparison.Ordinal);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", metadata, StringComparison.Ordinal);
        Assert.Equal("yes", InfoField(Poppler.Info(pdf), "Tagged"));
    }

    [SkippableTheory]
    [MemberData(nameof(Renderings))]
    public void The_PDF_has_the_documents_title_and_the_minutes_language(string template, string example)
    {
        var pdf = converted.Pdf(template, example);
        var title = converted.DocumentTitle(template, example);
        var language = MinutesParser.ParseFile(Example(example)).Document!.Language;

        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.Equal(title, InfoField(Poppler.Info(pdf), "Title"));
        Assert.Contains(title, Poppler.Metadata(pdf), StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.Structure.Catalog.CatalogDictionary.TryGet<StringToken>(NameToken.Create("Lang"), out var lang), "the PDF declares no language");
        Assert.StartsWith(language.Split('-')[0] + "-", lang.Data + "-", StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [MemberData(nameof(Renderings))]
    public void Every_font_is_embedded(string template, string example)
    {
        var pdf = converted.Pdf(template, example);

        // pdffonts: a header, a rule, then per font "name type encoding emb sub uni object-number generation".
        var fonts = Poppler.Fonts(pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, font => Assert.Equal("yes", font.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [SkippableTheory]
    [MemberData(nameof(Renderings))]
    public void The_bookmarks_are_the_headings(string template, string example)
    {
        var pdf = converted.Pdf(template, example);
        var minutes = MinutesParser.ParseFile(Example(example)).Document!;

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.TryGetBookmarks(out var bookmarks), "the PDF has no bookmarks");
        var titles = bookmarks.GetNodes().Select(node => node.Title).ToList();
        Assert.NotEmpty(titles);

        // Each bookmark is a heading's text, in the order of the pages; the minutes' agenda items are among them.
        // A heading's number is left out: pdftotext may read a hanging number as a column of its own.
        var text = Collapse(Poppler.Text(pdf));
        var position = 0;
        foreach (var title in titles)
        {
            var found = text.IndexOf(Collapse(Number().Replace(title, string.Empty)), position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"the bookmark '{title}' is not a text of the pages after position {position}");
            position = found;
        }

        if (template != "besluitenlijst")
        {
            Assert.All(minutes.Agenda, item => Assert.Contains(titles, title => title.Contains(item.Title.ToString(), StringComparison.Ordinal)));
        }
    }

    /// <summary>
    /// The rich example in a real word processor: the footnote stands at the foot of the page whose text refers
    /// to it, and the table, the picture's caption and the vote sentence are all there.
    /// </summary>
    [SkippableTheory]
    [InlineData("verslag")]
    [InlineData("minutes")]
    [InlineData("besluitenlijst")]
    public void LibreOffice_shows_the_footnote_at_the_foot_of_its_page_and_the_table_picture_and_vote(string template)
    {
        var pdf = converted.Pdf(template, "gemeenteraad-2025-03-13.yaml");

        var pages = Poppler.Text(pdf).Split('\f').Select(Collapse).ToList();
        var all = string.Join(' ', pages);
        Assert.Contains("Aangenomen met 21 stemmen voor en 8 tegen (tegen: VVD)", all, StringComparison.Ordinal);
        Assert.Contains("Met algemene stemmen aangenomen", all, StringComparison.Ordinal);
        if (template == "besluitenlijst")
        {
            return; // a decision list prints the outcomes only
        }

        var page = Assert.Single(pages, p => p.Contains("ten opzichte van 2024", StringComparison.Ordinal));
        var footnote = page.IndexOf("1 Exclusief de post onvoorzien, zie bijlage 2 van het raadsvoorstel.", StringComparison.Ordinal);
        Assert.True(footnote > page.IndexOf("ten opzichte van 2024", StringComparison.Ordinal), $"the footnote is not below the text that refers to it:\n{page}");
        Assert.Contains("4%1 ten opzichte van 2024", page, StringComparison.Ordinal);
        Assert.Contains("Stemming per fractie Fractie Zetels Voor Tegen GroenLinks 9 9 0 VVD 8 0 8", all, StringComparison.Ordinal);
        Assert.Contains("Woningbouw per jaar", all, StringComparison.Ordinal);
    }

    private static string Example(string example) => Path.Combine(Repository.Root, "examples", example);

    private static string InfoField(string info, string field) =>
        info.Split('\n').Select(line => line.Split(':', 2)).Where(parts => parts.Length == 2 && parts[0] == field).Select(parts => parts[1].Trim()).FirstOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"pdfinfo says nothing of {field}:\n{info}");

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"^\s*[0-9]+(\.[0-9]+)*\.?\s+")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
