using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using static Minutes.Templating.Tests.Parsing.ParserAssert;

namespace Minutes.Templating.Tests.Parsing;

/// <summary>The LRT minutes of 21 April 2023, written in the contract, read back in full.</summary>
public class SeedSampleTests
{
    private static readonly MinutesDocument Seed = Read();

    private static MinutesDocument Read()
    {
        var result = MinutesParser.ParseFile(SamplePath("lrt-2023-04-21.yaml"));
        Assert.True(!result.HasErrors && result.Diagnostics.Count == 0, string.Join('\n', result.Diagnostics));
        return result.Document!;
    }

    [Fact]
    public void Header_is_read()
    {
        Assert.Equal("nl", Seed.Language);
        Assert.Equal("Landelijke Regietafel", Seed.Meeting.Body.ToString());
        Assert.Equal("LRT", Seed.Meeting.Abbreviation);
        Assert.Equal(new DateOnly(2023, 4, 21), Seed.Meeting.Date);
        Assert.Equal(DocumentStatus.Approved, Seed.Document.Status);
    }

    [Fact]
    public void Every_attendee_is_present_in_order_in_both_forms()
    {
        var present = Seed.Attendees.Present;

        Assert.Equal(16, present.Count);
        Assert.Equal(("Dhr.", "Van der Burg", "SJenV", PersonRole.Chair), (present[0].Honorific, present[0].Name, present[0].Organisation, present[0].Role));
        Assert.Equal("Jetta Klijnsma", present[2].OnBehalfOf?.ToString());
        Assert.Equal(6, present.Count(p => p.Redact == "5.1.2e"));
        Assert.Equal("secretariaat, ondersteuning", present[^1].Text?.ToString());
    }

    [Fact]
    public void Agenda_items_are_numbered_one_to_three()
    {
        Assert.Equal(["1", "2", "3"], Seed.Agenda.Select(i => i.Number));
        Assert.Equal("W.v.t.t.k.", Seed.Agenda[2].Title.ToString());
    }

    [Fact]
    public void Item_one_holds_statements_and_two_topics_in_order()
    {
        var points = Seed.Agenda[0].Points;

        Assert.Equal([typeof(StatementPoint), typeof(StatementPoint), typeof(TopicPoint), typeof(TopicPoint)], points.Select(p => p.GetType()));
        var first = Assert.IsType<TopicPoint>(points[2]);
        Assert.Equal("Verzending stukken en vervolg TK-brief", first.Title.ToString());
        Assert.Equal("Vervolgafspraak wordt gepland om door te spreken over de brief.", Assert.IsType<AgreementPoint>(first.Points[^1]).Text.ToString());

        // The block scalar keeps its five lines.
        var block = Assert.IsType<StatementPoint>(first.Points[0]);
        Assert.Equal(4, block.Text.Inlines.Count(i => i is LineBreakInline));
        Assert.EndsWith("Verzocht wordt om een vervolgafspraak.", block.Text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_sub_points_keep_their_speaker()
    {
        var topic = Assert.IsType<TopicPoint>(Seed.Agenda[0].Points[3]);
        var request = Assert.IsType<StatementPoint>(topic.Points[0]);

        Assert.Equal("VNG", request.By?.ToString());
        Assert.Equal(2, request.Points.Count);
        Assert.StartsWith("Het gaat om een herhaalde oproep", request.Points[0] is StatementPoint s ? s.Text.ToString() : string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_agreement_and_the_action_are_kept_in_place()
    {
        var item2 = Seed.Agenda[1].Points;
        Assert.Equal(11, item2.Count);
        Assert.Equal(7, item2.ToList().FindIndex(p => p is AgreementPoint));

        var action = Assert.IsType<ActionPoint>(Seed.Agenda[2].Points[^1]);
        Assert.Equal(("JenV verzorgt gevraagde informatievoorziening.", "JenV"), (action.Text.ToString(), action.Owner.ToString()));
    }

    [Fact]
    public void Organisations_keep_the_written_order()
    {
        Assert.Equal("SJenV", Seed.Organisations[0].Abbreviation);
        Assert.Equal("JenV", Seed.Organisations[^1].Abbreviation);
        Assert.Equal(11, Seed.Organisations.Count);
    }
}
