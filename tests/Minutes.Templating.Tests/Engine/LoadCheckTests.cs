using Minutes.Templating.Diagnostics;
using Minutes.Templating.Engine;
using Xunit.Abstractions;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>
/// What a rendering would refuse is found when the template is loaded, each at its part, paragraph and column, all at
/// once: names of .NET values, values used as what they are not, names in function bodies and <c>with</c> blocks,
/// names in parts that do not parse; and what a rendering allows stays allowed.
/// </summary>
public sealed class LoadCheckTests(ITestOutputHelper output)
{
    private IReadOnlyList<Diagnostic> Problems(TemplateBuilder template)
    {
        var diagnostics = template.Load().Diagnostics;
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        return diagnostics;
    }

    private static (string Code, string? Part, int Line, int Column) Where(Diagnostic d) => (d.Code, d.Location.Part, d.Location.Line, d.Location.Column);

    [Theory]
    [InlineData("{{ meeting.date.tick }}", 17, "meeting.date is a date, which has no name 'tick'; did you mean 'ticks'?")]
    [InlineData("{{ meeting.body.inlines }}", 17, "meeting.body is inline text, which has no name 'inlines': it has no names of its own; write it whole, {{ meeting.body }}")]
    [InlineData("{{ meeting.number.length }}", 19, "meeting.number is text, which has no name 'length'; it has: size")]
    [InlineData("{{ agenda.count }}", 11, "agenda is a list, which has no name 'count'; it has: size")]
    [InlineData("{{ minutes_version.x }}", 20, "minutes_version is a number, which has no name 'x': it has no names of its own; write it whole, {{ minutes_version }}")]
    [InlineData("{{ document.is_draft.value }}", 22, "document.is_draft is yes or no, which has no name 'value': it has no names of its own; write it whole, {{ document.is_draft }}")]
    [InlineData("{{ meeting.date.time_of_day.hours }}", 29, "meeting.date.time_of_day is a value, which has no name 'hours': it has no names of its own; write it whole, {{ meeting.date.time_of_day }}")]
    [InlineData("{{ (meeting.date | date.add_days 7).dag }}", 37, "(meeting.date | date.add_days 7) is a date, which has no name 'dag'; did you mean 'day'?")]
    [InlineData("{{ (timespan.from_days 2).days }}", 27, "(timespan.from_days 2) is a value, which has no name 'days': it has no names of its own; write it whole, {{ (timespan.from_days 2) }}")]
    [InlineData("{{ (meeting.abbreviation | string.upcase).length }}", 43, "(meeting.abbreviation | string.upcase) is text, which has no name 'length'; it has: size")]
    [InlineData("{{ for row in agenda[0].points[0].rows }}{{ row[0].text }}{{ end }}", 52, "row[0] is inline text, which has no name 'text': it has no names of its own; write it whole, {{ row[0] }}")]
    public void A_name_a_value_does_not_have_is_found_at_load_where_it_is_written(string tag, int column, string message)
    {
        var problem = Assert.Single(Problems(new TemplateBuilder().Lines("Kop", tag)));

        Assert.Equal(("MT2008", "document", 2, column), Where(problem));
        Assert.Contains("}}: " + message + " (character ", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ meeting.body[0] }}", 17, "[…] reads an element of a list or a character of a text, but meeting.body is inline text")]
    [InlineData("{{ meeting.date[0] }}", 17, "[…] reads an element of a list or a character of a text, but meeting.date is a date")]
    [InlineData("{{ with meeting.body }}{{ text }}{{ end }}", 9, "'with' opens an object, but meeting.body is inline text")]
    [InlineData("{{ for d in meeting.date }}{{ d }}{{ end }}", 13, "'for' walks a list, but meeting.date is a date")]
    [InlineData("{{ tablerow n in minutes_version }}{{ n }}{{ end }}", 18, "'tablerow' walks a list, but minutes_version is a number")]
    public void A_value_used_as_what_it_is_not_is_found_at_load(string tag, int column, string message)
    {
        var problem = Assert.Single(Problems(new TemplateBuilder().Lines(tag)));

        Assert.Equal(("MT2103", "document", 1, column), Where(problem));
        Assert.StartsWith(tag[..(tag.IndexOf("}}", StringComparison.Ordinal) + 2)] + ": " + message + " (character ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_in_function_bodies_are_checked()
    {
        var template = new TemplateBuilder().Lines(
            "{{ func kop }}{{ ret meeting.titel }}{{ end }}",
            "{{ func naam(p) }}{{ ret vergadering + p }}{{ end }}",
            "{{ func leeg }}{{ ret $omgeving }}{{ end }}",
            "{{ f = do; ret meeting.body.size; end }}");

        var problems = Problems(template);

        Assert.Equal(
            [("MT2008", "document", 1, 30), ("MT2008", "document", 2, 26), ("MT2008", "document", 3, 23), ("MT2008", "document", 4, 29)],
            problems.Select(Where));
        Assert.Contains("'titel' is not a name the minutes model has here; known: abbreviation, body", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'vergadering' is not a name the minutes model has at the top level", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("'$omgeving' is not set here", problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("meeting.body is inline text, which has no name 'size'", problems[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_in_with_blocks_are_checked_against_the_object_and_what_is_known_outside()
    {
        var template = new TemplateBuilder().Lines(
            "{{ with meeting }}{{ body }} {{ agenda.size }} {{ titel }} {{ date.jaar }}{{ end }}");

        var problems = Problems(template);

        Assert.Equal([("MT2008", "document", 1, 51), ("MT2008", "document", 1, 68)], problems.Select(Where));
        Assert.Contains("'titel' is not a name the minutes model has here; known: abbreviation, actions, agenda", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("date is a date, which has no name 'jaar'", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_with_a_syntax_error_still_has_its_names_checked()
    {
        var template = new TemplateBuilder().Lines(
            "Over {{ meeting.titel }}",
            "{{ for item in agenda }}",
            "{{ item.title }} {{ item.number | }}",
            "{{ end }}",
            "{{ vergadering }} {{ meeting.body.inlines }}");

        var problems = Problems(template);

        Assert.Equal(
            [("MT2001", "document", 3, 35), ("MT2008", "document", 1, 17), ("MT2008", "document", 5, 4), ("MT2008", "document", 5, 35)],
            problems.Select(Where));
    }

    [Fact]
    public void Every_parts_problems_are_reported_not_only_the_first_parts()
    {
        var template = new TemplateBuilder()
            .Lines("{{ meeting.titel }}")
            .Header("default", Para("{{ 1 + }} {{ document.titel }}"))
            .Footer("default", Para("Pagina {{ meeting.date.jaar }}"), Para("{{ with meeting.date }}{{ year }}{{ end }}"));

        var problems = Problems(template);

        Assert.Equal(
            [
                ("MT2001", "header1", 1, 8),
                ("MT2008", "document", 1, 12),
                ("MT2008", "header1", 1, 23),
                ("MT2008", "footer1", 1, 24),
                ("MT2103", "footer1", 2, 9),
            ],
            problems.Select(Where));
    }

    [Fact]
    public void What_a_rendering_allows_stays_allowed()
    {
        var template = new TemplateBuilder().Lines(
            "{{ meeting.date.year }}-{{ meeting.date.month }} {{ meeting.date.day_of_week }} {{ meeting.date.date.day }}",
            "{{ agenda.size }} {{ meeting.number.size }} {{ meeting.number[0] }} {{ agenda[0].title }}",
            "{{ agenda.empty? }} {{ meeting.empty? }} {{ meeting.body.empty? }}",
            "{{ x = { a: meeting.abbreviation, b: 2 } }}{{ x.a }}",
            "{{ with meeting }}{{ abbreviation }} {{ agenda.size }}{{ end }}",
            "{{ func nummer(p) }}{{ ret p.title + later + $0.title }}{{ end }}{{ later = '!' }}{{ nummer agenda[0] }}",
            "{{ for c in meeting.abbreviation }}{{ c }}{{ end }}",
            "{{ for row in agenda[0].documents }}{{ row }}{{ end }}",
            "{{ (meeting.date | date.add_days 7).day }} {{ (meeting.abbreviation | string.downcase).size }} {{ (agenda | array.first).title }}");

        var rendered = Rendered.From(template);

        Assert.Equal(
            [
                "2023-4 Friday 21",
                "2 1 7 Opening en mededelingen",
                "false false false",
                "LRT",
                "LRT 2",
                "Opening en mededelingen!Opening en mededelingen",
                "LRT",
                "28 3 Opening en mededelingen",
            ],
            rendered.Lines);
    }

    [Fact]
    public void Every_name_the_checker_allows_on_a_date_a_rendering_reads()
    {
        var names = DotNetMembers.Readable(typeof(DateTime)).Keys.Order(StringComparer.Ordinal).ToList();

        var rendered = Rendered.From(new TemplateBuilder().Lines([.. names.Select(name => $"{name}: {{{{ meeting.date.{name} }}}}")]));

        Assert.Contains("year", names);
        Assert.Contains("day_of_week", names);
        Assert.Equal(names.Count, rendered.Lines.Count);
        Assert.Contains("year: 2023", rendered.Lines);
        Assert.Empty(DotNetMembers.Readable(typeof(Minutes.Templating.Model.InlineText)));
        Assert.Empty(DotNetMembers.Readable(typeof(TimeSpan)));
    }
}
