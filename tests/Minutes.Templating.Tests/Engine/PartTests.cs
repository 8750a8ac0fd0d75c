using System.Xml.Linq;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Tags outside the body's own paragraphs: headers, footers, footnotes and text boxes.</summary>
public sealed class PartTests
{
    [Fact]
    public void Tags_render_in_default_first_and_even_headers_and_footers()
    {
        var template = new TemplateBuilder()
            .Lines("{{ meeting.body }}")
            .Header("default", P(R("{{ document.title }} "), R("{{ meeting.abbreviation }}", Bold())))
            .Header("first", Para("{{ if document.is_draft }}CONCEPT{{ end }}"))
            .Header("even", Para("{{ meeting.date }}"))
            .Footer("default", Para("{{ for item in agenda }}{{ item.number }}{{ end }}"))
            .Footer("first", Para("{{ labels.page }}"), Para("{{ if document.reference }}"), Para("Kenmerk {{ document.reference }}"), Para("{{ end }}"))
            .Footer("even", Table(TextRow("{{ meeting.location }}", "{{ meeting.number }}")), P());

        var rendered = Rendered.From(template);

        Assert.Equal(["Landelijke Regietafel"], rendered.Lines);
        Assert.Equal(["Verslag LRT"], Rendered.ParagraphTexts(rendered.Headers["default"]));
        Assert.Equal(["CONCEPT"], Rendered.ParagraphTexts(rendered.Headers["first"]));
        Assert.Equal(["21 april 2023"], Rendered.ParagraphTexts(rendered.Headers["even"]));
        Assert.Equal(["12"], Rendered.ParagraphTexts(rendered.Footers["default"]));
        Assert.Equal(["Pagina"], Rendered.ParagraphTexts(rendered.Footers["first"]));
        Assert.Equal(["Den Haag", "7", ""], Rendered.ParagraphTexts(rendered.Footers["even"]));
    }

    [Fact]
    public void Tags_render_in_footnotes()
    {
        var template = new TemplateBuilder()
            .Add(P(R("Vergadering"), FootnoteReference(1)))
            .Footnote(P(R(" "), R("Zie {{ meeting.abbreviation }} nr. "), R("{{ meeting.number }}", Italic())));

        var rendered = Rendered.From(template);

        var footnote = rendered.Footnotes!.Root!.Elements(W + "footnote").Single(f => (string?)f.Attribute(W + "id") == "1");
        Assert.Equal([" Zie LRT nr. 7"], Rendered.ParagraphTexts(footnote));
        Assert.Equal(3, rendered.Footnotes.Root.Elements(W + "footnote").Count());
    }

    [Fact]
    public void Tags_render_in_VML_and_DrawingML_text_boxes_and_loops_inside_them_repeat()
    {
        XElement[] Box() =>
        [
            Para("{{ meeting.abbreviation }} {{ meeting.number }}"),
            Para("{{ for p in attendees.present }}"),
            Para("{{ p.name }}"),
            Para("{{ end }}"),
        ];
        var template = new TemplateBuilder().Add(
            P(R("Kader: "), VmlTextBox("_x0000_s1026", Box())),
            P(WpsTextBox(1, Box), R("{{ meeting.body }}")));

        var rendered = Rendered.From(template);

        var boxes = rendered.Document.Descendants(W + "txbxContent").ToList();
        Assert.Equal(3, boxes.Count);
        Assert.All(boxes, box => Assert.Equal(["LRT 7", "Van der Burg", "Mulder", ""], Rendered.ParagraphTexts(box)));
        var body = rendered.Document.Root!.Element(W + "body")!.Elements(W + "p").ToList();
        Assert.Equal(["Kader: ", "Landelijke Regietafel"], body.Select(Rendered.Text));
    }

    [Fact]
    public void A_loop_copying_a_VML_text_box_gives_valid_output()
    {
        var template = new TemplateBuilder().Add(
            Para("{{ for item in agenda }}"),
            P(R("{{ item.number }} "), VmlTextBox("_x0000_s1030", Para("{{ item.title }}"))),
            Para("{{ end }}"));

        var rendered = Rendered.From(template);

        Assert.Equal(["1 ", "Opening en mededelingen", "2 ", "Huisvesting"], rendered.Paragraphs);
    }
}
