using Minutes.Templating.Model;

namespace Minutes.Templating.Redaction;

/// <summary>
/// Every text of the minutes, in one place: applies a function to each <see cref="InlineText"/> of a document
/// (titles, bodies, persons, speakers, owners, presenters, documents, locations, votes, tables, pictures' text, points at any depth) and
/// returns the changed document. Marking withheld names and withholding them both go through here, so a text
/// field added to the model is added here once.
/// </summary>
internal static class TextMap
{
    /// <summary>The minutes with <paramref name="map"/> applied to every text, and <paramref name="person"/> to every person after that.</summary>
    public static MinutesDocument Apply(MinutesDocument minutes, Func<InlineText, InlineText> map, Func<Person, Person>? person = null)
    {
        InlineText? Text(InlineText? text) => text is null ? null : map(text);
        Person Person(Person p)
        {
            var mapped = p with { Text = Text(p.Text), OnBehalfOf = Text(p.OnBehalfOf), Note = Text(p.Note) };
            return person is null ? mapped : person(mapped);
        }

        TableCell[] Cells(IReadOnlyList<TableCell> cells) => [.. cells.Select(c => c with { Text = map(c.Text) })];
        Vote? Vote(Vote? vote) => vote is null ? null : vote with
        {
            ForBy = [.. vote.ForBy.Select(map)],
            AgainstBy = [.. vote.AgainstBy.Select(map)],
            AbstainBy = [.. vote.AbstainBy.Select(map)],
        };

        Point Point(Point point) => point switch
        {
            StatementPoint s => s with { Text = map(s.Text), By = Text(s.By), Points = [.. s.Points.Select(Point)] },
            TopicPoint t => t with { Title = map(t.Title), Points = [.. t.Points.Select(Point)] },
            AgreementPoint a => a with { Text = map(a.Text), Vote = Vote(a.Vote) },
            DecisionPoint d => d with { Text = map(d.Text), Vote = Vote(d.Vote) },
            ActionPoint a => a with { Text = map(a.Text), Owner = map(a.Owner) },
            TablePoint t => t with { Caption = Text(t.Caption), Header = Cells(t.Header), Rows = [.. t.Rows.Select(Cells)] },
            ImagePoint i => i with { Alt = map(i.Alt), Caption = Text(i.Caption) },
            // A point form this map does not know keeps its text; the last check of the package still guards it.
            _ => point,
        };

        return minutes with
        {
            Document = minutes.Document with { Title = Text(minutes.Document.Title) },
            Meeting = minutes.Meeting with { Body = map(minutes.Meeting.Body), Location = Text(minutes.Meeting.Location) },
            Organisations = [.. minutes.Organisations.Select(o => o with { Name = map(o.Name) })],
            Attendees = new Attendees
            {
                Present = [.. minutes.Attendees.Present.Select(Person)],
                Absent = [.. minutes.Attendees.Absent.Select(Person)],
                Guests = [.. minutes.Attendees.Guests.Select(Person)],
            },
            Agenda = [.. minutes.Agenda.Select(item => item with
            {
                Title = map(item.Title),
                Presenter = Text(item.Presenter),
                Documents = [.. item.Documents.Select(map)],
                Points = [.. item.Points.Select(Point)],
            })],
            NextMeeting = minutes.NextMeeting is { } next ? next with { Location = Text(next.Location) } : null,
        };
    }

    /// <summary>Every text of the minutes, in document order.</summary>
    public static IReadOnlyList<InlineText> All(MinutesDocument minutes)
    {
        var texts = new List<InlineText>();
        Apply(minutes, text =>
        {
            texts.Add(text);
            return text;
        });
        return texts;
    }
}
