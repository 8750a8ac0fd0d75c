using System.Xml.Linq;
using Minutes.Templating.Model;
using static Minutes.Templating.Tests.Engine.Samples;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>What values become in the document: escaped text, Word's breaks and tabs, rich runs and links.</summary>
public sealed class ValueTests
{
    [Fact]
    public void Markup_characters_are_escaped_and_characters_XML_forbids_are_dropped()
    {
        var minutes = Samples.Minutes() with
        {
            Meeting = Meeting("A < B & C > D \"q\" 'a'\u0001\u0008 E\uFFFE F \U0001F600") with { Abbreviation = "<w:r>&amp;\u001F" },
        };
        var template = new TemplateBuilder().Lines("{{ meeting.body }}", "{{ meeting.abbreviation }}", "{{ \"<b>\" + meeting.abbreviation }}");

        var rendered = Rendered.From(template, minutes);

        Assert.Equal(["A < B & C > D \"q\" 'a' E F \U0001F600", "<w:r>&amp;", "<b><w:r>&amp;"], rendered.Lines);
    }

    [Fact]
    public void A_lone_surrogate_in_a_value_is_dropped()
    {
        var minutes = Samples.Minutes() with { Meeting = Meeting("voor\uD800na\uDC00.") };

        var rendered = Rendered.From(new TemplateBuilder().Lines("{{ meeting.body }}"), minutes);

        Assert.Equal(["voorna."], rendered.Lines);
    }

    [Fact]
    public void A_line_break_in_a_value_becomes_a_break_and_a_tab_a_tab()
    {
        var minutes = Samples.Minutes() with
        {
            Meeting = Meeting("eerste regel\ntweede\tkolom\r\nderde") with { Location = Inline(new TextInline { Text = "Zaal 1" }, LineBreakInline.Instance, new TextInline { Text = "Den Haag" }) },
        };
        var template = new TemplateBuilder().Lines("{{ meeting.body }}", "Locatie: {{ meeting.location }}");

        var rendered = Rendered.From(template, minutes);

        Assert.Equal(["eerste regel\ntweede\tkolom\nderde", "Locatie: Zaal 1\nDen Haag"], rendered.Lines);
        var body = rendered.Document.Root!.Element(W + "body")!;
        Assert.Equal(3, body.Descendants(W + "br").Count());
        Assert.Single(body.Descendants(W + "r").Elements(W + "tab"));
    }

    [Fact]
    public void Markdown_emphasis_becomes_bold_and_italic_runs_in_the_tags_formatting()
    {
        var minutes = Samples.Minutes() with
        {
            Meeting = Meeting() with
            {
                Body = Inline(
                    new TextInline { Text = "De " },
                    new StrongInline { Content = [new TextInline { Text = "vaste " }, new EmphasisInline { Content = [new TextInline { Text = "regie" }] }] },
                    new EmphasisInline { Content = [new TextInline { Text = "tafel" }] }),
            },
        };
        var template = new TemplateBuilder().Add(P(R("{{ meeting.body }}", Color("1F4E79"))));

        var rendered = Rendered.From(template, minutes);

        Assert.Equal(["De vaste regietafel"], rendered.Lines);
        XElement Props(string text) => Assert.Single(rendered.RunsWithText(text)).Element(W + "rPr")!;
        Assert.Null(Props("De ").Element(W + "b"));
        Assert.NotNull(Props("vaste ").Element(W + "b"));
        Assert.Null(Props("vaste ").Element(W + "i"));
        Assert.NotNull(Props("regie").Element(W + "b"));
        Assert.NotNull(Props("regie").Element(W + "i"));
        Assert.NotNull(Props("tafel").Element(W + "i"));
        Assert.All(["De ", "vaste ", "regie", "tafel"], text => Assert.Equal("1F4E79", (string?)Props(text).Element(W + "color")?.Attribute(W + "val")));
    }

    [Fact]
    public void Each_value_takes_the_formatting_of_the_tag_that_writes_it_as_tags_take_turns_in_a_loop()
    {
        var template = new TemplateBuilder().Add(P(
            R("{{ for n in 1..3 }}", Rsid("00A10001")),
            R("{{ n }}", Bold()),
            R("-"),
            R("{{ n * 10 }}", Italic()),
            R("{{ if n == 2 }}{{ \"twee\" }}{{ end }}", Color("FF0000")),
            R("{{ end }}")));

        var rendered = Rendered.From(template);

        Assert.Equal(["1-102-20twee3-30"], rendered.Lines);
        XElement Props(string text) => Assert.Single(rendered.RunsWithText(text)).Element(W + "rPr")!;
        Assert.All(["1", "2", "3"], text => Assert.NotNull(Props(text).Element(W + "b")));
        Assert.All(["10", "20", "30"], text => Assert.NotNull(Props(text).Element(W + "i")));
        Assert.All(["10", "20", "30"], text => Assert.Null(Props(text).Element(W + "b")));
        Assert.Equal("FF0000", (string?)Props("twee").Element(W + "color")?.Attribute(W + "val"));
        Assert.Null(Props("twee").Element(W + "i"));
    }

