using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using static Minutes.Templating.Tests.Parsing.ParserAssert;

namespace Minutes.Templating.Tests.Parsing;

/// <summary>Every key of the contract reaches the model with the right value.</summary>
public class ParserContractTests
{
    private const string Agenda = "agenda:\n  - title: Item\n";

    [Fact]
    public void Defaults_apply_when_optional_keys_are_absent()
    {
        var document = Valid(MinimalHead + Agenda);

        Assert.Equal(1, document.Version);
        Assert.Equal("en", document.Language);
        Assert.Equal(DocumentType.Minutes, document.Document.Type);
        Assert.Equal(DocumentStatus.Draft, document.Document.Status);
        Assert.Null(document.Document.Title);
        Assert.Empty(document.Organisations);
        Assert.Empty(document.Attendees.Present);
        Assert.Null(document.NextMeeting);
        Assert.Empty(document.Labels);
        Assert.Null(document.Meeting.Start);
        Assert.Null(document.Meeting.Mode);
    }

    [Fact]
    public void Top_level_minutes_and_language_are_read()
    {
        var document = Valid("minutes: 1\nlanguage: nl-NL\n" + MinimalHead + Agenda);

        Assert.Equal(1, document.Version);
        Assert.Equal("nl-NL", document.Language);
    }

    [Fact]
    public void Document_keys_are_read()
    {
        var document = Valid(MinimalHead + Agenda + """
            document:
              type: actions
              title: Action *list*
              reference: ABC/123
              status: approved
              approved_on: 2024-02-01
              classification: Departementaal Vertrouwelijk
            """);

        var info = document.Document;
        Assert.Equal(DocumentType.Actions, info.Type);
        Assert.Equal(new InlineText([new TextInline { Text = "Action " }, new EmphasisInline { Content = [new TextInline { Text = "list" }] }]), info.Title);
        Assert.Equal("ABC/123", info.Reference);
        Assert.Equal(DocumentStatus.Approved, info.Status);
        Assert.Equal(new DateOnly(2024, 2, 1), info.ApprovedOn);
        Assert.Equal("Departementaal Vertrouwelijk", info.Classification);
    }

    [Theory]
    [InlineData("minutes", DocumentType.Minutes)]
    [InlineData("decisions", DocumentType.Decisions)]
    [InlineData("actions", DocumentType.Actions)]
    public void Document_types_map_to_the_enum(string yaml, DocumentType expected) =>
        Assert.Equal(expected, Valid(MinimalHead + Agenda + "document:\n  type: " + yaml + "\n").Document.Type);

    [Fact]
    public void Meeting_keys_are_read()
    {
        var document = Valid(Agenda + """
            meeting:
              body: Landelijke **Regietafel**
              abbreviation: LRT
              number: 7
              date: 2023-04-21
              start: 09:30
              end: "11:00"
              location: Den Haag
              mode: in_person
            """);

        var meeting = document.Meeting;
        Assert.Equal(new InlineText([new TextInline { Text = "Landelijke " }, new StrongInline { Content = [new TextInline { Text = "Regietafel" }] }]), meeting.Body);
        Assert.Equal("LRT", meeting.Abbreviation);
        Assert.Equal("7", meeting.Number);
        Assert.Equal(new DateOnly(2023, 4, 21), meeting.Date);
        Assert.Equal(new TimeOnly(9, 30), meeting.Start);
        Assert.Equal(new TimeOnly(11, 0), meeting.End);
        Assert.Equal(InlineText.Plain("Den Haag"), meeting.Location);
        Assert.Equal(MeetingMode.InPerson, meeting.Mode);
    }

    [Theory]
    [InlineData("in_person", MeetingMode.InPerson)]
    [InlineData("online", MeetingMode.Online)]
    [InlineData("hybrid", MeetingMode.Hybrid)]
    public void Meeting_modes_map_to_the_enum(string yaml, MeetingMode expected) =>
        Assert.Equal(expected, Valid(Agenda + "meeting:\n  body: B\n  date: 2024-01-01\n  mode: " + yaml + "\n").Meeting.Mode);

