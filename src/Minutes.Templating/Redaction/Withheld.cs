using Minutes.Templating.Model;

namespace Minutes.Templating.Redaction;

/// <summary>
/// What the publication version of one document withholds: every text marked for redaction (spans, and the names
/// of attendees marked <c>redact:</c>) with its ground. The last check of the finished package looks for each of
/// them; the legend lists the grounds.
/// </summary>
internal sealed class Withheld
{
    private Withheld(IReadOnlyList<(string Text, string Ground)> texts, IReadOnlyList<string> grounds)
    {
        Texts = texts;
        Grounds = grounds;
    }

    /// <summary>Nothing withheld: the internal version, which prints every name.</summary>
    public static Withheld None { get; } = new([], []);

    /// <summary>The withheld texts, each once (compared case-insensitively), longest first.</summary>
    public IReadOnlyList<(string Text, string Ground)> Texts { get; }

    /// <summary>The grounds used in the document, in the Act's order.</summary>
    public IReadOnlyList<string> Grounds { get; }

    /// <summary>True when nothing is withheld.</summary>
    public bool IsEmpty => Texts.Count == 0;

    /// <summary>Collects what <paramref name="marked"/> (minutes after <see cref="Redactions.Mark"/>) withholds.</summary>
    public static Withheld Of(MinutesDocument marked)
    {
        var texts = new List<(string Text, string Ground)>();
        var grounds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in Redactions.Persons(marked).Where(p => p.Redact is not null))
        {
            grounds.Add(person.Redact!);
            if (!string.IsNullOrWhiteSpace(person.Name))
            {
                texts.Add((person.Name.Trim(), person.Redact!));
            }
        }

        var spans = new List<RedactionInline>();
        TextMap.ForEach(marked, text => RedactionSpans.Collect(text.Inlines, spans));
        foreach (var redaction in spans)
        {
            grounds.Add(redaction.Ground);
            if (!string.IsNullOrWhiteSpace(redaction.Text))
            {
                texts.Add((redaction.Text.Trim(), redaction.Ground));
            }
        }

        var distinct = texts.DistinctBy(t => t.Text, StringComparer.OrdinalIgnoreCase).OrderByDescending(t => t.Text.Length).ToList();
        var ordered = WooGrounds.All.Select(g => g.Code).Where(grounds.Contains).Concat(grounds.Where(g => WooGrounds.Find(g) is null).Order(StringComparer.Ordinal)).ToList();
        return new Withheld(distinct, ordered);
    }
}
