using System.Xml.Linq;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Tags as Word stores them after an author typed, corrected and reformatted them.</summary>
public sealed class TagNormalizationTests
{
    [Fact]
    public void A_tag_split_over_three_runs_renders_in_the_formatting_of_its_first_character()
    {
        var template = new TemplateBuilder().Add(P(
            R("Orgaan: ", Rsid("00A10001")),
            R("{{ meet", Rsid("00B20002"), Bold(), Color("FF0000")),
            R("ing.bo", Rsid("00C30003"), Italic()),
            R("dy }}", Rsid("00D40004"), Size(28))));

        var rendered = Rendered.From(template);

        Assert.Equal(["Orgaan: Landelijke Regietafel"], rendered.Lines);
        var run = Assert.Single(rendered.RunsWithText("Landelijke Regietafel"));
        var properties = run.Element(W + "rPr")!;
        Assert.NotNull(properties.Element(W + "b"));
        Assert.Equal("FF0000", (string?)properties.Element(W + "color")?.Attribute(W + "val"));
        Assert.Null(properties.Element(W + "i"));
        Assert.Null(properties.Element(W + "sz"));
        Assert.Null(Assert.Single(rendered.RunsWithText("Orgaan: ")).Element(W + "rPr"));
    }

    [Fact]
    public void Spelling_marks_between_the_halves_of_a_tag_are_dropped()
    {
        var template = new TemplateBuilder().Add(P(
            R("{{ meeting."),
            ProofErr("spellStart"),
            R("abbreviation"),
            ProofErr("spellEnd"),
            R(" }} vergadert")));

        var rendered = Rendered.From(template);

        Assert.Equal(["LRT vergadert"], rendered.Lines);
        Assert.Empty(rendered.Document.Descendants(W + "proofErr"));
    }

