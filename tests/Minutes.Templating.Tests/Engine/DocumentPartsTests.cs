using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using Minutes.Templating.Rendering;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Document properties filled from the minutes, and a table of contents brought up to date on opening.</summary>
public sealed class DocumentPartsTests
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

    [Fact]
    public void Tags_in_the_core_properties_are_filled_as_escaped_text()
    {
        var template = WithCoreProperties(
            new TemplateBuilder().Lines("{{ meeting.body }}").ToPackage(),
            "<dc:title>{{ document.title }} – {{ meeting.body }} &amp; co</dc:title><dc:subject>{{ meeting.date }}</dc:subject><cp:keywords>{{ meeting.body | string.upcase }}</cp:keywords>");

        var rendered = Rendered.From(template);

        var core = XDocument.Parse(NumberingTests.Entry(rendered.Bytes, "docProps/core.xml")).Root!;
        Assert.Equal("Verslag – Landelijke Regietafel & co", (string?)core.Element(Dc + "title"));
        Assert.Equal("21 april 2023", (string?)core.Element(Dc + "subject"));
        Assert.Equal("LANDELIJKE REGIETAFEL", (string?)core.Element(Cp + "keywords"));
    }

    [Fact]
    public void An_unknown_name_in_the_core_properties_is_reported_against_them()
    {
        using var stream = new MemoryStream(WithCoreProperties(new TemplateBuilder().Lines("x").ToPackage(), "<dc:title>{{ meeting.titel }}</dc:title>"));

        var problem = Assert.Single(WordTemplate.Load(stream, "t.docx").Diagnostics);

        Assert.Equal(("MT2008", "t.docx", "properties"), (problem.Code, problem.Location.File, problem.Location.Part));
    }

    [Fact]
    public void A_template_with_a_table_of_contents_asks_Word_to_update_it_on_opening()
    {
        var toc = P(
            new XElement(W + "r", new XElement(W + "fldChar", new XAttribute(W + "fldCharType", "begin"))),
            new XElement(W + "r", new XElement(W + "instrText", new XAttribute(XNamespace.Xml + "space", "preserve"), " TOC \\o \"1-3\" \\h \\z \\u ")),
            new XElement(W + "r", new XElement(W + "fldChar", new XAttribute(W + "fldCharType", "separate"))),
            R("Inhoud"),
            new XElement(W + "r", new XElement(W + "fldChar", new XAttribute(W + "fldCharType", "end"))));

        var rendered = Rendered.From(new TemplateBuilder().Add(toc, Para("{{ meeting.body }}")));

        var settings = XDocument.Parse(NumberingTests.Entry(rendered.Bytes, "word/settings.xml")).Root!;
        Assert.Equal("true", (string?)settings.Element(W + "updateFields")?.Attribute(W + "val"));
    }

    [Fact]
    public void A_template_without_a_table_of_contents_leaves_the_settings_alone()
    {
        var rendered = Rendered.From(new TemplateBuilder().Lines("{{ meeting.body }}"));

        var settings = XDocument.Parse(NumberingTests.Entry(rendered.Bytes, "word/settings.xml")).Root!;
        Assert.Null(settings.Element(W + "updateFields"));
    }

    private static byte[] WithCoreProperties(byte[] package, string properties)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var part = document.AddCoreFilePropertiesPart();
            using var writer = new StreamWriter(part.GetStream(FileMode.Create));
            writer.Write(
                "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" " +
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">" + properties + "</cp:coreProperties>");
        }

        return stream.ToArray();
    }
}
