using Minutes.Templating.Diagnostics;
using Minutes.Templating.Rendering;
using Xunit.Abstractions;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Problems in templates: all reported at once, each at its paragraph and column.</summary>
public sealed class DiagnosticTests(ITestOutputHelper output)
{
    private IReadOnlyList<Diagnostic> Show(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        return diagnostics;
    }

    [Fact]
    public void An_unknown_variable_is_an_error_never_blank()
    {
        var template = new TemplateBuilder().Lines("Titel", "Over: {{ meeting.titel }}");

        var problem = Assert.Single(Show(template.Load().Diagnostics));

        Assert.Equal("MT2008", problem.Code);
        Assert.Equal(2, problem.Location.Line);
        Assert.InRange(problem.Location.Column, 7, 7 + "{{ meeting.titel }}".Length - 1);
        Assert.Contains("'titel'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("known: abbreviation, body, date", problem.Message, StringComparison.Ordinal);
        Assert.Equal(("template.docx", "document"), (problem.Location.File, problem.Location.Part));
        Assert.StartsWith($"template.docx[document]:2:{problem.Location.Column}: error: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_top_level_variable_is_an_error()
    {
        var problem = Assert.Single(Show(new TemplateBuilder().Lines("{{ vergadering }}").Load().Diagnostics));

        Assert.Equal("MT2008", problem.Code);
        Assert.Equal(1, problem.Location.Line);
    }

    [Fact]
    public void Structural_errors_are_all_reported_at_once_with_paragraph_and_column()
    {
        var template = new TemplateBuilder()
            .Add(
                Para("Kop"),
                Para("Datum: {{ meeting.date"),
                Para("{{ for item in agenda }}"),
                Para("{{ item.title }}"),
                Para("Als {{ if item.number }}nummer"),
                Para("{{ end }}"),
                Para("Niets {{ end }} meer"))
            .Footer("default", Para("{{ for x in agenda }}{{ x.title }}"));

        var problems = Show(template.Load().Diagnostics);

        var byCode = problems.Select(p => (p.Code, p.Location.Part, p.Location.Line, p.Location.Column)).ToList();
        Assert.Equal(
            [
                ("MT2002", "document", 2, 8),   // Datum: {{ meeting.date
                ("MT2003", "document", 6, 1),   // {{ end }} of the if, a paragraph away from it
                ("MT2003", "document", 7, 7),   // Niets {{ end }} meer, the for's end inside a paragraph
                ("MT2004", "footer1", 1, 1),    // a for without end
            ],
            byCode);
        Assert.All(problems, p => Assert.Equal(DiagnosticSeverity.Error, p.Severity));
        var result = template.Load().Render(Samples.Minutes());
        Assert.False(result.Succeeded);
        Assert.Equal(problems.Count, result.Diagnostics.Count);
    }

    [Fact]
    public void A_for_without_end_is_reported_at_the_for()
    {
        var template = new TemplateBuilder().Lines("Agenda", "{{ for item in agenda }}", "{{ item.title }}");

        var problem = Assert.Single(Show(template.Load().Diagnostics));

        Assert.Equal(("MT2004", 2, 1), (problem.Code, problem.Location.Line, problem.Location.Column));
    }

    [Fact]
    public void An_end_with_no_block_is_reported_at_the_end()
    {
        var problem = Assert.Single(Show(new TemplateBuilder().Lines("Tekst", "Nog {{ end }}").Load().Diagnostics));

        Assert.Equal(("MT2004", 2, 5), (problem.Code, problem.Location.Line, problem.Location.Column));
    }

    [Fact]
    public void A_block_opened_inline_and_closed_in_another_paragraph_is_misplaced()
    {
        var template = new TemplateBuilder().Lines("{{ if meeting.number }}Nummer {{ meeting.number }}", "{{ else }}", "Geen", "{{ end }}");

        var problems = Show(template.Load().Diagnostics);

        Assert.Contains(problems, p => (p.Code, p.Location.Line, p.Location.Column) == ("MT2003", 2, 1));
        Assert.Contains(problems, p => (p.Code, p.Location.Line, p.Location.Column) == ("MT2003", 4, 1));
    }

    [Fact]
    public void Scriban_syntax_errors_are_reported_at_the_character_in_the_tag()
    {
        var template = new TemplateBuilder().Lines("Eerste", "Datum: {{ meeting.date | }}", "{{ 1 + }}");

        var problems = Show(template.Load().Diagnostics);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal("MT2001", p.Code));
        var first = problems[0];
        Assert.Equal(2, first.Location.Line);
        Assert.InRange(first.Location.Column, 8, 8 + "{{ meeting.date | }}".Length - 1);
    }

    [Fact]
    public void Syntax_errors_in_several_parts_are_all_reported()
    {
        var template = new TemplateBuilder()
            .Lines("{{ meeting.date | }}")
            .Header("default", Para("{{ 1 + }}"))
            .Footer("default", Para("Pagina {{ x = }}"));

        var problems = Show(template.Load().Diagnostics);

        Assert.Equal(["document", "header1", "footer1"], problems.Select(p => p.Location.Part).Distinct());
        Assert.All(problems, p => Assert.Equal("MT2001", p.Code));
    }

    [Fact]
    public void Runtime_errors_in_several_parts_are_all_reported()
    {
        var template = new TemplateBuilder()
            .Lines("{{ meeting.abbreviation | string.slice 'x' }}")
            .Header("default", Para("{{ meeting.abbreviation | math.round 'y' }}"));

        var problems = Show(Rendered.Problems(template));

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal("MT2005", p.Code));
    }

    [Fact]
    public void A_template_that_is_not_a_Word_file_is_a_package_error()
    {
        using var stream = new MemoryStream("not a document"u8.ToArray());

        var template = WordTemplate.Load(stream, "kapot.docx");

        var problem = Assert.Single(Show(template.Diagnostics));
        Assert.Equal("MT2007", problem.Code);
        Assert.False(template.Render(Samples.Minutes()).Succeeded);
    }

    [Fact]
    public void Unclosed_tags_syntax_errors_and_unbalanced_blocks_in_one_template_are_all_reported()
    {
        var template = new TemplateBuilder()
            .Lines("Over {{ meeting.body", "{{ meeting.date | }}", "Tekst", "Nummer {{ 1 + }}")
            .Header("default", Para("{{ if document.is_draft }}CONCEPT"));

        var problems = Show(template.Load().Diagnostics);

        Assert.Equal(
            [("MT2002", "document", 1, 6), ("MT2001", "document", 2, 19), ("MT2001", "document", 4, 15), ("MT2004", "header1", 1, 1)],
            problems.Select(p => (p.Code, p.Location.Part, p.Location.Line, p.Location.Column)));
    }
}