    [Fact]
    public void A_GoBack_bookmark_inside_a_tag_survives_outside_it_with_unique_ids()
    {
        var template = new TemplateBuilder().Add(
            P(BookmarkStart(0, "Begin"), R("Start"), BookmarkEnd(0)),
            P(R("{{ meeting"), BookmarkStart(1, "_GoBack"), BookmarkEnd(1), R(".number }}")),
            P(R("Nummer {{ meeting.number }}"), BookmarkStart(2, "Einde"), BookmarkEnd(2)));

        var rendered = Rendered.From(template);

        Assert.Equal(["Start", "7", "Nummer 7"], rendered.Lines);
        var starts = rendered.Document.Descendants(W + "bookmarkStart").ToList();
        Assert.Equal(["Begin", "_GoBack", "Einde"], starts.Select(b => (string?)b.Attribute(W + "name")));
        var ids = starts.Select(b => (string?)b.Attribute(W + "id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids, rendered.Document.Descendants(W + "bookmarkEnd").Select(b => (string?)b.Attribute(W + "id")));
    }

    [Fact]
    public void Smart_quotes_that_Word_put_in_a_tag_work_as_straight_quotes()
    {
        var template = new TemplateBuilder().Lines(
            "{{ for point in agenda[0].outline }}",
            "{{ if point.kind == \u201Ctopic\u201D }}",
            "Onderwerp: {{ point.text }}",
            "{{ else if point.kind == \u2018agreement\u2019 }}",
            "{{ point.label }}: {{ point.text }}",
            "{{ end }}",
            "{{ end }}",
            "{{ \u201Ca \u2018quoted\u2019 word\u201D }}");

        var rendered = Rendered.From(template);

        Assert.Equal(["Onderwerp: Verzending stukken", "Afspraak: Vervolgafspraak wordt gepland.", "a 'quoted' word"], rendered.Lines);
    }

    [Fact]
    public void Spaces_around_tags_are_kept_whether_or_not_Word_marked_the_piece_preserve()
    {
        var template = new TemplateBuilder().Add(
            P(RawRun("Datum: ", preserve: true), RawRun("{{ meeting.date }}", preserve: false), RawRun(" .", preserve: true)),
            P(RawRun("Datum: {{ meeting.", preserve: true), RawRun("date }} .", preserve: true)),
            P(RawRun("{{ meeting.abbreviation }}", preserve: false), RawRun(" ", preserve: true), RawRun("{{ meeting.number }}", preserve: false)),
            P(RawRun("{{meeting.abbreviation}}", preserve: false), RawRun(" - {{ meeting.number}} ", preserve: true), RawRun("einde", preserve: false)));

        var rendered = Rendered.From(template);

        Assert.Equal(["Datum: 21 april 2023 .", "Datum: 21 april 2023 .", "LRT 7", "LRT - 7 einde"], rendered.Lines);
        foreach (var t in rendered.Document.Descendants(W + "t").Where(t => t.Value.Trim() != t.Value))
        {
            Assert.Equal("preserve", (string?)t.Attribute(XNamespace.Xml + "space"));
        }
    }

    [Fact]
    public void Text_next_to_a_tag_in_a_run_with_a_tab_keeps_both()
    {
        var template = new TemplateBuilder().Add(P(new XElement(
            W + "r",
            new XElement(W + "rPr", Bold()),
            T("Nummer"),
            new XElement(W + "tab"),
            T("{{ meeting.number }}"))));

        var rendered = Rendered.From(template);

        Assert.Equal(["Nummer\t7"], rendered.Lines);
        Assert.NotNull(Assert.Single(rendered.RunsWithText("7")).Element(W + "rPr")?.Element(W + "b"));
    }

    [Fact]
    public void Braces_in_a_field_code_are_kept_as_they_are()
    {
        var template = new TemplateBuilder().Add(P(
            new XElement(W + "r", new XElement(W + "fldChar", new XAttribute(W + "fldCharType", "begin"))),
            new XElement(W + "r", new XElement(W + "instrText", new XAttribute(XNamespace.Xml + "space", "preserve"), " QUOTE \"{{ x\" ")),
            new XElement(W + "r", new XElement(W + "fldChar", new XAttribute(W + "fldCharType", "separate"))),
            R("{{ meeting.number }}"),
            new XElement(W + "r", new XElement(W + "fldChar", new XAttribute(W + "fldCharType", "end")))));

        var rendered = Rendered.From(template);

        Assert.Equal(["7"], rendered.Lines);
        Assert.Equal(" QUOTE \"{{ x\" ", rendered.Document.Descendants(W + "instrText").Single().Value);
    }

    [Theory]
    [InlineData("{{ meeting.abbreviation | string.append '}}' }} einde", "LRT}} einde")]
    [InlineData("{{ \"{{\" }} en {{ meeting.number }}", "{{ en 7")]
    [InlineData("{{ `}} {{` }}", "}} {{")]
    [InlineData("a }} b {{ meeting.number }} c }}", "a }} b 7 c }}")]
    public void Braces_inside_a_string_literal_belong_to_the_tag_as_Scriban_reads_it(string line, string expected)
    {
        var template = new TemplateBuilder().Lines(line);

        Assert.Empty(template.Load().Diagnostics);
        Assert.Equal([expected], Rendered.From(template).Lines);
    }

    [Fact]
    public void A_tag_split_over_runs_with_closing_braces_in_a_string_is_one_tag_in_its_first_formatting()
    {
        var template = new TemplateBuilder().Add(P(
            R("Code: "),
            R("{{ meeting.abbreviation | string.ap", Rsid("00B20002"), Bold()),
            R("pend \u201C}", Rsid("00C30003"), Italic()),
            R("}\u201D }}", Rsid("00D40004")),
            R(" !")));

        var rendered = Rendered.From(template);

        Assert.Equal(["Code: LRT}} !"], rendered.Lines);
        var run = Assert.Single(rendered.RunsWithText("LRT}}"));
        Assert.NotNull(run.Element(W + "rPr")?.Element(W + "b"));
        Assert.Null(run.Element(W + "rPr")?.Element(W + "i"));
    }

    [Fact]
    public void A_string_that_is_not_closed_makes_the_tag_unclosed_and_says_so()
    {
        var template = new TemplateBuilder().Lines("Titel:", "Nr. {{ \"open }} en {{ meeting.number }}");

        var problem = Assert.Single(template.Load().Diagnostics);

        Assert.Equal(("MT2002", 2, 5), (problem.Code, problem.Location.Line, problem.Location.Column));
        Assert.Contains("a string in it is not closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_Scriban_would_read_as_an_escape_block_is_printed_as_typed()
    {
        var template = new TemplateBuilder().Lines("{%{ {{ meeting.number }} }%}", "{%{ open", "{{ meeting.abbreviation }}");

        Assert.Equal(["{%{ 7 }%}", "{%{ open", "LRT"], Rendered.From(template).Lines);
    }
}
