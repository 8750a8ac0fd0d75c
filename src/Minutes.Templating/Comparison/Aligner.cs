using DiffPlex;
using DiffPlex.Chunkers;

namespace Minutes.Templating.Comparison;

/// <summary>How one element of the new version relates to the old version.</summary>
internal enum Alignment
{
    /// <summary>The same in both versions.</summary>
    Equal,

    /// <summary>In both versions, with a changed content.</summary>
    Changed,

    /// <summary>Only in the old version.</summary>
    Deleted,

    /// <summary>Only in the new version.</summary>
    Inserted,
}

/// <summary>One step of an alignment: the index in the old list, the new list, or both (-1 for none).</summary>
internal readonly record struct Aligned(Alignment Kind, int Old, int New);

/// <summary>
/// Aligns two lists (the paragraphs and tables of a part, the rows of a table) in order: equal elements
/// first, by a longest common subsequence (DiffPlex), then, in every stretch between them, the elements
/// most alike by text, so an edited paragraph is one changed paragraph, not a deletion and an insertion.
/// </summary>
internal static class Aligner
{
    /// <summary>How alike two elements must be (0..1) to be taken as one element changed.</summary>
    public const double Threshold = 0.5;

    /// <summary>Above this many pairs in one stretch, elements are not matched by likeness.</summary>
    private const long MaxPairs = 250_000;

    /// <param name="old">The old list.</param>
    /// <param name="new">The new list.</param>
    /// <param name="key">Equal keys mean equal elements.</param>
    /// <param name="likeness">How alike two elements are, 0..1, or a negative value when they can never be one element.</param>
    public static List<Aligned> Align<T>(IReadOnlyList<T> old, IReadOnlyList<T> @new, Func<T, string> key, Func<T, T, double> likeness)
    {
        var result = new List<Aligned>();
        if (old.Count == 0 || @new.Count == 0)
        {
            Gap(result, old, 0, old.Count, @new, 0, @new.Count, likeness);
            return result;
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        string Lines<TItem>(IReadOnlyList<TItem> items, Func<TItem, string> k) => string.Join('\n', items.Select(i =>
        {
            var text = k(i);
            if (!ids.TryGetValue(text, out var id))
            {
                ids[text] = id = ids.Count;
            }

            return "b" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }));

        var diff = Differ.Instance.CreateDiffs(Lines(old, key), Lines(@new, key), false, false, LineChunker.Instance);
        int i = 0, j = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; i < block.DeleteStartA; i++, j++)
            {
                result.Add(new Aligned(Alignment.Equal, i, j));
            }

            Gap(result, old, block.DeleteStartA, block.DeleteCountA, @new, block.InsertStartB, block.InsertCountB, likeness);
            i = block.DeleteStartA + block.DeleteCountA;
            j = block.InsertStartB + block.InsertCountB;
        }

        for (; i < old.Count; i++, j++)
        {
            result.Add(new Aligned(Alignment.Equal, i, j));
        }

        return result;
    }

    /// <summary>Matches a stretch of old elements against a stretch of new ones, keeping their order.</summary>
    private static void Gap<T>(List<Aligned> result, IReadOnlyList<T> old, int oldStart, int oldCount, IReadOnlyList<T> @new, int newStart, int newCount, Func<T, T, double> likeness)
    {
        var pairs = new List<(int Old, int New)>();
        var scores = (long)oldCount * newCount <= MaxPairs ? new double[oldCount, newCount] : new double[0, 0];
        if (scores.Length > 0)
        {
            for (var a = 0; a < oldCount; a++)
            {
                for (var b = 0; b < newCount; b++)
                {
                    scores[a, b] = likeness(old[oldStart + a], @new[newStart + b]);
                }
            }

            // The order-keeping matching with the greatest total likeness (each pair at least the threshold).
            var best = new double[oldCount + 1, newCount + 1];
            for (var a = oldCount - 1; a >= 0; a--)
            {
                for (var b = newCount - 1; b >= 0; b--)
                {
                    var take = scores[a, b] >= Threshold ? scores[a, b] + best[a + 1, b + 1] : double.NegativeInfinity;
                    best[a, b] = Math.Max(take, Math.Max(best[a + 1, b], best[a, b + 1]));
                }
            }

            for (int a = 0, b = 0; a < oldCount && b < newCount;)
            {
                if (scores[a, b] >= Threshold && best[a, b] == scores[a, b] + best[a + 1, b + 1])
                {
                    pairs.Add((a, b));
                    a++;
                    b++;
                }
                else if (best[a, b] == best[a + 1, b])
                {
                    a++;
                }
                else
                {
                    b++;
                }
            }
        }

        // Between two matched pairs, one old and one new element of the same kind left over are one
        // element changed: a date, a status or a name replaced whole is still the same line.
        var withEnds = new List<(int Old, int New)> { (-1, -1) };
        withEnds.AddRange(pairs);
        withEnds.Add((oldCount, newCount));
        for (var k = 0; k + 1 < withEnds.Count; k++)
        {
            var (a0, b0) = withEnds[k];
            var (a1, b1) = withEnds[k + 1];
            if (k > 0)
            {
                result.Add(new Aligned(Alignment.Changed, oldStart + a0, newStart + b0));
            }

            if (a1 - a0 == 2 && b1 - b0 == 2 && scores.Length > 0 && scores[a0 + 1, b0 + 1] >= 0)
            {
                result.Add(new Aligned(Alignment.Changed, oldStart + a0 + 1, newStart + b0 + 1));
                continue;
            }

            for (var a = a0 + 1; a < a1; a++)
            {
                result.Add(new Aligned(Alignment.Deleted, oldStart + a, -1));
            }

            for (var b = b0 + 1; b < b1; b++)
            {
                result.Add(new Aligned(Alignment.Inserted, -1, newStart + b));
            }
        }
    }
}
