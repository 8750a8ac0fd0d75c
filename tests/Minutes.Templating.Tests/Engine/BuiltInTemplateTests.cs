using Minutes.Templating.Model;
using Minutes.Templating.Rendering;
using static Minutes.Templating.Tests.Engine.Samples;

namespace Minutes.Templating.Tests.Engine;

/// <summary>The built-in <c>verslag</c> template with minutes close to the LRT seed.</summary>
public sealed class BuiltInTemplateTests
{
    private static MinutesDocument Seed() => new()
    {
        Language = "nl",
        Document = new DocumentInfo { Status = DocumentStatus.Approved, ApprovedOn = new DateOnly(2023, 5, 12), Reference = "LRT-2023-07" },
        Meeting = new Meeting { Body = Text("Landelijke Regietafel Migratie en Integratie"), Abbreviation = "LRT", Date = new DateOnly(2023, 4, 21), Start = new TimeOnly(9, 30), End = new TimeOnly(11, 0), Location = Text("Den Haag") },
        Organisations = [new() { Abbreviation = "SJenV", Name = Text("Staatssecretaris van Justitie en Veiligheid") }, new() { Abbreviation = "VNG", Name = Text("Vereniging van Nederlandse Gemeenten") }, new() { Abbreviation = "VB", Name = Text("Veiligheidsberaad") }, new() { Abbreviation = "JenV", Name = Text("Ministerie van Justitie en Veiligheid") }],
        Attendees = new Attendees
        {
            Present =
            [
                new Person { Honorific = "Dhr.", Name = "Van der Burg", Organisation = "SJenV" },
                new Person { Honorific = "Mevr.", Name = "Mulder", Organisation = "VNG" },
                new Person { Name = "Geheim", Organisation = "JenV", Redact = "5.1.2e" },
                new Person { Text = Text("secretariaat, ondersteuning") },
            ],
            Absent = [new Person { Honorific = "Mevr.", Name = "Klijnsma", Excused = true }],
        },
        Labels = new Dictionary<string, string> { ["action"] = "Afspraak" },
        Agenda =
        [
            new AgendaItem
            {
                Number = "1",
                Title = Text("Opening en mededelingen"),
                Points =
                [
                    new StatementPoint { Text = Text("De Staatssecretaris van JenV verwelkomt de leden.") },
                    new TopicPoint
                    {
                        Title = Text("Verzending stukken en vervolg TK-brief"),
                        Points =
                        [
                            new StatementPoint { Text = Text("VNG, VB en IPO spreken zorg uit over de aanlevering van stukken.") },
                            new StatementPoint { Text = Text("De politieke gevoeligheid maakt tijdige aanlevering lastig."), By = Text("SJenV") },
                            new AgreementPoint { Text = Text("Vervolgafspraak wordt gepland om door te spreken over de brief.") },
                        ],
                    },
                    new TopicPoint
                    {
                        Title = Text("Concept verslag LRT 6 april 2023"),
                        Points =
                        [
                            new StatementPoint
                            {
                                Text = Text("VNG verzoekt op twee punten om aanpassing van het verslag."),
                                By = Text("VNG"),
                                Points =
                                [
                                    new StatementPoint { Text = Text("Het gaat om een herhaalde oproep.") },
                                    new StatementPoint { Text = Inline(new TextInline { Text = "Daarnaast de rol van het " }, new StrongInline { Content = [new TextInline { Text = "KCIO" }] }, new TextInline { Text = "." }) },
                                ],
                            },
                            new AgreementPoint { Text = Text("Verslag wordt aangepast op genoemde punten.") },
                        ],
                    },
                ],
            },
            new AgendaItem
            {
                Number = "2",
                Title = Text("MPP, Capaciteitsbesluit COA en taakstelling huisvesting 2023-II"),
                Presenter = Text("SJenV"),
                Documents = [Text("Concept TK-brief ´Actuele situatie asielketen´")],
                Points =
                [
                    new StatementPoint { Text = Text("VNG spreekt grote zorgen uit ten aanzien van beide."), By = Text("VNG") },
                    new DecisionPoint { Text = Text("De taakstelling wordt vastgesteld.") },
                    new ActionPoint { Text = Text("JenV stuurt de brief vóór 1 mei rond."), Owner = Text("JenV"), Due = new DateOnly(2023, 5, 1) },
                ],
            },
            new AgendaItem { Title = Text("Rondvraag & sluiting <einde>") },
        ],
        NextMeeting = new NextMeeting { Date = new DateOnly(2023, 5, 26), Start = new TimeOnly(10, 0), Location = Text("Utrecht") },
    };

