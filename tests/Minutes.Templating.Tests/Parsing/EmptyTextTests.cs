using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using Minutes.Templating.Tests.Cli;
using static Minutes.Templating.Tests.Parsing.ParserAssert;

namespace Minutes.Templating.Tests.Parsing;

/// <summary>
/// Nothing that prints empty gets through: a person needs a name, an organisation or a text; an item a title; a point
/// its text; an action its owner; and a key given as <c>""</c> is an error at its place, not an empty heading, a bare
/// "Besluit:" or ", (chair), ," in the list of attendees.
/// </summary>
public sealed class EmptyTextTests
{
    private static string Persons(string entries) =>
        MinimalHead + "attendees:\n  present:\n" + string.Join('\n', entries.Split('\n').Select(l => "    " + l)) + "\nagenda:\n  - title: Item\n";

    private static string WithPoints(string points) =>
        MinimalHead + "agenda:\n  - title: Item\n    points:\n" + string.Join('\n', points.Split('\n').Select(l => "      " + l)) + "\n";

    [Theory]
    [InlineData("- {}", 6, 7)]
    [InlineData("- {role: chair}", 6, 7)]
    [InlineData("- role: chair\n  excused: true", 6, 7)]
    [InlineData("- {honorific: Dhr., note: te laat}", 6, 7)]
    public void A_person_without_name_or_organisation_is_an_error_at_the_entry(string entries, int line, int column)
    {
        var problem = Single(Persons(entries), DiagnosticCodes.MissingKey, line, column);

        Assert.Equal("this person has neither 'name' nor 'org'; give at least one of them, or write the person as text", problem.Message);
    }

    [Theory]
    [InlineData("- \"\"", 6, 7, "this person is empty; write a name, or leave the entry out")]
    [InlineData("- '   '", 6, 7, "this person is empty; write a name, or leave the entry out")]
    [InlineData("- {name: \"\", org: VNG}", 6, 14, "'name' is empty; write it, or leave the key out")]
    [InlineData("- {name: Jan, org: \"\"}", 6, 24, "'org' is empty; write it, or leave the key out")]
    [InlineData("- {name: Jan, honorific: ''}", 6, 30, "'honorific' is empty; write it, or leave the key out")]
    [InlineData("- {name: Jan, on_behalf_of: ''}", 6, 33, "'on_behalf_of' is empty; write it, or leave the key out")]
    public void An_empty_person_or_name_is_an_error_at_the_value(string entries, int line, int column, string message) =>
        Assert.Equal(message, Single(Persons(entries), DiagnosticCodes.EmptyText, line, column).Message);

    [Theory]
    [InlineData("- Jan Jansen")]
    [InlineData("- {name: Jan Jansen}")]
    [InlineData("- {org: VNG, role: chair}")]
    [InlineData("- {org: VNG, redact: 5.1.2e}")]
    public void A_person_with_a_name_an_organisation_or_a_text_is_valid(string entries) =>
        Assert.Single(Valid(Persons(entries)).Attendees.Present);

    [Theory]
    [InlineData("\"\"")]
    [InlineData("'  '")]
    [InlineData("'^[alleen een voetnoot]'")]
    public void An_agenda_item_needs_a_title_with_text(string title)
    {
        var problem = Single(MinimalHead + "agenda:\n  - title: " + title + "\n", DiagnosticCodes.EmptyText, 5, 12);

        Assert.Equal("'title' is empty; every agenda item needs a title for its heading", problem.Message);
    }

    [Theory]
    [InlineData("- \"\"", 7, 9, "this point is empty; write what was said, or leave the point out")]
    [InlineData("- text: \"\"\n  by: VNG", 7, 15, "'text' is empty; write what was said")]
    [InlineData("- topic: ''\n  points: [Sub]", 7, 16, "'topic' is empty; a topic needs a heading")]
    [InlineData("- agreement: ''", 7, 20, "'agreement' is empty; write what was agreed")]
    [InlineData("- decision: \" \"", 7, 19, "'decision' is empty; write what was decided")]
    [InlineData("- action: ''\n  owner: VNG", 7, 17, "'action' is empty; write what is to be done")]
    [InlineData("- action: Bellen.\n  owner: ''", 8, 16, "'owner' is empty; name who will do it")]
    [InlineData("- text: Gezegd.\n  by: ''", 8, 13, "'by' is empty; write it, or leave the key out")]
    [InlineData("- decision: Aangenomen.\n  vote: {for: [GL, ''], against: 0}", 8, 26, "an entry of 'for' is empty; name who voted so, or leave the entry out")]
    [InlineData("- table:\n    caption: ''\n    rows: [[a]]", 8, 20, "'caption' is empty; write it, or leave the key out")]
    public void An_empty_point_or_point_field_is_an_error_at_the_value(string points, int line, int column, string message) =>
        Assert.Equal(message, Single(WithPoints(points), DiagnosticCodes.EmptyText, line, column).Message);

