using System.IO.Compression;
using System.Xml.Linq;
using Minutes.Templating.Packaging;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Tests.Packaging;

/// <summary>A rendered document declares the minutes' language, keeping the template's region for the same language.</summary>
public sealed class DocumentLanguageTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    [Theory]
    [InlineData("nl-NL", "nl", "nl-NL")]
    [InlineData("en-GB", "en", "en-GB")]
    [InlineData("nl-NL", "en", "en")]
    [InlineData("en-GB", "nl", "nl")]
    [InlineData("en-GB", "en-US", "en-GB")]
    [InlineData(null, "de", "de")]
    public void The_template_s_tag_is_kept_for_the_same_language_and_replaced_for_another(string? declared, string language, string expected) =>
        Assert.Equal(expected, DocumentLanguage.Choose(declared, language));

    [Fact]
    public void Styles_without_a_default_language_get_one_in_the_place_the_schema_gives_it()
    {
        var styles = XDocument.Parse($"""<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/><w:eastAsianLayout/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>""");

        var applied = DocumentLanguage.Apply(styles, "en")!;

        var rPr = applied.Root!.Element(W + "docDefaults")!.Element(W + "rPrDefault")!.Element(W + "rPr")!;
        Assert.Equal(["sz", "lang", "eastAsianLayout"], rPr.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("en", DocumentLanguage.Declared(applied));
        Assert.Null(DocumentLanguage.Apply(applied, "en"));
    }

    [Theory]
    [InlineData("verslag", "harbour-trust-board-2024-03-14.yaml", "en-GB")]
    [InlineData("minutes", "lrt-2023-04-21.yaml", "nl")]
    [InlineData("verslag", "lrt-2023-04-21.yaml", "nl-NL")]
    public void A_rendering_declares_the_language_of_the_minutes(string template, string example, string expected)
    {
        var minutes = MinutesParser.ParseFile(Path.Combine(Repository.Root, "examples", example)).Document!;

        var docx = WordTemplate.BuiltIn(template).Render(minutes).ToArray();

        using var zip = new ZipArchive(new MemoryStream(docx));
        using var styles = zip.GetEntry("word/styles.xml")!.Open();
        Assert.Equal(expected, DocumentLanguage.Declared(XDocument.Load(styles)));
    }
}
