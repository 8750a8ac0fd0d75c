using System.Text.RegularExpressions;

namespace Minutes.Templating.Redaction;

/// <summary>
/// How a withheld name is found in text: as a whole word (not inside a longer word), whatever its case, with any
/// run of white space between its words. The one rule the parser's warning, the publication version and the
/// last check of the finished package share.
/// </summary>
internal static class WithheldNames
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>The pattern that finds <paramref name="name"/> as a whole word.</summary>
    public static Regex Pattern(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        return new Regex(
            @"(?<![\p{L}\p{N}_])" + string.Join(@"\s+", words) + @"(?![\p{L}\p{N}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            Timeout);
    }

    /// <summary>Each place (start, length) where <paramref name="name"/> stands in <paramref name="text"/> as a whole word.</summary>
    public static IEnumerable<(int Start, int Length)> Find(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        return Pattern(name).Matches(text).Select(m => (m.Index, m.Length));
    }
}