    [Theory]
    [InlineData("document:\n  title: ''\n" + MinimalHead + "agenda: []\n", 2, 10, "'title' is empty; write it, or leave the key out")]
    [InlineData("document:\n  reference: ''\n" + MinimalHead + "agenda: []\n", 2, 14, "'reference' is empty; write it, or leave the key out")]
    [InlineData("meeting:\n  body: ''\n  date: 2024-01-15\nagenda: []\n", 2, 9, "'body' is empty; give the name of the body that met")]
    [InlineData("meeting:\n  body: B\n  date: 2024-01-15\n  location: ''\nagenda: []\n", 4, 13, "'location' is empty; write it, or leave the key out")]
    [InlineData("organisations:\n  VNG: ''\n" + MinimalHead + "agenda: []\n", 2, 8, "the full name of 'VNG' is empty; write it out, or leave the organisation out")]
    [InlineData(MinimalHead + "agenda:\n  - title: A\n    presenter: ''\n", 6, 16, "'presenter' is empty; write it, or leave the key out")]
    [InlineData(MinimalHead + "agenda:\n  - title: A\n    documents: [Nota, '']\n", 6, 23, "an entry of 'documents' is empty; write it, or leave the entry out")]
    public void Any_other_text_given_empty_is_an_error_at_the_value(string yaml, int line, int column, string message) =>
        Assert.Equal(message, Single(yaml, DiagnosticCodes.EmptyText, line, column).Message);

    [Fact]
    public void Every_empty_value_is_reported_at_once()
    {
        var yaml = Persons("- {}\n- ''\n- {role: chair}").Replace("title: Item", "title: ''\n    points:\n      - decision: ''\n      - action: ''\n        owner: ''", StringComparison.Ordinal);

        var result = MinutesParser.Parse(yaml, "test.yaml");

        Assert.Equal(
            [("MT1005", 6, 7), ("MT1017", 7, 7), ("MT1005", 8, 7), ("MT1017", 10, 12), ("MT1017", 12, 19), ("MT1017", 13, 17), ("MT1017", 14, 16)],
            result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
        Assert.Null(result.Document);
    }

    [Fact]
    public void Empty_table_cells_stay_allowed()
    {
        var table = Assert.IsType<TablePoint>(Assert.Single(Points("- table:\n    header: [Fractie, Stemmen]\n    rows:\n      - [GL, '']\n      - [VVD, ~]")));

        Assert.All(table.Rows, row => Assert.True(row[1].Text.IsEmpty));
    }

    [Fact]
    public void The_command_refuses_empty_attendees_and_titles_with_their_places_and_writes_nothing()
    {
        using var folder = new TempDirectory();
        var minutes = folder.Write("leeg.yaml", Persons("- {}\n- {role: chair}\n- \"\"").Replace("title: Item", "title: \"\"", StringComparison.Ordinal));

        var run = CliRun.Of("render", minutes, "-o", folder["out/"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                $"{minutes}:6:7: error: this person has neither 'name' nor 'org'; give at least one of them, or write the person as text [MT1005]",
                $"{minutes}:7:7: error: this person has neither 'name' nor 'org'; give at least one of them, or write the person as text [MT1005]",
                $"{minutes}:8:7: error: this person is empty; write a name, or leave the entry out [MT1017]",
                $"{minutes}:10:12: error: 'title' is empty; every agenda item needs a title for its heading [MT1017]",
            ],
            run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error: ", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(folder["out"]) && Directory.EnumerateFiles(folder["out"]).Any());
    }
}
