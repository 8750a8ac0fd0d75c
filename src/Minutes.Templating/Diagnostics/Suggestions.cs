using System.Collections.Frozen;

namespace Minutes.Templating.Diagnostics;

/// <summary>"Did you mean…?" for misspelt keys and names.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a small edit distance, or null.</summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        var limit = value.Length <= 3 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(value.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// The key of the minutes contract that <paramref name="key"/> most likely meant, among <paramref name="allowed"/>:
    /// the closest in spelling, else the one the word stands for (<see cref="KeyForWord"/>). Null when none is likely.
    /// </summary>
    public static string? ForKey(string key, IReadOnlyCollection<string> allowed) =>
        Closest(key, allowed) ?? KeyForWord(key, allowed);

    /// <summary>
    /// The key among <paramref name="allowed"/> that a word stands for: what the built-in templates print for a key, in
    /// Dutch or English ("Aanwezig" for <c>present</c>, "Afspraak" and "Agreed" for <c>agreement</c>), and the Dutch
    /// words a secretariat may type for the others (<c>vergadering</c> for <c>meeting</c>). Null when it stands for none.
    /// </summary>
    public static string? KeyForWord(string word, IReadOnlyCollection<string> allowed) =>
        KeyWords.TryGetValue(word.Trim(), out var keys) ? keys.FirstOrDefault(allowed.Contains) : null;

    /// <summary>Words for the contract's keys; a word may stand for a key in several places (<c>aanwezigen</c>).</summary>
    private static readonly FrozenDictionary<string, string[]> KeyWords = BuildKeyWords();

    private static FrozenDictionary<string, string[]> BuildKeyWords()
    {
        var words = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        void Add(string word, string key)
        {
            if (!words.TryGetValue(word, out var keys))
            {
                words[word] = keys = [];
            }

            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        // What the built-in templates print for a key is what a secretariat is likely to type for it; a label whose
        // key is no key of the contract ("Pagina") is never among the allowed keys, so it is never suggested.
        foreach (var language in (ReadOnlySpan<string>)["nl", "en"])
        {
            foreach (var (key, label) in Localization.Labels.BuiltIn(language))
            {
                Add(label, key);
            }
        }

        foreach (var (word, key) in (ReadOnlySpan<(string, string)>)[
            ("vergadering", "meeting"), ("datum", "date"), ("titel", "title"), ("punten", "points"), ("tekst", "text"),
            ("onderwerp", "topic"), ("organisaties", "organisations"), ("aanwezigen", "present"), ("aanwezigen", "attendees"),
            ("deelnemers", "attendees"), ("afwezigen", "absent"), ("gasten", "guests"), ("door", "by"), ("naam", "name"),
            ("organisatie", "org"), ("rol", "role"), ("aanhef", "honorific"), ("nummer", "number"), ("taal", "language"),
            ("agendapunten", "agenda"), ("documenten", "documents"), ("begin", "start"), ("einde", "end"), ("eind", "end"),
            ("plaats", "location"), ("voorzitter", "chair"), ("afkorting", "abbreviation"), ("orgaan", "body"),
            ("uiterlijk", "due"), ("deadline", "due"), ("eigenaar", "owner")])
        {
            Add(word, key);
        }

        return words.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions, swaps.</summary>
    public static int EditDistance(string a, string b)
    {
        // The distance is at least the difference in length; this also keeps the table small.
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return Math.Abs(a.Length - b.Length);
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
