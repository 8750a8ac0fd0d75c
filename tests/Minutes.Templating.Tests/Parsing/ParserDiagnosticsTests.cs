using Minutes.Templating.Diagnostics;
using Minutes.Templating.Parsing;
using static Minutes.Templating.Tests.Parsing.ParserAssert;

namespace Minutes.Templating.Tests.Parsing;

/// <summary>Every kind of problem is reported with its code, line and column.</summary>
public class ParserDiagnosticsTests
{
    private const string Agenda = "agenda:\n  - title: Item\n";

    private static string WithItem(string itemKeys) =>
        MinimalHead + "agenda:\n  - title: Item\n" + string.Join('\n', itemKeys.Split('\n').Select(l => "    " + l)) + "\n";

    private static string WithPoints(string points) =>
        MinimalHead + "agenda:\n  - title: Item\n    points:\n" + string.Join('\n', points.Split('\n').Select(l => "      " + l)) + "\n";

    [Fact]
    public void Syntax_error_is_reported_at_its_position_and_earlier_problems_stay()
    {
        var result = MinutesParser.Parse("agendaa: []\nmeeting:\n  body: B\n  date: 2024-01-01\n  bodyy: x\n: bad\n  x", "test.yaml");

        Assert.Equal(
            [("MT1002", 1, 1), ("MT1002", 5, 3), ("MT1001", 6, 3)],
            result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
        Assert.Contains("did you mean 'agenda'?", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("YAML syntax error:", result.Diagnostics[2].Message, StringComparison.Ordinal);
        Assert.Null(result.Document);
    }

    [Fact]
    public void Syntax_error_does_not_add_missing_key_errors_for_the_unfinished_part()
    {
        var diagnostic = Single("meeting:\n  body: \"unclosed\nagenda: x\n", DiagnosticCodes.SyntaxError, 2, 9);

        Assert.DoesNotContain("(Line:", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanner_failures_without_position_are_syntax_errors_not_crashes() =>
        Single("meeting:\n  body: [a, b\nagenda: x\n", DiagnosticCodes.SyntaxError, 2, 11);

    [Theory]
    [InlineData("meeting:\n\tbody: B\n", 2, 1, "a tab cannot indent YAML; indent with spaces")]
    [InlineData("meeting:\n  body: B\n  date: x\n\t  y: 1\n", 4, 1, "a tab cannot indent YAML; indent with spaces")]
    [InlineData("meeting:\n  body: \"Board\n  date: 2024-01-15\n", 2, 9, "the quoted text that starts here is not closed; end it with \"")]
    [InlineData("meeting:\n  body: 'Board\n", 2, 9, "the quoted text that starts here is not closed; end it with '")]
    [InlineData("meeting:\n  body: Board: annual meeting\n", 2, 14, "a colon and a space inside a value start a new key; put the whole value in quotes")]
    [InlineData("meeting:\n  body: Board\n    date: 2024-01-15\n", 3, 9, "this key is indented under text; line it up with the keys above it")]
    [InlineData("meeting:\n  body: @Board\n", 2, 9, "a value cannot start with @; put the whole value in quotes")]
    [InlineData("meeting:\n  body: \"a\\qb\"\n", 2, 9, "while scanning a quoted scalar, found unknown escape character")]
    public void The_syntax_errors_made_most_are_said_in_plain_words_at_their_place(string yaml, int line, int column, string words) =>
        Assert.Equal("YAML syntax error: " + words, Single(yaml, DiagnosticCodes.SyntaxError, line, column).Message);

    [Theory]
    [InlineData("agendaa: []\n" + MinimalHead + Agenda, 1, 1, "unknown key 'agendaa'; did you mean 'agenda'?")]
    [InlineData("documnt:\n  type: minutes\n" + MinimalHead + Agenda, 1, 1, "unknown key 'documnt'; did you mean 'document'?")]
    [InlineData("meeting:\n  bodyy: B\n  body: B\n  date: 2024-01-01\n" + Agenda, 2, 3, "unknown key 'bodyy' in meeting; did you mean 'body'?")]
    [InlineData("document:\n  staus: draft\n" + MinimalHead + Agenda, 2, 3, "unknown key 'staus' in document; did you mean 'status'?")]
    [InlineData("attendees:\n  presnt: []\n" + MinimalHead + Agenda, 2, 3, "unknown key 'presnt' in attendees; did you mean 'present'?")]
    [InlineData("attendees:\n  present:\n    - name: A\n      rol: chair\n" + MinimalHead + Agenda, 4, 7, "unknown key 'rol' in person; did you mean 'role'?")]
    [InlineData("next_meeting:\n  dat: 2024-01-01\n" + MinimalHead + Agenda, 2, 3, "unknown key 'dat' in next_meeting; did you mean 'date'?")]
    [InlineData(MinimalHead + "agenda:\n  - title: A\n    pionts: []\n", 6, 5, "unknown key 'pionts' in agenda item; did you mean 'points'?")]
    [InlineData(MinimalHead + "agenda:\n  - title: A\n    colour: red\n", 6, 5, "unknown key 'colour' in agenda item; allowed keys are 'title', 'number', 'presenter', 'documents', 'points'")]
    public void Unknown_keys_are_reported_at_every_level_with_a_suggestion(string yaml, int line, int column, string message) =>
        Assert.Equal(message, Single(yaml, DiagnosticCodes.UnknownKey, line, column).Message);

    [Fact]
    public void Unknown_key_in_a_point_suggests_from_its_form()
    {
        var diagnostic = Single(WithPoints("- action: Do it.\n  ownr: VNG\n  owner: VNG"), DiagnosticCodes.UnknownKey, 8, 9);

        Assert.Equal("unknown key 'ownr' in point; did you mean 'owner'?", diagnostic.Message);
    }

    [Fact]
    public void Point_key_of_another_form_is_reported()
    {
        var diagnostic = Single(WithPoints("- agreement: Done.\n  owner: VNG"), DiagnosticCodes.UnknownKey, 8, 9);

        Assert.Equal("key 'owner' does not belong to a 'agreement' point; its keys are 'agreement', 'vote'", diagnostic.Message);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence_naming_the_first()
    {
        var diagnostic = Single(MinimalHead + Agenda + "meeting:\n  body: C\n", DiagnosticCodes.DuplicateKey, 6, 1);

        Assert.Equal("duplicate key 'meeting'; it is already defined on line 1, column 1", diagnostic.Message);
    }

    [Fact]
    public void Duplicate_keys_are_found_in_nested_and_flow_mappings()
    {
        var result = MinutesParser.Parse("meeting: {body: B, date: 2024-01-01, body: C}\nagenda:\n  - title: A\n    number: 1\n    number: 2\n", "test.yaml");

        Assert.Equal(
            [("MT1003", 1, 38), ("MT1003", 5, 5)],
            result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Duplicate_keys_are_found_in_small_and_large_mappings(int keys)
    {
        // Labels take any key: a mapping of this many keys, then the second and the last written again.
        var labels = string.Concat(Enumerable.Range(1, keys).Select(i => $"  k{i}: v\n")) + "  k2: again\n  k" + keys + ": again\n";
        var result = MinutesParser.Parse(MinimalHead + Agenda + "labels:\n" + labels, "test.yaml");

        var duplicates = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateKey).ToList();
        Assert.Equal([(keys + 7, 3), (keys + 8, 3)], duplicates.Select(d => (d.Location.Line, d.Location.Column)));
        Assert.Equal("duplicate key 'k2'; it is already defined on line 8, column 3", duplicates[0].Message);
        Assert.Equal($"duplicate key 'k{keys}'; it is already defined on line {keys + 6}, column 3", duplicates[1].Message);
    }

    [Theory]
    [InlineData("meeting: Board\n" + Agenda, 1, 10, "'meeting' must be a mapping, but is text")]
    [InlineData("meeting:\n" + Agenda, 1, 9, "'meeting' must be a mapping, but has no value")]
    [InlineData(MinimalHead + "agenda:\n  title: A\n", 5, 3, "'agenda' must be a list, but is a mapping")]
    [InlineData(MinimalHead + "agenda:\n  - Opening\n", 5, 5, "an agenda item must be a mapping with at least 'title', but is text")]
    [InlineData(MinimalHead + "agenda:\n  - title: [A, B]\n", 5, 12, "'title' must be text, but is a list; YAML reads a value that starts with '[' as a list: put the whole text in quotes (\"[[Jan Jansen|5.1.2e]] opent …\")")]
    [InlineData(MinimalHead + "agenda:\n  - title: A\n    documents: Paper\n", 6, 16, "'documents' must be a list, but is text")]
    [InlineData(MinimalHead + "agenda:\n  - title: A\n    points:\n      - [a, b]\n", 7, 9, "a point must be text or a mapping, but is a list; YAML reads a value that starts with '[' as a list: put the whole text in quotes (\"[[Jan Jansen|5.1.2e]] opent …\")")]
    [InlineData("minutes: one\n" + MinimalHead + Agenda, 1, 10, "'minutes' must be a whole number, but is text")]
    [InlineData("minutes: \"1\"\n" + MinimalHead + Agenda, 1, 10, "'minutes' must be a whole number, but is text")]
    [InlineData("attendees:\n  absent:\n    - name: A\n      excused: yes\n" + MinimalHead + Agenda, 4, 16, "'excused' must be true or false, but is text")]
    [InlineData("attendees:\n  present: Jan\n" + MinimalHead + Agenda, 2, 12, "'present' must be a list, but is text")]
    [InlineData("labels:\n  present: [a]\n" + MinimalHead + Agenda, 2, 12, "'present' must be text, but is a list; YAML reads a value that starts with '[' as a list: put the whole text in quotes (\"[[Jan Jansen|5.1.2e]] opent …\")")]
    [InlineData("organisations: [VNG]\n" + MinimalHead + Agenda, 1, 16, "'organisations' must be a mapping, but is a list")]
    [InlineData(MinimalHead + "agenda:\n  - title: A\n    number: true\n", 6, 13, "'number' must be a number or text such as '4a', but is a yes/no value")]
    public void Wrong_types_are_reported_at_the_value(string yaml, int line, int column, string message) =>
        Assert.Equal(message, Single(yaml, DiagnosticCodes.WrongType, line, column).Message);

    [Fact]
    public void Empty_point_is_a_wrong_type() =>
        Assert.Equal("a point must be text or a mapping, but this one is empty", Single(WithPoints("-"), DiagnosticCodes.WrongType, 7, 8).Message);

    [Fact]
    public void Non_text_mapping_key_is_reported() =>
        Single("? [a]\n: b\n" + MinimalHead + Agenda, DiagnosticCodes.WrongType, 1, 3);

    [Theory]
    [InlineData(Agenda, 1, 1, "the document lacks the required key 'meeting'")]
    [InlineData(MinimalHead, 1, 1, "the document lacks the required key 'agenda'")]
    [InlineData("meeting:\n  date: 2024-01-01\n" + Agenda, 2, 3, "'meeting' lacks the required key 'body'")]
    [InlineData("meeting:\n  body: B\n" + Agenda, 2, 3, "'meeting' lacks the required key 'date'")]
    [InlineData(MinimalHead + "agenda:\n  - number: 3\n", 5, 5, "this agenda item lacks the required key 'title'")]
    [InlineData(MinimalHead + "agenda:\n  - title: A\n    points:\n      - action: Do it.\n", 7, 9, "this action lacks the required key 'owner'")]
    public void Missing_required_keys_are_reported(string yaml, int line, int column, string message) =>
        Assert.Equal(message, Single(yaml, DiagnosticCodes.MissingKey, line, column).Message);

    [Theory]
    [InlineData("2023-02-30", "'date: 2023-02-30' is not a date that exists")]
    [InlineData("21-04-2023", "'date: 21-04-2023' is not an ISO date; write YYYY-MM-DD; did you mean 2023-04-21?")]
    [InlineData("2023-4-21", "'date: 2023-4-21' is not an ISO date; write YYYY-MM-DD; did you mean 2023-04-21?")]
    [InlineData("2023/04/21", "'date: 2023/04/21' is not an ISO date; write YYYY-MM-DD; did you mean 2023-04-21?")]
    [InlineData("31.12.2024", "'date: 31.12.2024' is not an ISO date; write YYYY-MM-DD; did you mean 2024-12-31?")]
    [InlineData("5/4/2023", "'date: 5/4/2023' is not an ISO date; write YYYY-MM-DD; did you mean 2023-04-05 or 2023-05-04?")]
    [InlineData("5/5/2023", "'date: 5/5/2023' is not an ISO date; write YYYY-MM-DD; did you mean 2023-05-05?")]
    [InlineData("21 april 2023", "'date: 21 april 2023' is not an ISO date; write YYYY-MM-DD; did you mean 2023-04-21?")]
    [InlineData("1 mei 2024", "'date: 1 mei 2024' is not an ISO date; write YYYY-MM-DD; did you mean 2024-05-01?")]
    [InlineData("April 21, 2023", "'date: April 21, 2023' is not an ISO date; write YYYY-MM-DD; did you mean 2023-04-21?")]
    [InlineData("31-02-2023", "'date: 31-02-2023' is not an ISO date; write YYYY-MM-DD, for example 2023-04-21")]
    [InlineData("0000-1-1", "'date: 0000-1-1' is not an ISO date; write YYYY-MM-DD, for example 2023-04-21")]
    [InlineData("20230421", "'date: 20230421' is not an ISO date; write YYYY-MM-DD, for example 2023-04-21")]
    [InlineData("volgende week", "'date: volgende week' is not an ISO date; write YYYY-MM-DD, for example 2023-04-21")]
    public void Impossible_or_non_iso_dates_are_reported(string date, string message) =>
        Assert.Equal(message, Single("meeting:\n  body: B\n  date: " + date + "\n" + Agenda, DiagnosticCodes.InvalidDate, 3, 9).Message);

    [Fact]
    public void Dates_are_checked_in_every_place()
    {
        var result = MinutesParser.Parse(
            "document:\n  approved_on: 2023-13-01\n" + MinimalHead + "next_meeting:\n  date: 2023-02-29\n" + Agenda.TrimEnd('\n') + "\n    points:\n      - action: A\n        owner: X\n        due: 2023-04-31\n",
            "test.yaml");

        Assert.Equal(
            [("MT1006", 2, 16), ("MT1006", 7, 9), ("MT1006", 13, 14)],
            result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
    }

    [Theory]
    [InlineData("25:00", "'start: 25:00' is not a time that exists; hours run 00–23 and minutes 00–59")]
    [InlineData("09:60", "'start: 09:60' is not a time that exists; hours run 00–23 and minutes 00–59")]
    [InlineData("9:30", "'start: 9:30' is not a time in the form HH:MM; did you mean 09:30?")]
    [InlineData("10.00", "'start: 10.00' is not a time in the form HH:MM; did you mean 10:00?")]
    [InlineData("14.30 uur", "'start: 14.30 uur' is not a time in the form HH:MM; did you mean 14:30?")]
    [InlineData("10h15", "'start: 10h15' is not a time in the form HH:MM; did you mean 10:15?")]
    [InlineData("25.00", "'start: 25.00' is not a time in the form HH:MM, for example 09:30")]
    [InlineData("half tien", "'start: half tien' is not a time in the form HH:MM, for example 09:30")]
    public void Impossible_or_malformed_times_are_reported(string time, string message) =>
        Assert.Equal(message, Single("meeting:\n  body: B\n  date: 2024-01-01\n  start: " + time + "\n" + Agenda, DiagnosticCodes.InvalidTime, 4, 10).Message);

    [Fact]
    public void Times_are_checked_for_end_and_next_meeting()
    {
        var result = MinutesParser.Parse("meeting:\n  body: B\n  date: 2024-01-01\n  end: 24:00\n" + Agenda + "next_meeting:\n  start: 7pm\n", "test.yaml");

        Assert.Equal([("MT1007", 4, 8), ("MT1007", 8, 10)], result.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
    }

    [Theory]
    [InlineData("document:\n  type: memo\n", 2, 9, "'memo' is not allowed for 'type'; allowed: minutes, decisions, actions")]
    [InlineData("document:\n  status: aproved\n", 2, 11, "'aproved' is not allowed for 'status'; allowed: draft, approved; did you mean 'approved'?")]
    [InlineData("meeting:\n  body: B\n  date: 2024-01-01\n  mode: remote\n", 4, 9, "'remote' is not allowed for 'mode'; allowed: in_person, online, hybrid")]
    [InlineData("attendees:\n  present:\n    - name: A\n      role: voorzitter\n", 4, 13, "'voorzitter' is not allowed for 'role'; allowed: chair, secretary, minute_taker, member, guest, support")]
    public void Values_outside_the_allowed_set_are_reported(string yaml, int line, int column, string message)
    {
        var head = yaml.StartsWith("meeting", StringComparison.Ordinal) ? string.Empty : MinimalHead;
        var diagnostic = Single(yaml + head + Agenda, DiagnosticCodes.InvalidValue, line, column);

        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void Negative_item_number_is_an_invalid_value() =>
        Single(MinimalHead + "agenda:\n  - title: A\n    number: -2\n", DiagnosticCodes.InvalidValue, 6, 13);

    [Fact]
    public void Point_mapping_without_a_form_names_the_forms()
    {
        var diagnostic = Single(WithPoints("- by: VNG"), DiagnosticCodes.PointForm, 7, 9);

        Assert.Contains("none of the point forms", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("'text' (with optional 'by' and 'points'), 'topic' (with 'points'), 'agreement' or 'decision' (with optional 'vote'), 'action' (with 'owner' and optional 'due'), 'table' (with 'caption', 'header' and 'rows'), or 'image' (with 'alt' and optional 'caption' and 'width')", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Point_mapping_with_two_forms_is_reported_at_the_second()
    {
        var diagnostic = Single(WithPoints("- agreement: A\n  decision: B"), DiagnosticCodes.PointForm, 8, 9);

        Assert.StartsWith("this point has both 'agreement' and 'decision'; a point is plain text, or a mapping with exactly one of", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_form_key_is_one_error_with_the_suggestion() =>
        Assert.Equal("unknown key 'agreemnt' in point; did you mean 'agreement'?", Single(WithPoints("- agreemnt: A"), DiagnosticCodes.UnknownKey, 7, 9).Message);

    [Fact]
    public void A_point_whose_unknown_key_suggests_no_form_still_gets_the_forms()
    {
        var result = MinutesParser.Parse(WithPoints("- byy: VNG\n  pointz: []"), "test.yaml");

        Assert.Equal([DiagnosticCodes.UnknownKey, DiagnosticCodes.PointForm, DiagnosticCodes.UnknownKey], result.Diagnostics.Select(d => d.Code));
        Assert.EndsWith("did you mean 'by'?", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_version_names_the_supported_ones() =>
        Assert.Equal("unsupported minutes version 2; supported: 1", Single("minutes: 2\n" + MinimalHead + Agenda, DiagnosticCodes.UnsupportedVersion, 1, 10).Message);

    [Theory]
    [InlineData("en_GB", "'en_GB' is not a well-formed BCP 47 language tag; write 'en-GB' with a hyphen")]
    [InlineData("english", "'english' is not a well-formed BCP 47 language tag; for example 'en', 'nl' or 'en-GB'")]
    [InlineData("e", "'e' is not a well-formed BCP 47 language tag; for example 'en', 'nl' or 'en-GB'")]
    [InlineData("nl-", "'nl-' is not a well-formed BCP 47 language tag; for example 'en', 'nl' or 'en-GB'")]
    public void Malformed_language_tags_are_reported(string tag, string message) =>
        Assert.Equal(message, Single("language: " + tag + "\n" + MinimalHead + Agenda, DiagnosticCodes.InvalidLanguage, 1, 11).Message);

    [Theory]
    [InlineData("nl")]
    [InlineData("en-GB")]
    [InlineData("zh-Hant-TW")]
    [InlineData("es-419")]
    [InlineData("de-CH-1901")]
    [InlineData("en-x-private")]
    public void Well_formed_language_tags_are_accepted(string tag) =>
        Assert.Equal(tag, Valid("language: " + tag + "\n" + MinimalHead + Agenda).Language);

    [Fact]
    public void Undeclared_organisations_are_warnings_and_the_document_is_still_read()
    {
        var result = MinutesParser.Parse(
            "organisations:\n  VNG: Vereniging\n" + MinimalHead + """
            attendees:
              present:
                - name: A
                  org: IPO
            agenda:
              - title: A
                points:
                  - text: Zorg.
                    by: VNGG
                  - text: Zorg.
                    by: de voorzitter
                  - action: Doen.
                    owner: JenV
                  - action: Doen.
                    owner: VNG
            """,
            "test.yaml");

        Assert.False(result.HasErrors);
        Assert.NotNull(result.Document);
        Assert.All(result.Diagnostics, d => Assert.Equal((DiagnosticSeverity.Warning, "MT1011"), (d.Severity, d.Code)));
        Assert.Equal([(9, 12), (14, 13), (18, 16)], result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)));
        Assert.Equal("'org: IPO' names no organisation declared under 'organisations'; add it under 'organisations'", result.Diagnostics[0].Message);
        Assert.Equal("'by: VNGG' names no organisation declared under 'organisations'; did you mean 'VNG'?", result.Diagnostics[1].Message);
    }

    [Fact]
    public void Undeclared_organisation_warning_follows_the_error_at_the_same_place()
    {
        var result = MinutesParser.Parse(
            MinimalHead + "organisations:\n  VNG: Vereniging\nagenda:\n  - title: Item\n    points:\n      - text: Zorg.\n        by: ''\n",
            "test.yaml");

        Assert.Equal(
            [(DiagnosticSeverity.Error, "MT1017", 10, 13), (DiagnosticSeverity.Warning, "MT1011", 10, 13)],
            result.Diagnostics.Select(d => (d.Severity, d.Code, d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public void A_withheld_name_in_a_label_is_said_where_it_stands_as_a_label_cannot_withhold_it()
    {
        var result = MinutesParser.Parse(
            """
            meeting: { body: Raad, date: 2024-01-15 }
            attendees:
              present:
                - name: Kees Verborgen
                  redact: 5.1.2e
            labels:
              present: Aanwezig (Kees  Verborgen)
            agenda:
              - title: Item
            """,
            "test.yaml");

        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnmarkedWithheldName);
        Assert.Equal((7, 22), (warning.Location.Line, warning.Location.Column));
        Assert.Contains("in labels.present, which is printed as it stands and cannot withhold it", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Withheld_names_are_found_in_texts_read_before_and_after_the_attendees()
    {
        var result = MinutesParser.Parse(
            """
            meeting:
              body: Raad met Kees Verborgen
              date: 2024-01-15
              location: Bij Kees Verborgen
            attendees:
              present:
                - name: Kees Verborgen
                  redact: 5.1.2e
            agenda:
              - title: Item
                points:
                  - Kees Verborgen opent.
                  - Welkom [[Kees Verborgen|5.1.2e]].
            """,
            "test.yaml");

        Assert.Equal(
            [(2, 18), (4, 17), (12, 9)],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnmarkedWithheldName).Select(d => (d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public void Organisations_are_not_checked_when_none_are_declared() =>
        Valid(MinimalHead + "attendees:\n  present:\n    - name: A\n      org: IPO\n" + Agenda);

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void Empty_document_is_reported(string yaml) =>
        Single(yaml, DiagnosticCodes.EmptyDocument, 1, 1);

    [Theory]
    [InlineData("- a\n- b\n", "the document must be a mapping with keys such as 'meeting' and 'agenda', not a list")]
    [InlineData("hello\n", "the document must be a mapping with keys such as 'meeting' and 'agenda', not text")]
    public void Document_that_is_not_a_mapping_is_reported(string yaml, string message) =>
        Assert.Equal(message, Single(yaml, DiagnosticCodes.WrongType, 1, 1).Message);

    [Fact]
    public void Input_larger_than_4_MiB_is_one_error()
    {
        var yaml = MinimalHead + "agenda:\n  - title: " + new string('x', 4 * 1024 * 1024) + "\n";

        Assert.Contains("4 MiB", Single(yaml, DiagnosticCodes.LimitExceeded, 1, 1).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_64_is_one_error_even_when_very_deep()
    {
        var yaml = MinimalHead + "agenda: " + new string('[', 200_000) + new string(']', 200_000) + "\n";

        // root mapping (1) + 63 lists fit; the 64th '[' (column 9 + 63) is one too deep.
        Assert.Contains("deeper than 64", Single(yaml, DiagnosticCodes.LimitExceeded, 4, 9 + 63).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_of_points_deeper_than_64_is_reported_not_overflowed()
    {
        var builder = new System.Text.StringBuilder(MinimalHead + "agenda:\n  - title: A\n    points:\n");
        var indent = "      ";
        for (var i = 0; i < 40; i++)
        {
            builder.Append(indent).Append("- text: level\n").Append(indent).Append("  points:\n");
            indent += "    ";
        }

        builder.Append(indent).Append("- leaf\n");
        var result = MinutesParser.Parse(builder.ToString(), "test.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, diagnostic.Code);
    }

    [Fact]
    public void More_than_100000_nodes_is_one_error()
    {
        var builder = new System.Text.StringBuilder(MinimalHead + "agenda:\n");
        for (var i = 0; i < 60_000; i++)
        {
            builder.Append("  - title: t\n");
        }

        var result = MinutesParser.Parse(builder.ToString(), "test.yaml");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.LimitExceeded, diagnostic.Code);
        Assert.Contains("100000", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_are_rejected_so_alias_bombs_cannot_expand()
    {
        var yaml = MinimalHead + """
            a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            agenda:
              - title: A
            """;

        var result = MinutesParser.Parse(yaml, "test.yaml");

        var aliases = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnsupportedYaml).ToList();
        Assert.Equal(9, aliases.Count);
        Assert.Equal((5, 8), (aliases[0].Location.Line, aliases[0].Location.Column));
        Assert.Equal("YAML reads '*a' as an alias, and minutes do not support aliases: if the '*' starts bold or italic text, put the whole text in quotes (\"**Let op**: …\"); otherwise write the value out in full", aliases[0].Message);
    }

    [Fact]
    public void Alias_used_as_a_value_reports_no_follow_up_errors() =>
        Single("meeting: &m\n  body: B\n  date: 2024-01-01\nagenda: *m\n", DiagnosticCodes.UnsupportedYaml, 4, 9);

    [Fact]
    public void A_point_that_starts_with_emphasis_is_one_error_that_says_to_quote_it()
    {
        var diagnostic = Single(WithPoints("- *nieuw*"), DiagnosticCodes.UnsupportedYaml, 7, 9);

        Assert.StartsWith("YAML reads '*nieuw*' as an alias", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("put the whole text in quotes", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- [[Jan Jansen|5.1.2e]]", 9, "a point must be text or a mapping, but is a list; YAML reads a value that starts with '[' as a list: put the whole text in quotes")]
    [InlineData("- text: [de notitie]", 15, "'text' must be text, but is a list; YAML reads a value that starts with '[' as a list: put the whole text in quotes")]
    [InlineData("- text: {a: b}", 15, "'text' must be text, but is a mapping; YAML reads a value that starts with '{' as a mapping: put the whole text in quotes")]
    [InlineData("- #3 is besproken", 8, "a point must be text or a mapping, but this one is empty; YAML reads a '#' after a space as the start of a comment: put the whole text in quotes")]
    [InlineData("- text:   # nothing", 14, "'text' must be text, but has no value; YAML reads a '#' after a space as the start of a comment: put the whole text in quotes")]
    public void Text_that_yaml_reads_as_something_else_says_to_quote_it(string point, int column, string message) =>
        Assert.StartsWith(message, Single(WithPoints(point), DiagnosticCodes.WrongType, 7, column).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("- [[Jan Jansen|5.1.2e]] opent de vergadering.", 9, "'[', which YAML reads as the start of a list")]
    [InlineData("- [de notitie](https://example.org/notitie) is besproken.", 9, "'[', which YAML reads as the start of a list")]
    [InlineData("- text: [de notitie](https://example.org/notitie) is besproken.", 15, "'[', which YAML reads as the start of a list")]
    [InlineData("- {a: b} en meer", 9, "'{', which YAML reads as the start of a mapping")]
    public void Text_that_starts_like_yaml_and_goes_on_is_one_syntax_error_that_says_to_quote_it(string point, int column, string what) =>
        Assert.Equal(
            $"YAML syntax error: this text starts with {what}, and goes on after it; put the whole text in quotes",
            Single(WithPoints(point), DiagnosticCodes.SyntaxError, 7, column).Message);

    [Fact]
    public void Emphasis_at_the_start_of_a_point_that_goes_on_is_one_error_about_the_alias() =>
        Assert.Contains("put the whole text in quotes", Single(WithPoints("- **Let op**, dit is belangrijk."), DiagnosticCodes.UnsupportedYaml, 7, 9).Message, StringComparison.Ordinal);

    [Fact]
    public void A_list_with_a_bracket_too_many_keeps_the_readers_words()
    {
        var syntax = Assert.Single(MinutesParser.Parse("labels:\n  present: [a, b]]\n" + MinimalHead + Agenda, "test.yaml").Diagnostics, d => d.Code == DiagnosticCodes.SyntaxError);

        Assert.Equal("YAML syntax error: while parsing a block mapping, did not find expected key", syntax.Message);
    }

    [Theory]
    [InlineData("- text:\n    - a", "'text' must be text, but is a list")]
    [InlineData("- text:", "'text' must be text, but has no value")]
    public void Text_of_the_wrong_kind_written_as_such_gets_no_quoting_hint(string point, string message) =>
        Assert.Equal(message, Assert.Single(MinutesParser.Parse(WithPoints(point), "test.yaml").Diagnostics).Message);

    [Theory]
    [InlineData("- VNG: geeft aan dat de planning krap is.", "YAML reads 'VNG: …' as the key 'VNG' with a value, because of the colon and the space after it; to say who spoke, write 'text: …' with 'by: VNG', otherwise put the whole point in quotes")]
    [InlineData("- Afspraak: volgende keer verder.", "'Afspraak' stands for 'agreement': write the point as 'agreement: …'")]
    [InlineData("- besluit: het voorstel is aangenomen.", "'besluit' stands for 'decision': write the point as 'decision: …'")]
    [InlineData("- Actie: JenV stuurt de notitie rond.", "'Actie' stands for 'action': write the point as 'action: …' with 'owner: …'")]
    [InlineData("- onderwerp: Begroting", "'onderwerp' stands for 'topic': write the point as 'topic: …'")]
    [InlineData("- tekst: hallo", "'tekst' stands for 'text': write the point as 'text: …'")]
    [InlineData("- Agreed: next time.", "'Agreed' stands for 'agreement': write the point as 'agreement: …'")]
    public void A_point_written_as_who_or_what_and_a_colon_is_one_error_that_says_how_to_write_it(string point, string message) =>
        Assert.Equal(message, Single(WithPoints(point), DiagnosticCodes.PointForm, 7, 9).Message);

    [Theory]
    [InlineData("- txt: hello", "unknown key 'txt' in point; did you mean 'text'?")]
    [InlineData("- tekst: hallo\n  door: VNG", "unknown key 'tekst' in point; did you mean 'text'?")]
    [InlineData("- actie: Notitie rondsturen.\n  actiehouder: VNG", "unknown key 'actie' in point; did you mean 'action'?")]
    public void A_point_with_a_misspelt_or_dutch_form_key_is_told_the_form(string point, string message) =>
        Assert.Equal(message, MinutesParser.Parse(WithPoints(point), "test.yaml").Diagnostics[0].Message);

    [Theory]
    [InlineData("vergadering:\n  body: B\n  date: 2024-01-15\nagenda: []\n", 1, 1, "unknown key 'vergadering'; did you mean 'meeting'?")]
    [InlineData("taal: nl\n" + MinimalHead + Agenda, 1, 1, "unknown key 'taal'; did you mean 'language'?")]
    [InlineData("meeting:\n  body: B\n  datum: 2024-01-15\n" + Agenda, 3, 3, "unknown key 'datum' in meeting; did you mean 'date'?")]
    [InlineData(MinimalHead + "attendees:\n  aanwezig: [A]\n" + Agenda, 5, 3, "unknown key 'aanwezig' in attendees; did you mean 'present'?")]
    [InlineData(MinimalHead + "aanwezigen:\n  present: [A]\n" + Agenda, 4, 1, "unknown key 'aanwezigen'; did you mean 'attendees'?")]
    [InlineData(MinimalHead + "agenda:\n  - titel: Opening\n", 5, 5, "unknown key 'titel' in agenda item; did you mean 'title'?")]
    public void A_dutch_key_is_one_error_that_names_the_key_it_stands_for(string yaml, int line, int column, string message) =>
        Assert.Equal(message, Single(yaml, DiagnosticCodes.UnknownKey, line, column).Message);

    [Fact]
    public void A_point_of_unknown_keys_lists_each_allowed_key_once()
    {
        var unknown = MinutesParser.Parse(WithPoints("- zzz: [a]"), "test.yaml").Diagnostics.First(d => d.Code == DiagnosticCodes.UnknownKey);

        var allowed = unknown.Message[(unknown.Message.IndexOf("allowed keys are ", StringComparison.Ordinal) + "allowed keys are ".Length)..].Split(", ");
        Assert.Equal(allowed.Distinct(), allowed);
        Assert.Contains("'points'", allowed);
    }

    [Fact]
    public void Second_document_is_rejected() =>
        Single(MinimalHead + Agenda + "---\nmeeting: {}\n", DiagnosticCodes.UnsupportedYaml, 6, 1);

    [Fact]
    public void Custom_tags_are_rejected() =>
        Single("meeting: !board\n  body: B\n  date: 2024-01-01\n" + Agenda, DiagnosticCodes.UnsupportedYaml, 1, 10);

    [Fact]
    public void Malformed_redaction_is_an_error_at_its_position_in_the_text()
    {
        var diagnostic = Single(WithPoints("- Welkom aan [[Jan Jansen]] uit Goes."), DiagnosticCodes.InvalidInlineMarkup, 7, 20);

        Assert.Equal("redaction span '[[Jan Jansen]]' has no ground; write it as [[text|ground]], for example [[Jan Jansen|5.1.2e]]", diagnostic.Message);
    }

    [Fact]
    public void Malformed_redaction_in_a_quoted_scalar_is_placed_inside_the_quotes() =>
        Single(MinimalHead + "agenda:\n  - title: \"Welkom [[|5.1.2e]]\"\n", DiagnosticCodes.InvalidInlineMarkup, 5, 20);

    [Fact]
    public void Malformed_redaction_in_a_block_scalar_is_placed_on_its_line()
    {
        Single(WithPoints("- text: |\n    Eerste regel.\n    Tweede [[naam|]] regel."), DiagnosticCodes.InvalidInlineMarkup, 9, 18);
    }

    [Fact]
    public void All_problems_are_reported_at_once_in_source_order()
    {
        var result = MinutesParser.Parse("""
            minutes: 2
            language: en_GB
            meeting:
              body: B
              date: 2023-02-30
              start: 25:00
            agendaa: []
            """, "minutes.yaml");

        Assert.Equal(
            ["MT1010", "MT1013", "MT1006", "MT1007", "MT1002"],
            result.Diagnostics.Select(d => d.Code));
        Assert.Equal("minutes.yaml:1:10: error: unsupported minutes version 2; supported: 1 [MT1010]", result.Diagnostics[0].ToString());
    }
}