    [Theory]
    [InlineData("7", "7")]
    [InlineData("2023-II", "2023-II")]
    [InlineData("\"12\"", "12")]
    public void Meeting_number_may_be_an_int_or_text(string yaml, string expected) =>
        Assert.Equal(expected, Valid(Agenda + "meeting:\n  body: B\n  date: 2024-01-01\n  number: " + yaml + "\n").Meeting.Number);

    [Fact]
    public void Organisations_keep_their_order_and_inline_names()
    {
        var document = Valid(MinimalHead + Agenda + """
            organisations:
              VNG: Vereniging van Nederlandse Gemeenten
              IPO: Interprovinciaal *Overleg*
              COA: Centraal Orgaan opvang asielzoekers
            """);

        Assert.Equal(["VNG", "IPO", "COA"], document.Organisations.Select(o => o.Abbreviation));
        Assert.Equal(InlineText.Plain("Vereniging van Nederlandse Gemeenten"), document.Organisations[0].Name);
        Assert.IsType<EmphasisInline>(document.Organisations[1].Name.Inlines[1]);
    }

    [Fact]
    public void Persons_as_plain_strings_keep_their_text()
    {
        var document = Valid(MinimalHead + Agenda + """
            attendees:
              present:
                - secretariaat, ondersteuning
            """);

        var person = Assert.Single(document.Attendees.Present);
        Assert.Equal(InlineText.Plain("secretariaat, ondersteuning"), person.Text);
        Assert.Null(person.Name);
        Assert.Equal(PersonRole.Member, person.Role);
    }

    [Fact]
    public void Person_mappings_carry_every_key()
    {
        var document = Valid(MinimalHead + Agenda + """
            organisations:
              CdK: Commissaris van de Koning
            attendees:
              present:
                - name: Oosters
                  honorific: Dhr.
                  org: CdK
                  role: chair
                  on_behalf_of: Jetta Klijnsma
                  redact: 5.1.2e
                  note: uit *Utrecht*
              absent:
                - name: A
                  excused: true
                - name: B
                  excused: false
              guests:
                - name: C
                  role: guest
            """);

        var person = Assert.Single(document.Attendees.Present);
        Assert.Equal("Oosters", person.Name);
        Assert.Equal("Dhr.", person.Honorific);
        Assert.Equal("CdK", person.Organisation);
        Assert.Equal(PersonRole.Chair, person.Role);
        Assert.Equal("Jetta Klijnsma", person.OnBehalfOf?.ToString());
        Assert.Equal("5.1.2e", person.Redact);
        Assert.Equal("uit Utrecht", person.Note?.ToString());
        Assert.Null(person.Text);
        Assert.Equal([true, false], document.Attendees.Absent.Select(p => p.Excused));
        Assert.Equal(PersonRole.Guest, Assert.Single(document.Attendees.Guests).Role);
    }

    [Theory]
    [InlineData("chair", PersonRole.Chair)]
    [InlineData("secretary", PersonRole.Secretary)]
    [InlineData("minute_taker", PersonRole.MinuteTaker)]
    [InlineData("member", PersonRole.Member)]
    [InlineData("guest", PersonRole.Guest)]
    [InlineData("support", PersonRole.Support)]
    public void Person_roles_map_to_the_enum(string yaml, PersonRole expected) =>
        Assert.Equal(expected, Valid(MinimalHead + Agenda + "attendees:\n  present:\n    - name: X\n      role: " + yaml + "\n").Attendees.Present[0].Role);

    [Fact]
    public void Agenda_item_keys_are_read()
    {
        var document = Valid(MinimalHead + """
            agenda:
              - title: Opening en *mededelingen*
                presenter: De Staatssecretaris van JenV
                documents:
                  - Concept verslag LRT 6 april 2023
                  - TK-brief
                points:
                  - Welkom.
            """);

        var item = Assert.Single(document.Agenda);
        Assert.Equal("Opening en mededelingen", item.Title.ToString());
        Assert.Equal("1", item.Number);
        Assert.Equal(InlineText.Plain("De Staatssecretaris van JenV"), item.Presenter);
        Assert.Equal(["Concept verslag LRT 6 april 2023", "TK-brief"], item.Documents.Select(d => d.ToString()));
        Assert.Equal(new StatementPoint { Text = InlineText.Plain("Welkom.") }, Assert.Single(item.Points), PointComparer.Instance);
    }

