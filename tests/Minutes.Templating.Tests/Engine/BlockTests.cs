using System.Xml.Linq;
using Minutes.Templating.Model;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Blocks: paragraphs and table rows that repeat or show, and blocks inside one paragraph.</summary>
public sealed class BlockTests
{
    [Fact]
    public void A_paragraph_loop_repeats_the_paragraphs_between_its_tags_and_the_tag_paragraphs_disappear()
    {
        var template = new TemplateBuilder().Add(
            Para("Aanwezig:"),
            Para("{{ for person in attendees.present }}"),
            P(PPr(PStyle("ListBullet")), R("{{ person.display }}")),
            P(R("("), R("{{ for.index + 1 }}", Italic()), R(")")),
            Para("{{ end }}"),
            Para("Einde"));

        var rendered = Rendered.From(template);

        Assert.Equal(
            ["Aanwezig:", "Dhr. Van der Burg (SJenV, voorzitter)", "(1)", "Mevr. Mulder (VNG)", "(2)", "secretariaat", "(3)", "Einde"],
            rendered.Paragraphs);
        Assert.Equal(3, rendered.Document.Descendants(W + "pStyle").Count(s => (string?)s.Attribute(W + "val") == "ListBullet"));
    }

    [Fact]
    public void If_else_if_else_paragraphs_keep_only_the_branch_taken()
    {
        var template = new TemplateBuilder().Lines(
            "{{ for point in agenda[1].outline }}",
            "{{ if point.kind == 'decision' }}",
            "Besluit {{ point.number }}: {{ point.text }}",
            "{{ else if point.kind == 'action' && point.due }}",
            "Actie {{ point.owner }} vóór {{ point.due }}: {{ point.text }}",
            "{{ else }}",
            "Actie {{ point.owner }}: {{ point.text }}",
            "{{ end }}",
            "{{ end }}");

        var rendered = Rendered.From(template);

        Assert.Equal(
            ["Besluit 1: De taakstelling wordt vastgesteld.", "Actie SJenV vóór 1 mei 2023: Brief opstellen.", "Actie VNG: Bestuur informeren."],
            rendered.Paragraphs);
    }

    [Fact]
    public void Nested_paragraph_loops_repeat_inside_each_other()
    {
        var template = new TemplateBuilder().Lines(
            "{{ for item in agenda }}",
            "{{ item.number }}. {{ item.title }}",
            "{{ for point in item.points }}",
            "- {{ point.text }}",
            "{{ for sub in point.points }}",
            "-- {{ sub.text }}",
            "{{ end }}",
            "{{ end }}",
            "{{ end }}");

        var rendered = Rendered.From(template);

        Assert.Equal(
            [
                "1. Opening en mededelingen", "- De voorzitter opent de vergadering.", "- Verzending stukken",
                "-- VNG spreekt zorg uit.", "-- Vervolgafspraak wordt gepland.",
                "2. Huisvesting", "- De taakstelling wordt vastgesteld.", "- Brief opstellen.", "- Bestuur informeren.",
            ],
            rendered.Paragraphs);
    }

    [Fact]
    public void Block_tags_inside_one_paragraph_repeat_and_choose_text_inline()
    {
        var template = new TemplateBuilder().Add(
            P(R("Aanwezig: ", Bold()), R("{{ for p in attendees.present }}{{ p.display }}{{ if !for.last }}, {{ end }}{{ end }}"), R(".")),
            P(R("{{ if attendees.absent.size > 0 }}Afwezig: {{ attendees.absent_text }}{{ else }}Niemand afwezig{{ end }}")));

        var rendered = Rendered.From(template);

        Assert.Equal(
            ["Aanwezig: Dhr. Van der Burg (SJenV, voorzitter), Mevr. Mulder (VNG), secretariaat.", "Afwezig: Klijnsma (m.k.)"],
            rendered.Paragraphs);
    }

