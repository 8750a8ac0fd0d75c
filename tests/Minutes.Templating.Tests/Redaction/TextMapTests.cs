using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using Minutes.Templating.Redaction;

namespace Minutes.Templating.Tests.Redaction;

/// <summary>Mapping the texts of minutes copies only what changed; marking names changes only the texts they stand in.</summary>
public sealed class TextMapTests
{
    private static readonly MinutesDocument Minutes = MinutesParser.Parse("""
        language: nl
        meeting: { body: Regietafel, date: 2023-04-21 }
        attendees:
          present:
            - { honorific: Dhr., name: Jan Jansen, org: SZW, redact: 5.1.2e }
            - { honorific: Mevr., name: Els Smit, org: VNG }
        agenda:
          - title: Opening
            points:
              - Els Smit opent de vergadering.
          - title: Brief
            points:
              - text: "**Jan  Jansen** licht de brief toe."
                points:
                  - Geen vragen.
              - action: Antwoord sturen
                owner: VNG
        """).Document!;

    [Fact]
    public void Texts_given_back_unchanged_leave_the_minutes_themselves()
    {
        Assert.Same(Minutes, TextMap.Apply(Minutes, text => text));
        Assert.Equal(8, TextMap.All(Minutes).Count);
    }

    [Fact]
    public void Marking_copies_only_the_texts_a_withheld_name_stands_in_and_the_parts_around_them()
    {
        var marked = Redactions.Mark(Minutes);

        Assert.NotSame(Minutes, marked);
        Assert.Same(Minutes.Agenda[0], marked.Agenda[0]);
        var statement = Assert.IsType<StatementPoint>(marked.Agenda[1].Points[0]);
        var original = (StatementPoint)Minutes.Agenda[1].Points[0];
        Assert.Same(original.Points, statement.Points);
        Assert.Same(Minutes.Agenda[1].Points[1], marked.Agenda[1].Points[1]);
        var strong = Assert.IsType<StrongInline>(statement.Text.Inlines[0]);
        Assert.Equal(new RedactionInline { Text = "Jan  Jansen", Ground = "5.1.2e" }, Assert.Single(strong.Content));
        Assert.Equal(" licht de brief toe.", Assert.IsType<TextInline>(statement.Text.Inlines[1]).Text);
    }

    [Fact]
    public void What_is_withheld_is_read_from_the_marked_texts()
    {
        var withheld = Withheld.Of(Redactions.Mark(Minutes));

        Assert.Equal([("Jan  Jansen", "5.1.2e"), ("Jan Jansen", "5.1.2e")], withheld.Texts);
        Assert.Equal(["5.1.2e"], withheld.Grounds);
    }
}
