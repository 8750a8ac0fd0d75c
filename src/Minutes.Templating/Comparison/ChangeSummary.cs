using System.Globalization;
using System.Text;
using Minutes.Templating.Model;

namespace Minutes.Templating.Comparison;

/// <summary>What changed between two versions of minutes, in the terms a secretary uses.</summary>
public sealed record ChangeSummary
{
    private readonly IReadOnlyList<string> _details = Model.ValueList<string>.Empty;

    /// <summary>Points (statements, topics, agreements, decisions, actions) whose text or details changed.</summary>
    public int PointsChanged { get; init; }

    /// <summary>Points only the new version has.</summary>
    public int PointsAdded { get; init; }

    /// <summary>Points only the old version has.</summary>
    public int PointsRemoved { get; init; }

    /// <summary>Agenda items whose title, number, presenter or documents changed.</summary>
    public int ItemsChanged { get; init; }

    /// <summary>Agenda items only the new version has.</summary>
    public int ItemsAdded { get; init; }

    /// <summary>Agenda items only the old version has.</summary>
    public int ItemsRemoved { get; init; }

    /// <summary>Attendees whose details changed.</summary>
    public int AttendeesChanged { get; init; }

    /// <summary>Attendees only the new version has.</summary>
    public int AttendeesAdded { get; init; }

    /// <summary>Attendees only the old version has.</summary>
    public int AttendeesRemoved { get; init; }

    /// <summary>Other details that changed, by their YAML key, such as <c>document.status</c> or <c>meeting.date</c>.</summary>
    public IReadOnlyList<string> Details { get => _details; init => _details = Model.ValueList.Of(value); }

    /// <summary>How many revision marks the document holds.</summary>
    public int Revisions { get; init; }

    /// <summary>One line: "2 points changed, 1 added, 0 removed; 1 attendee added; document.status changed; 9 revisions".</summary>
    public override string ToString()
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{PointsChanged} {(PointsChanged == 1 ? "point" : "points")} changed, {PointsAdded} added, {PointsRemoved} removed"),
        };
        Add("agenda item", ItemsChanged, ItemsAdded, ItemsRemoved);
        Add("attendee", AttendeesChanged, AttendeesAdded, AttendeesRemoved);
        if (Details.Count > 0)
        {
            parts.Add(string.Join(", ", Details) + " changed");
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Revisions} {(Revisions == 1 ? "revision" : "revisions")}"));
        return string.Join("; ", parts);

        void Add(string noun, int changed, int added, int removed)
        {
            var counts = new List<string>();
            foreach (var (count, verb) in new[] { (changed, "changed"), (added, "added"), (removed, "removed") })
            {
                if (count > 0)
                {
                    counts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {(counts.Count == 0 ? (count == 1 ? noun : noun + "s") + " " : string.Empty)}{verb}"));
                }
            }

            if (counts.Count > 0)
            {
                parts.Add(string.Join(", ", counts));
            }
        }
    }

    /// <summary>Counts the changes between two versions of minutes.</summary>
    internal static ChangeSummary Of(MinutesDocument old, MinutesDocument @new, int revisions)
    {
        var (pointsChanged, pointsAdded, pointsRemoved) = Count(Points(old), Points(@new));
        var (itemsChanged, itemsAdded, itemsRemoved) = Count(Items(old), Items(@new));
        var (attendeesChanged, attendeesAdded, attendeesRemoved) = Count(Attendees(old), Attendees(@new));
        var details = new List<string>();
        Detail("document.status", old.Document.Status != @new.Document.Status);
        Detail("document", old.Document with { Status = @new.Document.Status } != @new.Document);
        Detail("meeting.date", old.Meeting.Date != @new.Meeting.Date);
        Detail("meeting", old.Meeting with { Date = @new.Meeting.Date } != @new.Meeting);
        Detail("organisations", !old.Organisations.SequenceEqual(@new.Organisations));
        Detail("next_meeting", old.NextMeeting != @new.NextMeeting);
        Detail("language", old.Language != @new.Language);

        return new ChangeSummary
        {
            PointsChanged = pointsChanged,
            PointsAdded = pointsAdded,
            PointsRemoved = pointsRemoved,
            ItemsChanged = itemsChanged,
            ItemsAdded = itemsAdded,
            ItemsRemoved = itemsRemoved,
            AttendeesChanged = attendeesChanged,
            AttendeesAdded = attendeesAdded,
            AttendeesRemoved = attendeesRemoved,
            Details = details,
            Revisions = revisions,
        };

        void Detail(string key, bool changed)
        {
            if (changed)
            {
                details.Add(key);
            }
        }
    }

    /// <summary>Aligns two lists of (kind, text) as the document comparison aligns paragraphs, and counts.</summary>
    private static (int Changed, int Added, int Removed) Count(List<(string Kind, string Text)> old, List<(string Kind, string Text)> @new)
    {
        int changed = 0, added = 0, removed = 0;
        foreach (var step in Aligner.Align(old, @new, e => e.Kind + "\n" + e.Text, (a, b) => a.Kind == b.Kind ? ParagraphMerger.Likeness(a.Text, b.Text) : -1))
        {
            switch (step.Kind)
            {
                case Alignment.Changed: changed++; break;
                case Alignment.Inserted: added++; break;
                case Alignment.Deleted: removed++; break;
            }
        }

        return (changed, added, removed);
    }

    private static List<(string Kind, string Text)> Items(MinutesDocument minutes) =>
        [.. minutes.Agenda.Select(i => ("item", $"{i.Title} {i.Number} {i.Presenter} {string.Join(" ", i.Documents)}"))];

    private static List<(string Kind, string Text)> Attendees(MinutesDocument minutes) =>
        [.. new[] { ("present", minutes.Attendees.Present), ("absent", minutes.Attendees.Absent), ("guest", minutes.Attendees.Guests) }
            .SelectMany(group => group.Item2.Select(p => (group.Item1, $"{p.Honorific} {p.Name} {p.Text} ({p.Organisation}) {p.Role} {p.OnBehalfOf} {p.Excused} {p.Redact} {p.Note}")))];

    private static List<(string Kind, string Text)> Points(MinutesDocument minutes)
    {
        var points = new List<(string Kind, string Text)>();
        foreach (var item in minutes.Agenda)
        {
            Add(item.Points, 0);
        }

        return points;

        void Add(IReadOnlyList<Point> list, int level)
        {
            foreach (var point in list)
            {
                var kind = point.GetType().Name + level.ToString(CultureInfo.InvariantCulture);
                var text = new StringBuilder();
                switch (point)
                {
                    case StatementPoint s:
                        points.Add((kind, text.Append(s.Text).Append(" (").Append(s.By).Append(')').ToString()));
                        Add(s.Points, level + 1);
                        break;
                    case TopicPoint t:
                        points.Add((kind, t.Title.ToString()));
                        Add(t.Points, level + 1);
                        break;
                    case ActionPoint a:
                        points.Add((kind, string.Create(CultureInfo.InvariantCulture, $"{a.Text} ({a.Owner}, {a.Due:yyyy-MM-dd})")));
                        break;
                    default:
                        points.Add((kind, point switch
                        {
                            AgreementPoint a => a.Text.ToString(),
                            DecisionPoint d => d.Text.ToString(),
                            _ => point.ToString() ?? string.Empty,
                        }));
                        break;
                }
            }
        }
    }
}
