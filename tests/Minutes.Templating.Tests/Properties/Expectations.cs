using System.Text.RegularExpressions;
using System.Xml;

namespace Minutes.Templating.Tests.Properties;

/// <summary>A text the document must hold, under the key of the contract it comes from (as in <c>KitchenSinkTests</c>).</summary>
internal sealed record ExpectedText(string Key, string Text, bool IgnoreCase = false);

/// <summary>What a rendering of <see cref="GeneratedMinutes"/> must print, and what its publication version must not.</summary>
internal sealed partial class Expectations
{
    /// <summary>The key under which item numbers of items without outcomes go: a decision list names items only beside their outcomes.</summary>
    public const string NumberWithoutOutcomes = "agenda[].number of an item without outcomes";

    private readonly bool _publication;

    private Expectations(GeneratedMinutes minutes, bool publication)
    {
        _publication = publication;
        Collect(minutes);
    }

    /// <summary>The texts to find in the document.</summary>
    public List<ExpectedText> Present { get; } = [];

    /// <summary>The withheld texts, which the publication version must not hold anywhere.</summary>
    public List<string> WithheldTexts { get; } = [];

    public static Expectations Of(GeneratedMinutes minutes, bool publication) => new(minutes, publication);

    /// <summary>Text as the document holds it: characters XML cannot hold dropped, runs of white space one space.</summary>
    public static string Normalize(string text) =>
        Space().Replace(new string(text.Where(XmlConvert.IsXmlChar).ToArray()), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private void Collect(GeneratedMinutes minutes)
    {
        if (minutes.Document is { } document)
        {
            Add("document.title", document.Title);
            Add("document.reference", document.Reference);
            Add("document.classification", document.Classification, ignoreCase: true);
        }

        var meeting = minutes.Meeting;
        Add("meeting.body", meeting.Body);
        Add("meeting.abbreviation", meeting.Abbreviation);
        Add("meeting.number", meeting.Number);
        Add("meeting.start", meeting.Start?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Add("meeting.end", meeting.End?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Add("meeting.location", meeting.Location);

        Persons("attendees.present[]", minutes.Present, detailed: true);
        Persons("attendees.absent[]", minutes.Absent, detailed: false);
        Persons("attendees.guests[]", minutes.Guests, detailed: false);

        foreach (var item in minutes.Agenda)
        {
            Add("agenda[].title", item.Title);
            Add(HasOutcomes(item.Points) ? "agenda[].number" : NumberWithoutOutcomes, item.Number);
            Add("agenda[].presenter", item.Presenter);
            foreach (var paper in item.Documents ?? [])
            {
                Add("agenda[].documents[]", paper);
            }

            Points(item.Points);
        }

        if (minutes.NextMeeting is { } next)
        {
            Add("next_meeting.start", next.Start?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            Add("next_meeting.location", next.Location);
        }

        Add("labels", minutes.PresentLabel);
    }

    private static bool HasOutcomes(GeneratedPoint[]? points) => (points ?? []).Any(p => p switch
    {
        AgreementPoint or DecisionPoint or ActionPoint => true,
        StatementPoint s => HasOutcomes(s.Points),
        TopicPoint t => HasOutcomes(t.Points),
        _ => false,
    });

    private void Persons(string key, GeneratedPerson[]? persons, bool detailed)
    {
        foreach (var person in persons ?? [])
        {
            if (person.Entry is { } entry)
            {
                Add(key, entry);
                continue;
            }

            string Key(string field) => detailed ? key + "." + field : key;
            if (person.Redact is { } ground)
            {
                // The name is withheld text: printed, marked, with its ground internally; gone with the honorific and
                // the person replaced in the publication version, which shows the ground.
                if (person.Name is { } name && name.Value.Length > 0)
                {
                    if (_publication)
                    {
                        WithheldTexts.Add(name.Value);
                    }
                    else
                    {
                        Add(Key("name"), name);
                        Add(Key("honorific"), person.Honorific);
                        Add(Key("on_behalf_of"), person.OnBehalfOf);
                    }

                    Add(Key("name"), ground);
                }
            }
            else
            {
                Add(Key("name"), person.Name);
                Add(Key("honorific"), person.Honorific);
                Add(Key("on_behalf_of"), person.OnBehalfOf);
            }

            Add(Key("org"), person.Org);
            Add(Key("note"), person.Note);
        }
    }

    private void Points(GeneratedPoint[]? points)
    {
        foreach (var point in points ?? [])
        {
            switch (point)
            {
                case StatementPoint { AsString: true, By: null, Points: null } s:
                    Add("agenda[].points[]", s.Text);
                    break;
                case StatementPoint s:
                    Add("agenda[].points[].text", s.Text);
                    Add("agenda[].points[].by", s.By);
                    Points(s.Points);
                    break;
                case TopicPoint t:
                    Add("agenda[].points[].topic", t.Topic);
                    Points(t.Points);
                    break;
                case AgreementPoint a:
                    Add("agenda[].points[].agreement", a.Text);
                    Vote(a.Vote);
                    break;
                case DecisionPoint d:
                    Add("agenda[].points[].decision", d.Text);
                    Vote(d.Vote);
                    break;
                case ActionPoint a:
                    Add("agenda[].points[].action", a.Text);
                    Add("agenda[].points[].owner", a.Owner);
                    break;
                case TablePoint t:
                    Add("agenda[].points[].table.caption", t.Caption);
                    foreach (var cell in t.Header ?? [])
                    {
                        Add("agenda[].points[].table.header[]", cell.Text);
                        Add("agenda[].points[].table.header[]", cell.Number);
                    }

                    foreach (var cell in t.Rows.SelectMany(r => r))
                    {
                        Add("agenda[].points[].table.rows[]", cell.Text);
                        Add("agenda[].points[].table.rows[]", cell.Number);
                    }

                    break;
                case ImagePoint i:
                    // The text alternative is plain text: without footnotes, and a withheld text without its ground internally.
                    foreach (var segment in i.Alt.Segments.Where(s => s is not Footnote))
                    {
                        if (segment is Withheld w && !_publication)
                        {
                            Add("agenda[].points[].alt", w.Value);
                        }
                        else
                        {
                            Add("agenda[].points[].alt", segment);
                        }
                    }

                    Add("agenda[].points[].caption", i.Caption);
                    break;
            }
        }
    }

    private void Vote(GeneratedVote? vote)
    {
        if (vote is null)
        {
            return;
        }

        foreach (var (names, inBy, key) in new[] { (vote.ForNames, vote.ForNamesInBy, "for"), (vote.AgainstNames, vote.AgainstNamesInBy, "against"), (vote.AbstainNames, vote.Abstain is not null, "abstain") })
        {
            foreach (var name in names ?? [])
            {
                Add("agenda[].points[].vote." + (inBy ? key + "_by" : key + "[]"), name);
            }
        }
    }

    private void Add(string key, Plain? plain, bool ignoreCase = false) => Add(key, plain?.Value, ignoreCase);

    private void Add(string key, string? text, bool ignoreCase = false)
    {
        if (text is not null && Normalize(text) is { Length: > 0 } normalized)
        {
            Present.Add(new ExpectedText(key, normalized, ignoreCase));
        }
    }

    private void Add(string key, Text? text)
    {
        foreach (var segment in text?.Segments ?? [])
        {
            Add(key, segment);
        }
    }

    private void Add(string key, Segment segment)
    {
        switch (segment)
        {
            case Literal l:
                Add(key, l.Value);
                break;
            case Strong s:
                Add(key, s.Value);
                break;
            case Emphasis e:
                Add(key, e.Value);
                break;
            case Link l:
                Add(key, l.Value);
                break;
            case Withheld w:
                if (_publication)
                {
                    WithheldTexts.Add(w.Value);
                }
                else
                {
                    Add(key, w.Value);
                }

                Add(key, w.Ground);
                break;
            case Footnote f:
                foreach (var inner in f.Content)
                {
                    Add(key, inner);
                }

                break;
        }
    }
}