    [Fact]
    public void A_value_a_function_writes_takes_the_formatting_of_the_tag_where_the_writing_code_stands()
    {
        var template = new TemplateBuilder().Add(
            P(R("Kop: "), R("{{ func kop; meeting.body; end }}", Bold())),
            P(R("Orgaan: "), R("{{ kop }}", Italic()), R(" en {{ meeting.body }}", Color("FF0000"))));

        var rendered = Rendered.From(template);

        Assert.Equal(["Kop: ", "Orgaan: Landelijke Regietafel en Landelijke Regietafel"], rendered.Lines);
        var runs = rendered.RunsWithText("Landelijke Regietafel").ToList();
        Assert.Equal(2, runs.Count);
        Assert.NotNull(runs[0].Element(W + "rPr")!.Element(W + "b"));
        Assert.Null(runs[0].Element(W + "rPr")!.Element(W + "i"));
        Assert.Equal("FF0000", (string?)runs[1].Element(W + "rPr")!.Element(W + "color")?.Attribute(W + "val"));
    }

    [Fact]
    public void A_Markdown_link_becomes_a_hyperlink_to_an_external_relationship()
    {
        var minutes = Samples.Minutes() with
        {
            Meeting = Meeting() with
            {
                Location = Inline(
                    new TextInline { Text = "Zie " },
                    new LinkInline { Content = [new TextInline { Text = "de " }, new StrongInline { Content = [new TextInline { Text = "site" }] }], Url = "https://example.org/lrt?a=1&b=2" },
                    new TextInline { Text = " en " },
                    new LinkInline { Content = [new TextInline { Text = "de kaart" }], Url = "https://example.org/kaart" }),
            },
        };
        var template = new TemplateBuilder().Lines("Locatie: {{ meeting.location }}");

        var rendered = Rendered.From(template, minutes);

        Assert.Equal(["Locatie: Zie de site en de kaart"], rendered.Lines);
        var links = rendered.Document.Descendants(W + "hyperlink").ToList();
        Assert.Equal(2, links.Count);
        var first = (string)links[0].Attribute(Rel + "id")!;
        var second = (string)links[1].Attribute(Rel + "id")!;
        Assert.Equal("https://example.org/lrt?a=1&b=2", rendered.Links[first]);
        Assert.Equal("https://example.org/kaart", rendered.Links[second]);
        Assert.Equal("de site", string.Concat(links[0].Descendants(W + "t").Select(t => t.Value)));
        Assert.NotNull(Assert.Single(rendered.RunsWithText("site")).Element(W + "rPr")!.Element(W + "b"));
        Assert.All(links.SelectMany(l => l.Elements(W + "r")), run => Assert.Equal("single", (string?)run.Element(W + "rPr")!.Element(W + "u")?.Attribute(W + "val")));
    }

    [Fact]
    public void Dates_print_in_the_documents_language_and_their_parts_are_reachable()
    {
        var template = new TemplateBuilder().Lines(
            "{{ meeting.date }}",
            "{{ meeting.date.year }}-{{ meeting.date.month }}",
            "{{ meeting.date | date.to_string '%d-%m-%Y' }}",
            "{{ meeting.time_text }}",
            "{{ meeting.date | date.to_string '%A %e %B %Y' }}",
            "{{ meeting.body | string.upcase }}");

        Assert.Equal(["21 april 2023", "2023-4", "21-04-2023", "10:00–12:30", "vrijdag 21 april 2023", "LANDELIJKE REGIETAFEL"], Rendered.From(template).Lines);
        Assert.Equal("21 April 2023", Rendered.From(template, Samples.Minutes() with { Language = "en" }).Lines[0]);
    }

    [Fact]
    public void The_models_lists_work_with_Scribans_array_functions()
    {
        var template = new TemplateBuilder().Lines(
            "{{ attendees.present | array.size }}",
            "{{ agenda | array.map 'title' | array.join ' / ' }}",
            "{{ (actions | array.first).owner }}, {{ (actions | array.last).owner }}",
            "{{ for a in actions | array.reverse }}{{ a.number }}{{ end }}");

        Assert.Equal(["3", "Opening en mededelingen / Huisvesting", "SJenV, VNG", "21"], Rendered.From(template).Lines);
    }
}