    [Fact]
    public void The_verslag_template_renders_every_value_in_order_into_a_valid_document()
    {
        var rendered = Rendered.From(WordTemplate.BuiltIn("verslag"), Seed());

        var lines = rendered.Lines;
        string[] values =
        [
            "Landelijke Regietafel Migratie en Integratie",
            "Verslag LRT",
            "21 april 2023",
            "09:30–11:00",
            "Den Haag",
            "LRT-2023-07",
            "Dhr. Van der Burg (SJenV), Mevr. Mulder (VNG), Geheim 5.1.2e (JenV), secretariaat, ondersteuning",
            "Mevr. Klijnsma (m.k.)",
            "1.\tOpening en mededelingen",
            "De Staatssecretaris van JenV verwelkomt de leden.",
            "Verzending stukken en vervolg TK-brief",
            "VNG, VB en IPO spreken zorg uit over de aanlevering van stukken.",
            "De politieke gevoeligheid maakt tijdige aanlevering lastig.",
            "Afspraak: Vervolgafspraak wordt gepland om door te spreken over de brief.",
            "Concept verslag LRT 6 april 2023",
            "VNG verzoekt op twee punten om aanpassing van het verslag.",
            "Het gaat om een herhaalde oproep.",
            "Daarnaast de rol van het KCIO.",
            "Afspraak: Verslag wordt aangepast op genoemde punten.",
            "2.\tMPP, Capaciteitsbesluit COA en taakstelling huisvesting 2023-II",
            "SJenV",
            "Concept TK-brief ´Actuele situatie asielketen´",
            "VNG spreekt grote zorgen uit ten aanzien van beide.",
            "De taakstelling wordt vastgesteld.",
            "Afspraak: JenV stuurt de brief vóór 1 mei rond.",
            "Rondvraag & sluiting <einde>",
            "26 mei 2023, 10:00, Utrecht",
            "12 mei 2023",
        ];
        var at = 0;
        foreach (var value in values)
        {
            var found = lines.FindIndex(at, line => line.Contains(value, StringComparison.Ordinal));
            Assert.True(found >= 0, $"'{value}' is not in the document after line {at}:\n" + string.Join("\n", lines));
            at = found;
        }

        Assert.Contains("1.\tOpening en mededelingen", lines);
        Assert.Equal("Rondvraag & sluiting <einde>", lines.Single(l => l.StartsWith("Rondvraag", StringComparison.Ordinal)));
        Assert.NotNull(Assert.Single(rendered.RunsWithText("KCIO")).Element(Wml.W + "rPr")?.Element(Wml.W + "b"));
        Assert.Contains("LRT | Verslag | 21 april 2023", string.Concat(Rendered.ParagraphTexts(rendered.Headers["default"])), StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("{{", StringComparison.Ordinal) || l.Contains("}}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_verslag_template_sets_list_levels_for_nested_statements()
    {
        var rendered = Rendered.From(WordTemplate.BuiltIn("verslag"), Seed());

        string? Level(string text) => rendered.Document.Descendants(Wml.W + "p")
            .Single(p => Rendered.Text(p) == text)
            .Element(Wml.W + "pPr")?.Element(Wml.W + "numPr")?.Element(Wml.W + "ilvl")?.Attribute(Wml.W + "val")?.Value;
        Assert.Equal("0", Level("VNG verzoekt op twee punten om aanpassing van het verslag."));
        Assert.Equal("1", Level("Het gaat om een herhaalde oproep."));
    }

    [Fact]
    public void The_publication_version_withholds_redacted_names()
    {
        var rendered = Rendered.From(WordTemplate.BuiltIn("verslag"), Seed(), new RenderOptions { Mode = RenderMode.Publication });

        Assert.DoesNotContain(rendered.Lines, l => l.Contains("Geheim", StringComparison.Ordinal));
        Assert.Contains(rendered.Lines, l => l.Contains("Mevr. Mulder (VNG),  5.1.2e  (JenV), secretariaat", StringComparison.Ordinal));
    }
}
