using Minutes.Templating.Comparison;
using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.EndToEnd;

namespace Minutes.Templating.Tests.Comparison;

/// <summary>
/// The amended document holds both versions exactly: accepting every revision gives the new version's own
/// rendering, rejecting every one the old version's, for every built-in template, every example and a corpus
/// of amendments. And it is a valid Word document.
/// </summary>
public sealed class ComparisonTests
{
    private static readonly ChangeOptions Options = new() { Author = "Secretariaat", Date = new DateTimeOffset(2023, 5, 26, 0, 0, 0, TimeSpan.Zero) };

    /// <summary>The amendments: each takes minutes and returns them changed the way a secretary would.</summary>
    public static readonly IReadOnlyDictionary<string, Func<MinutesDocument, MinutesDocument>> Amendments = new Dictionary<string, Func<MinutesDocument, MinutesDocument>>(StringComparer.Ordinal)
    {
        ["word edit"] = m => MapFirst(m, p => p is StatementPoint s ? s with { Text = Edit(s.Text) } : null),
        ["point added at level 0"] = m => WithItem(m, 0, i => i with { Points = [.. i.Points.Take(1), new StatementPoint { Text = Plain("Een nieuw punt is toegevoegd op verzoek van de leden.") }, .. i.Points.Skip(1)] }),
        ["point removed at level 0"] = m => WithItem(m, m.Agenda.Count - 1, i => i with { Points = [.. i.Points.Skip(1)] }),
        ["point added at level 1"] = m => MapFirst(m, p => p is StatementPoint s ? s with { Points = [.. s.Points, new StatementPoint { Text = Plain("Een toelichting op het punt hierboven.") }] } : null),
        ["point removed at level 1"] = m => MapFirst(m, p => p is StatementPoint { Points.Count: > 0 } s ? s with { Points = [.. s.Points.Skip(1)] } : p is TopicPoint { Points.Count: > 1 } t ? t with { Points = [.. t.Points.Skip(1)] } : null),
        ["items reordered"] = m => m with { Agenda = m.Agenda.Count > 1 ? [m.Agenda[1], m.Agenda[0], .. m.Agenda.Skip(2)] : m.Agenda },
        ["item added"] = m => m with { Agenda = [.. m.Agenda, new AgendaItem { Title = Plain("Rondvraag"), Points = [new AgreementPoint { Text = Plain("Geen vragen.") }] }] },
        ["attendee added and removed"] = m => m with
        {
            Attendees = m.Attendees with
            {
                Present = [.. m.Attendees.Present.Skip(1), new Person { Honorific = "Mevr.", Name = "Jansen", Organisation = (m.Organisations.Count > 0 ? m.Organisations[0].Abbreviation : null) }],
                Absent = [.. m.Attendees.Absent, new Person { Name = "De Vries" }],
            },
        },
        ["status draft to approved"] = m => m with { Document = m.Document with { Status = DocumentStatus.Approved, ApprovedOn = new DateOnly(2023, 5, 26) } },
        ["status approved to draft"] = m => m with { Document = m.Document with { Status = DocumentStatus.Draft, ApprovedOn = null } },
        ["meeting date changed"] = m => m with { Meeting = m.Meeting with { Date = m.Meeting.Date.AddDays(7) } },
        ["action owner and due changed"] = m => WithItem(m, m.Agenda.Count - 1, i => i with { Points = [.. i.Points, new ActionPoint { Text = Plain("Het secretariaat stuurt het verslag rond."), Owner = Plain((m.Organisations.Count > 0 ? m.Organisations[^1].Abbreviation : null) ?? "Secretariaat"), Due = new DateOnly(2023, 6, 1) }] }, then: n => MapAll(n, p => p is ActionPoint a ? a with { Owner = Plain((m.Organisations.Count > 0 ? m.Organisations[0].Abbreviation : null) ?? "Voorzitter"), Due = (a.Due ?? new DateOnly(2023, 6, 1)).AddDays(14) } : null)),
        ["decision added"] = m => WithItem(m, 0, i => i with { Points = [.. i.Points, new DecisionPoint { Text = Plain("Het verslag wordt vastgesteld.") }] }),
        ["bold added"] = m => MapFirst(m, p => p is StatementPoint s ? s with { Text = Bold(s.Text) } : null),
        ["everything rewritten"] = m => MapAll(m, p => p is StatementPoint s ? s with { Text = Plain("Geheel andere tekst zonder overeenkomst.") } : null),
    };

