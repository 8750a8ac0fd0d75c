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
        var names = WithheldAttendees(minutes);
        return names.Count == 0 ? minutes : TextMap.Apply(minutes, new Marker(names).Text);
    }

    /// <summary>
    /// Marks the names in texts: a text in which no name stands (the most) is given back itself, with nothing
    /// copied; one in which some name stands is made anew.
    /// </summary>
    private sealed class Marker
    {
        private readonly (Regex Pattern, string Ground)[] _names;

        public Marker(IReadOnlyList<(string Name, string Ground)> names)
        {
            _names = [.. names.Select(n => (WithheldNames.Pattern(n.Name), n.Ground))];
        }

        public InlineText Text(InlineText text) => Stands(text.Inlines) ? new InlineText(Mark(text.Inlines)) : text;

        /// <summary>True when a name stands in some plain text of the pieces, at any depth.</summary>
        private bool Stands(IReadOnlyList<Inline> inlines)
        {
            for (var i = 0; i < inlines.Count; i++)
            {
                var stands = inlines[i] switch
                {
                    TextInline text => Stands(text.Text),
                    StrongInline or EmphasisInline or LinkInline or FootnoteInline => Stands(((ContainerInline)inlines[i]).Content),
                    _ => false,
                };
                if (stands)
                {
                    return true;
                }
            }

            return false;
        }

        private bool Stands(string text)
        {
            foreach (var (pattern, _) in _names)
            {
                if (pattern.IsMatch(text))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The pieces with the names marked (plain text with no characters left out).</summary>
        private List<Inline> Mark(IReadOnlyList<Inline> inlines)
        {
            var result = new List<Inline>(inlines.Count);
            foreach (var inline in inlines)
            {
                switch (inline)
                {
                    case TextInline text:
                        Split(text.Text, result);
                        break;
                    case StrongInline strong:
                        result.Add(new StrongInline { Content = Mark(strong.Content) });
                        break;
                    case EmphasisInline emphasis:
                        result.Add(new EmphasisInline { Content = Mark(emphasis.Content) });
                        break;
                    case LinkInline link:
                        result.Add(new LinkInline { Content = Mark(link.Content), Url = link.Url });
                        break;
                    case FootnoteInline footnote:
                        result.Add(new FootnoteInline { Content = Mark(footnote.Content) });
                        break;
                    default:
                        result.Add(inline);
                        break;
                }
            }

            return result;
        }

        /// <summary>Plain text cut into text and spans at each whole-word occurrence of a name, added to <paramref name="result"/>.</summary>
        private void Split(string text, List<Inline> result)
        {
            var position = 0;
            while (position < text.Length)
            {
                // The first occurrence of any name from here; at one place the longest name wins.
                (int Start, int Length, string Ground)? first = null;
                foreach (var (pattern, ground) in _names)
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
            }

            if (position < text.Length)
            {
                result.Add(new TextInline { Text = text[position..] });
            }
        }
    }
}
