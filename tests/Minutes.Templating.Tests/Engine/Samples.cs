using Minutes.Templating.Model;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Minutes built by hand, as the parser would build them.</summary>
internal static class Samples
{
    public static InlineText Text(string text) => InlineText.Plain(text);

    public static InlineText Inline(params Inline[] inlines) => new(inlines);

    public static Meeting Meeting(string body = "Landelijke Regietafel") => new()
    {
        Body = Text(body),
        Abbreviation = "LRT",
        Number = "7",
        Date = new DateOnly(2023, 4, 21),
        Start = new TimeOnly(10, 0),
        End = new TimeOnly(12, 30),
        Location = Text("Den Haag"),
    };

    /// <summary>Three present, one absent; two items with statements, a topic, an agreement, a decision and two actions.</summary>
    public static MinutesDocument Minutes() => new()
    {
        Language = "nl",
        Meeting = Meeting(),
        Organisations = [new() { Abbreviation = "SJenV", Name = Text("Staatssecretaris van Justitie en Veiligheid") }, new() { Abbreviation = "VNG", Name = Text("Vereniging van Nederlandse Gemeenten") }],
        Attendees = new Attendees
        {
            Present =
            [
                new Person { Honorific = "Dhr.", Name = "Van der Burg", Organisation = "SJenV", Role = PersonRole.Chair },
                new Person { Honorific = "Mevr.", Name = "Mulder", Organisation = "VNG" },
                new Person { Text = Text("secretariaat") },
            ],
            Absent = [new Person { Name = "Klijnsma", Excused = true }],
        },
        Agenda =
        [
            new AgendaItem
            {
                Number = "1",
                Title = Text("Opening en mededelingen"),
                Points =
                [
                    new StatementPoint { Text = Text("De voorzitter opent de vergadering.") },
                    new TopicPoint
                    {
                        Title = Text("Verzending stukken"),
                        Points =
                        [
                            new StatementPoint { Text = Text("VNG spreekt zorg uit."), By = Text("VNG"), Points = [new StatementPoint { Text = Text("Stukken kwamen te laat.") }] },
                            new AgreementPoint { Text = Text("Vervolgafspraak wordt gepland.") },
                        ],
                    },
                ],
            },
            new AgendaItem
            {
                Number = "2",
                Title = Text("Huisvesting"),
                Points =
                [
                    new DecisionPoint { Text = Text("De taakstelling wordt vastgesteld.") },
                    new ActionPoint { Text = Text("Brief opstellen."), Owner = Text("SJenV"), Due = new DateOnly(2023, 5, 1) },
                    new ActionPoint { Text = Text("Bestuur informeren."), Owner = Text("VNG") },
                ],
            },
        ],
    };
}
