using Minutes.Templating.Model;

namespace Minutes.Templating.Redaction;

/// <summary>
/// The publication version of minutes under the Dutch Open Government Act (Woo): the same minutes
/// with every withheld name taken out of the model itself, before any template sees it. A person
/// marked <c>redact</c> keeps only the organisation; a <c>[[text|ground]]</c> span keeps only its ground.
/// Nothing a template does, not even a string function, can bring the withheld text back.
/// </summary>
internal static class Publication
{
    /// <summary>The minutes as they may be published.</summary>
    public static MinutesDocument Prepare(MinutesDocument minutes) => minutes with
    {
        Document = minutes.Document with { Title = Text(minutes.Document.Title) },
        Meeting = minutes.Meeting with { Body = Text(minutes.Meeting.Body)!, Location = Text(minutes.Meeting.Location) },
        Organisations = [.. minutes.Organisations.Select(o => o with { Name = Text(o.Name)! })],
        Attendees = new Attendees
        {
            Present = Persons(minutes.Attendees.Present),
            Absent = Persons(minutes.Attendees.Absent),
            Guests = Persons(minutes.Attendees.Guests),
        },
        Agenda = [.. minutes.Agenda.Select(Item)],
        NextMeeting = minutes.NextMeeting is { } next ? next with { Location = Text(next.Location) } : null,
    };

    private static Person[] Persons(IReadOnlyList<Person> persons) => [.. persons.Select(Person)];

    private static Person Person(Person person) => person.Redact is null
        ? person with { Text = Text(person.Text), Note = Text(person.Note) }
        : person with { Text = Text(person.Text), Name = null, Honorific = null, OnBehalfOf = null, Note = Text(person.Note) };

    private static AgendaItem Item(AgendaItem item) => item with
    {
        Title = Text(item.Title)!,
        Presenter = Text(item.Presenter),
        Documents = [.. item.Documents.Select(d => Text(d)!)],
        Points = Points(item.Points),
    };

    private static Point[] Points(IReadOnlyList<Point> points) => [.. points.Select(Point)];

    private static Point Point(Point point) => point switch
    {
        StatementPoint s => s with { Text = Text(s.Text)!, Points = Points(s.Points) },
        TopicPoint t => t with { Title = Text(t.Title)!, Points = Points(t.Points) },
        AgreementPoint a => a with { Text = Text(a.Text)!, Vote = Vote(a.Vote) },
        DecisionPoint d => d with { Text = Text(d.Text)!, Vote = Vote(d.Vote) },
        ActionPoint a => a with { Text = Text(a.Text)! },
        TablePoint t => t with { Caption = Text(t.Caption), Header = Cells(t.Header), Rows = [.. t.Rows.Select(Cells)] },
        ImagePoint i => i with { Alt = Text(i.Alt)!, Caption = Text(i.Caption) },
        _ => point,
    };

    private static TableCell[] Cells(IReadOnlyList<TableCell> cells) => [.. cells.Select(c => c with { Text = Text(c.Text)! })];

    private static Vote? Vote(Vote? vote) => vote is null ? null : vote with
    {
        ForBy = [.. vote.ForBy.Select(n => Text(n)!)],
        AgainstBy = [.. vote.AgainstBy.Select(n => Text(n)!)],
        AbstainBy = [.. vote.AbstainBy.Select(n => Text(n)!)],
    };

    /// <summary>The text with each redaction span's text replaced by its ground.</summary>
    private static InlineText? Text(InlineText? text) =>
        text is null || !text.HasRedactions ? text : new InlineText(Inlines(text.Inlines));

    private static Inline[] Inlines(IReadOnlyList<Inline> inlines) => [.. inlines.Select(Withhold)];

    private static Inline Withhold(Inline inline) => inline switch
    {
        RedactionInline redaction => new RedactionInline(redaction.Ground, redaction.Ground),
        StrongInline strong => new StrongInline(Inlines(strong.Content)),
        EmphasisInline emphasis => new EmphasisInline(Inlines(emphasis.Content)),
        LinkInline link => new LinkInline(Inlines(link.Content), link.Url),
        FootnoteInline footnote => new FootnoteInline(Inlines(footnote.Content)),
        _ => inline,
    };
}