    [Fact]
    public void A_table_row_loop_gives_one_row_per_action_and_the_tag_rows_disappear()
    {
        var template = new TemplateBuilder().Add(
            Table(
                TextRow("Nr", "Actie", "Wie"),
                TextRow("{{ for a in actions }}", "", ""),
                TextRow("{{ a.number }}", "{{ a.text }}", "{{ a.owner }}{{ if a.owner_name }} ({{ a.owner_name }}){{ end }}"),
                TextRow("{{ end }}", "", "")),
            P());

        var rendered = Rendered.From(template);

        var rows = rendered.Document.Descendants(W + "tr").Select(r => r.Elements(W + "tc").Select(c => string.Concat(Rendered.ParagraphTexts(c))).ToList()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Nr", "Actie", "Wie"], rows[0]);
        Assert.Equal(["1", "Brief opstellen.", "SJenV (Staatssecretaris van Justitie en Veiligheid)"], rows[1]);
        Assert.Equal(["2", "Bestuur informeren.", "VNG (Vereniging van Nederlandse Gemeenten)"], rows[2]);
    }

    [Fact]
    public void A_row_loop_with_nothing_to_repeat_keeps_the_header_and_a_table_left_with_no_rows_is_removed()
    {
        var minutes = Samples.Minutes() with { Agenda = [new AgendaItem { Title = Samples.Text("Rondvraag") }] };
        var template = new TemplateBuilder().Add(
            Para("Voor"),
            Table(
                TextRow("Actie", "Wie"),
                TextRow("{{ for a in actions }}", ""),
                TextRow("{{ a.text }}", "{{ a.owner }}"),
                TextRow("{{ end }}", "")),
            Para("Tussen"),
            Table(
                TextRow("{{ for d in decisions }}", ""),
                TextRow("{{ d.text }}", ""),
                TextRow("{{ end }}", "")),
            Para("Na"));

        var rendered = Rendered.From(template, minutes);

        var table = Assert.Single(rendered.Document.Descendants(W + "tbl"));
        Assert.Single(table.Elements(W + "tr"));
        Assert.Equal(["Voor", "Actie", "Wie", "Tussen", "Na"], rendered.Paragraphs);
    }

    [Fact]
    public void Tags_work_in_nested_tables_and_a_cell_whose_table_is_removed_keeps_a_paragraph()
    {
        var inner = Table(
            TextRow("{{ for p in item.outline }}"),
            TextRow("{{ p.kind }}: {{ p.text }}"),
            TextRow("{{ end }}"));
        var template = new TemplateBuilder().Add(
            Table(
                TextRow("Punt", "Inhoud"),
                TextRow("{{ for item in agenda }}", ""),
                Row(Cell("{{ item.number }}"), Cell(P(R("{{ item.title }}", Bold())), inner, P())),
                TextRow("{{ end }}", "")),
            P());
        var minutes = Samples.Minutes() with
        {
            Agenda = [.. Samples.Minutes().Agenda, new AgendaItem { Number = "3", Title = Samples.Text("Rondvraag") }],
        };

        var rendered = Rendered.From(template, minutes);

        var outer = rendered.Document.Root!.Element(W + "body")!.Element(W + "tbl")!;
        var rows = outer.Elements(W + "tr").ToList();
        Assert.Equal(4, rows.Count);
        var content = rows.Skip(1).Select(r => r.Elements(W + "tc").Last()).ToList();
        Assert.Equal(
            ["Opening en mededelingen", "statement: De voorzitter opent de vergadering.", "topic: Verzending stukken", "statement: VNG spreekt zorg uit.", "statement: Stukken kwamen te laat.", "agreement: Vervolgafspraak wordt gepland.", ""],
            Rendered.ParagraphTexts(content[0]));
        Assert.Equal(3, content[1].Element(W + "tbl")!.Elements(W + "tr").Count());
        Assert.Null(content[2].Element(W + "tbl"));
        Assert.Equal(["Rondvraag", ""], Rendered.ParagraphTexts(content[2]));
        Assert.Equal("3", Rendered.ParagraphTexts(rows[3].Elements(W + "tc").First()).Single());
    }

    [Fact]
    public void A_list_level_tag_sets_the_paragraphs_level_with_numbering_in_schema_order()
    {
        var template = new TemplateBuilder().Add(
            Para("{{ for point in agenda[0].outline }}"),
            P(
                PPr(PStyle("ListBullet"), new XElement(W + "keepNext"), new XElement(W + "spacing", new XAttribute(W + "after", 0)), new XElement(W + "jc", new XAttribute(W + "val", "left"))),
                R("{{ word.list_level point.level }}{{ point.text }}")),
            Para("{{ end }}"),
            P(PPr(new XElement(W + "numPr", new XElement(W + "numId", new XAttribute(W + "val", 1)))), R("{{ word.list_level 3 }}Vast")),
            P(R("Zonder eigenschappen{{ word.list_level 12 }}")));

        var rendered = Rendered.From(template);

        var paragraphs = rendered.Document.Descendants(W + "p").ToList();
        Assert.Equal(
            ["De voorzitter opent de vergadering.", "Verzending stukken", "VNG spreekt zorg uit.", "Stukken kwamen te laat.", "Vervolgafspraak wordt gepland.", "Vast", "Zonder eigenschappen"],
            paragraphs.Select(Rendered.Text));
        string? Level(XElement p) => (string?)p.Element(W + "pPr")?.Element(W + "numPr")?.Element(W + "ilvl")?.Attribute(W + "val");
        Assert.Equal(["0", "0", "0", "1", "0", "3", "8"], paragraphs.Select(Level));
        Assert.Equal(["pStyle", "keepNext", "numPr", "spacing", "jc"], paragraphs[0].Element(W + "pPr")!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["ilvl", "numId"], paragraphs[5].Element(W + "pPr")!.Element(W + "numPr")!.Elements().Select(e => e.Name.LocalName));
        Assert.DoesNotContain(rendered.Document.Descendants(), e => e.Name.NamespaceName.StartsWith("urn:minutes", StringComparison.Ordinal));
    }
}