    public static TheoryData<string, string, string> Pairs()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var template in WordTemplate.BuiltInNames)
        {
            foreach (var example in Repository.Examples())
            {
                foreach (var amendment in Amendments.Keys)
                {
                    data.Add(template, Path.GetFileName(example), amendment);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Accepting_gives_the_new_version_and_rejecting_the_old(string templateName, string example, string amendment)
    {
        var old = Load(example);
        var @new = Amendments[amendment](old);
        var template = WordTemplate.BuiltIn(templateName);
        var oldText = TrackedChanges.Plain(template.Render(old).ToArray());
        var newText = TrackedChanges.Plain(template.Render(@new).ToArray());

        foreach (var (from, to, fromText, toText) in new[] { (old, @new, oldText, newText), (@new, old, newText, oldText) })
        {
            var result = template.RenderChanges(from, to, Options);
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            var document = result.Document.ToArray();
            Assert.Equal(toText, TrackedChanges.Accepted(document));
            Assert.Equal(fromText, TrackedChanges.Rejected(document));
            Assert.Empty(ExamplesTests.Validate(document));
            if (fromText != toText)
            {
                Assert.True(TrackedChanges.Count(document) > 0, "the versions differ, yet the document has no revisions");
                Assert.Equal(TrackedChanges.Count(document), result.Summary.Revisions);
            }
        }
    }

    internal static MinutesDocument Load(string example) => MinutesParser.ParseFile(Path.Combine(Repository.Root, "examples", example)).Document!;

    internal static InlineText Plain(string text) => InlineText.Plain(text);

    /// <summary>The text with one word replaced and one inserted: "wordt" becomes "werd", "nu" comes before the last word.</summary>
    private static InlineText Edit(InlineText text)
    {
        var plain = text.ToString();
        var words = plain.Split(' ').ToList();
        words[words.Count / 2] = "gewijzigd";
        words.Insert(words.Count - 1, "nu");
        return Plain(string.Join(' ', words));
    }

    private static InlineText Bold(InlineText text)
    {
        var words = text.ToString().Split(' ');
        return new InlineText([new StrongInline { Content = [new TextInline { Text = words[0] }] }, new TextInline { Text = " " + string.Join(' ', words.Skip(1)) }]);
    }

    private static MinutesDocument WithItem(MinutesDocument m, int index, Func<AgendaItem, AgendaItem> change, Func<MinutesDocument, MinutesDocument>? then = null)
    {
        var changed = m with { Agenda = [.. m.Agenda.Select((item, i) => i == index ? change(item) : item)] };
        return then is null ? changed : then(changed);
    }

    /// <summary>Changes the first point (depth first) for which <paramref name="change"/> gives a new point.</summary>
    internal static MinutesDocument MapFirst(MinutesDocument m, Func<Point, Point?> change)
    {
        var done = false;
        return MapAll(m, p =>
        {
            if (done || change(p) is not { } changed)
            {
                return null;
            }

            done = true;
            return changed;
        });
    }

    private static MinutesDocument MapAll(MinutesDocument m, Func<Point, Point?> change)
    {
        return m with { Agenda = [.. m.Agenda.Select(i => i with { Points = Map(i.Points) })] };

        Point[] Map(IReadOnlyList<Point> points) => [.. points.Select(p => change(p) ?? p switch
        {
            StatementPoint s => s with { Points = Map(s.Points) },
            TopicPoint t => t with { Points = Map(t.Points) },
            _ => p,
        })];
    }
}