    [Fact]
    public void Agenda_items_are_numbered_in_order_by_default()
    {
        var document = Valid(MinimalHead + "agenda:\n  - title: A\n  - title: B\n  - title: C\n");

        Assert.Equal(["1", "2", "3"], document.Agenda.Select(i => i.Number));
    }

    [Fact]
    public void Numbering_skips_unnumbered_items_and_continues_after_explicit_numbers()
    {
        var document = Valid(MinimalHead + """
            agenda:
              - title: Opening
              - title: Break
                number: ~
              - title: Second
              - title: Jump
                number: 7
              - title: Sub
                number: 7a
              - title: After
              - title: Text number
                number: "10"
              - title: Last
            """);

        Assert.Equal(["1", null, "2", "7", "7a", "8", "10", "11"], document.Agenda.Select(i => i.Number));
    }

    [Fact]
    public void Plain_string_point_is_a_statement_without_speaker()
    {
        var point = Assert.IsType<StatementPoint>(Assert.Single(Points("- De Ministers zijn verhinderd.")));

        Assert.Equal(InlineText.Plain("De Ministers zijn verhinderd."), point.Text);
        Assert.Null(point.By);
        Assert.Empty(point.Points);
    }

    [Fact]
    public void Text_point_carries_speaker_and_nested_points_at_any_depth()
    {
        var point = Assert.IsType<StatementPoint>(Assert.Single(Points("""
            - text: VNG verzoekt op twee punten om aanpassing.
              by: VNG
              points:
                - Eerste punt.
                - text: Tweede punt.
                  points:
                    - Nog dieper.
            """)));

        Assert.Equal("VNG", point.By?.ToString());
        Assert.Equal("VNG verzoekt op twee punten om aanpassing.", point.Text.ToString());
        Assert.Equal(2, point.Points.Count);
        var second = Assert.IsType<StatementPoint>(point.Points[1]);
        Assert.Equal("Nog dieper.", Assert.IsType<StatementPoint>(Assert.Single(second.Points)).Text.ToString());
    }

    [Fact]
    public void Topics_hold_points_and_nest()
    {
        var topic = Assert.IsType<TopicPoint>(Assert.Single(Points("""
            - topic: Verzending stukken
              points:
                - Zorg over aanlevering.
                - topic: Vervolg
                  points:
                    - agreement: Vervolgafspraak.
            """)));

        Assert.Equal("Verzending stukken", topic.Title.ToString());
        var inner = Assert.IsType<TopicPoint>(topic.Points[1]);
        Assert.Equal("Vervolgafspraak.", Assert.IsType<AgreementPoint>(Assert.Single(inner.Points)).Text.ToString());
    }

    [Fact]
    public void Agreement_decision_and_action_points_are_read_in_order()
    {
        var points = Points("""
            - agreement: Verslag wordt aangepast.
            - decision: Het plan wordt vastgesteld.
            - action: JenV verzorgt informatievoorziening.
              owner: JenV
              due: 2023-05-01
            - action: Zonder datum.
              owner: VNG
            """);

        Assert.Equal("Verslag wordt aangepast.", Assert.IsType<AgreementPoint>(points[0]).Text.ToString());
        Assert.Equal("Het plan wordt vastgesteld.", Assert.IsType<DecisionPoint>(points[1]).Text.ToString());
        var action = Assert.IsType<ActionPoint>(points[2]);
        Assert.Equal(("JenV verzorgt informatievoorziening.", "JenV", (DateOnly?)new DateOnly(2023, 5, 1)), (action.Text.ToString(), action.Owner.ToString(), action.Due));
        Assert.Null(Assert.IsType<ActionPoint>(points[3]).Due);
    }

