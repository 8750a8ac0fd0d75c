using System.Text.RegularExpressions;
using Minutes.Templating.Model;

namespace Minutes.Templating.Redaction;

/// <summary>
/// Marks what is withheld, for both versions: the full name of each attendee marked <c>redact:</c> becomes a
/// redaction span with that attendee's ground wherever it stands in any text (whole word, any case), as if the
/// author had written <c>[[name|ground]]</c>. The internal version then shows every withheld text marked; the
/// publication version (<see cref="Publication"/>) withholds exactly those.
/// </summary>
internal static class Redactions
{
    /// <summary>The attendees of every list.</summary>
    public static IEnumerable<Person> Persons(MinutesDocument minutes) =>
        minutes.Attendees.Present.Concat(minutes.Attendees.Absent).Concat(minutes.Attendees.Guests);

    /// <summary>The names of the attendees marked <c>redact:</c>, with their ground, longest first.</summary>
    public static IReadOnlyList<(string Name, string Ground)> WithheldAttendees(MinutesDocument minutes) =>
        [.. Persons(minutes)
            .Where(p => p.Redact is not null && !string.IsNullOrWhiteSpace(p.Name))
            .Select(p => (Name: p.Name!.Trim(), Ground: p.Redact!))
            .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Name.Length)];

    /// <summary>The minutes with every unmarked occurrence of a withheld attendee's name marked as a span.</summary>
    public static MinutesDocument Mark(MinutesDocument minutes)
    {
        var names = WithheldAttendees(minutes).Select(n => (WithheldNames.Pattern(n.Name), n.Ground)).ToList();
        return names.Count == 0 ? minutes : TextMap.Apply(minutes, text => MarkText(text, names));
    }

    private static InlineText MarkText(InlineText text, IReadOnlyList<(Regex Pattern, string Ground)> names)
    {
        var changed = false;
        var inlines = MarkInlines(text.Inlines, names, ref changed);
        return changed ? new InlineText(inlines) : text;
    }

    private static List<Inline> MarkInlines(IReadOnlyList<Inline> inlines, IReadOnlyList<(Regex Pattern, string Ground)> names, ref bool changed)
    {
        var result = new List<Inline>(inlines.Count);
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline text:
                    result.AddRange(Split(text.Text, names, ref changed));
                    break;
                case StrongInline strong:
                    result.Add(new StrongInline { Content = MarkInlines(strong.Content, names, ref changed) });
                    break;
                case EmphasisInline emphasis:
                    result.Add(new EmphasisInline { Content = MarkInlines(emphasis.Content, names, ref changed) });
                    break;
                case LinkInline link:
                    result.Add(new LinkInline { Content = MarkInlines(link.Content, names, ref changed), Url = link.Url });
                    break;
                case FootnoteInline footnote:
                    result.Add(new FootnoteInline { Content = MarkInlines(footnote.Content, names, ref changed) });
                    break;
                default:
                    result.Add(inline);
                    break;
            }
        }

        return result;
    }

    /// <summary>Plain text cut into text and spans at each whole-word occurrence of a name.</summary>
    private static List<Inline> Split(string text, IReadOnlyList<(Regex Pattern, string Ground)> names, ref bool changed)
    {
        var result = new List<Inline>();
        var position = 0;
        while (position < text.Length)
        {
            // The first occurrence of any name from here; at one place the longest name wins.
            (int Start, int Length, string Ground)? first = null;
            foreach (var (pattern, ground) in names)
            {
                var match = pattern.Match(text, position);
                if (match.Success && (first is null || match.Index < first.Value.Start))
                {
                    first = (match.Index, match.Length, ground);
                }
            }

            if (first is not { } hit)
            {
                break;
            }

            if (hit.Start > position)
            {
                result.Add(new TextInline { Text = text[position..hit.Start] });
            }

            result.Add(new RedactionInline { Text = text.Substring(hit.Start, hit.Length), Ground = hit.Ground });
            position = hit.Start + hit.Length;
            changed = true;
        }

        if (position < text.Length)
        {
            result.Add(new TextInline { Text = text[position..] });
        }

        return result;
    }
}