    [Fact]
    public void Block_scalars_keep_line_breaks_without_the_final_one()
    {
        var point = Assert.IsType<StatementPoint>(Assert.Single(Points("""
            - text: |
                Eerste regel.
                Tweede *regel*.
            """)));

        Assert.Equal(
            new InlineText([new TextInline { Text = "Eerste regel." }, LineBreakInline.Instance, new TextInline { Text = "Tweede " }, new EmphasisInline { Content = [new TextInline { Text = "regel" }] }, new TextInline { Text = "." }]),
            point.Text);
    }

    [Fact]
    public void Plain_multi_line_scalars_fold_into_one_line()
    {
        var point = Assert.IsType<StatementPoint>(Assert.Single(Points("""
            - De Staatssecretaris verwelkomt
              de nieuwe vertegenwoordiger.
            """)));

        Assert.Equal(InlineText.Plain("De Staatssecretaris verwelkomt de nieuwe vertegenwoordiger."), point.Text);
    }

    [Fact]
    public void Redaction_spans_reach_the_model()
    {
        var point = Assert.IsType<StatementPoint>(Assert.Single(Points("- Welkom aan [[Jan Jansen|5.1.2e]] (VNG).")));

        Assert.Equal(
            new InlineText([new TextInline { Text = "Welkom aan " }, new RedactionInline { Text = "Jan Jansen", Ground = "5.1.2e" }, new TextInline { Text = " (VNG)." }]),
            point.Text);
        Assert.True(point.Text.HasRedactions);
    }

    [Fact]
    public void Next_meeting_keys_are_read()
    {
        var next = Valid(MinimalHead + Agenda + "next_meeting:\n  date: 2023-05-12\n  start: 14:00\n  location: Utrecht\n").NextMeeting;

        Assert.NotNull(next);
        Assert.Equal(new DateOnly(2023, 5, 12), next.Date);
        Assert.Equal(new TimeOnly(14, 0), next.Start);
        Assert.Equal(InlineText.Plain("Utrecht"), next.Location);
    }

    [Fact]
    public void Labels_map_label_keys_to_text()
    {
        var labels = Valid(MinimalHead + Agenda + "labels:\n  present: Aanwezig\n  agreement: Afspraak\n").Labels;

        Assert.Equal(2, labels.Count);
        Assert.Equal("Aanwezig", labels["present"]);
        Assert.Equal("Afspraak", labels["agreement"]);
    }

    [Fact]
    public void Text_fields_accept_numbers_as_written()
    {
        var document = Valid("meeting:\n  body: 2030\n  date: 2024-01-01\nagenda:\n  - title: 1.50\n");

        Assert.Equal("2030", document.Meeting.Body.ToString());
        Assert.Equal("1.50", document.Agenda[0].Title.ToString());
    }

    [Fact]
    public void Sample_with_every_key_parses()
    {
        var document = MinutesParser.ParseFile(SamplePath("all-keys.yaml")).Document;

        Assert.NotNull(document);
        Assert.Equal(["1", "4", "4a", null, "5"], document.Agenda.Select(i => i.Number));
        Assert.Equal("en-GB", document.Language);
        Assert.Equal(4, document.Attendees.Present.Count(p => p.Role != PersonRole.Member));
    }

    [Fact]
    public void Stream_overload_reads_utf8()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(MinimalHead + "agenda:\n  - title: Één\n"));

        var result = MinutesParser.Parse(stream, "s.yaml");

        Assert.Equal("Één", result.Document?.Agenda[0].Title.ToString());
    }
}

/// <summary>Compares points structurally (records compare lists by reference).</summary>
internal sealed class PointComparer : IEqualityComparer<Point>
{
    public static PointComparer Instance { get; } = new();

    public bool Equals(Point? x, Point? y) => (x, y) switch
    {
        (StatementPoint a, StatementPoint b) => a.Text.Equals(b.Text) && Equals(a.By, b.By) && a.Points.SequenceEqual(b.Points, this),
        (TopicPoint a, TopicPoint b) => a.Title.Equals(b.Title) && a.Points.SequenceEqual(b.Points, this),
        _ => object.Equals(x, y),
    };

    public int GetHashCode(Point obj) => obj.GetType().GetHashCode();
}
