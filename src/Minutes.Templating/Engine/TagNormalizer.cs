using System.Xml.Linq;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Engine;

/// <summary>
/// Undoes what Word does to a typed tag, at the level of XML nodes: a tag split over runs (rsids,
/// spelling marks, a <c>_GoBack</c> bookmark, mixed formatting) becomes one run holding the whole
/// tag, with the formatting of the tag's first character; smart quotes inside it become straight.
/// </summary>
internal static class TagNormalizer
{
    /// <summary>A tag found in a paragraph: its run, its text, and its 1-based column in the paragraph.</summary>
    public readonly record struct FoundTag(XElement Run, string Text, int Column);

    /// <summary>Normalises the tags of one paragraph.</summary>
    /// <param name="paragraph">The <c>w:p</c>.</param>
    /// <param name="text">The paragraph's text before normalisation, as the author sees it.</param>
    /// <param name="problems">Receives (message, column) for tags that are not closed.</param>
    /// <returns>The tags in reading order.</returns>
    public static List<FoundTag> Normalize(XElement paragraph, out string text, List<(string Message, int Column)> problems)
    {
        var segments = TextSegments(paragraph);
        text = Concat(segments);
        var found = new List<FoundTag>();
        var spans = TagFinder.Find(text, problems);
        if (spans.Count == 0)
        {
            return found;
        }

        ExplodeRuns(paragraph);
        for (var i = spans.Count - 1; i >= 0; i--)
        {
            var (start, end) = spans[i];
            var run = Isolate(paragraph, start, end, TagSyntax.Straighten(text[start..end]));
            found.Add(new FoundTag(run, TagSyntax.Straighten(text[start..end]), start + 1));
        }

        found.Reverse();
        return found;
    }

    /// <summary>The <c>w:t</c> elements that belong to this paragraph (not to a text box inside it), in order.</summary>
    public static List<XElement> TextSegments(XElement paragraph) =>
        paragraph.Descendants(T).Where(t => t.Parent?.Name == Run && OwnParagraph(t) == paragraph).ToList();

    private static XElement? OwnParagraph(XElement element) => element.Ancestors(P).FirstOrDefault();

    /// <summary>Splits runs that hold text next to other content so that every <c>w:t</c> has a run of its own.</summary>
    private static void ExplodeRuns(XElement paragraph)
    {
        foreach (var run in paragraph.Descendants(Run).Where(r => OwnParagraph(r) == paragraph).ToList())
        {
            var content = run.Elements().Where(e => e.Name != RPr).ToList();
            if (content.Count <= 1 || !content.Any(e => e.Name == T))
            {
                continue;
            }

            var properties = run.Element(RPr);
            foreach (var child in content)
            {
                var piece = new XElement(Run, run.Attributes(), properties is null ? null : new XElement(properties), new XElement(child));
                run.AddBeforeSelf(piece);
            }

            run.Remove();
        }
    }

    /// <summary>Makes the characters [start, end) of the paragraph's text one run holding <paramref name="tag"/>.</summary>
    private static XElement Isolate(XElement paragraph, int start, int end, string tag)
    {
        SplitAt(paragraph, end);
        SplitAt(paragraph, start);
        var position = 0;
        var inside = new List<XElement>();
        foreach (var segment in TextSegments(paragraph))
        {
            var length = segment.Value.Length;
            if (position >= start && position + length <= end && (length > 0 || (position > start && position < end)))
            {
                inside.Add(segment);
            }

            position += length;
        }

        var first = inside.First(s => s.Value.Length > 0);
        inside.Remove(first);
        inside.Insert(0, first);
        var firstRun = first.Parent!;
        var lastRun = inside[^1].Parent!;
        if (lastRun != firstRun && lastRun.Parent == firstRun.Parent)
        {
            // Whatever Word put between the pieces: spelling marks go, bookmarks move out in front.
            foreach (var between in firstRun.ElementsAfterSelf().TakeWhile(e => e != lastRun).ToList())
            {
                if (between.Name == ProofErr)
                {
                    between.Remove();
                }
                else if (between.Name == BookmarkStart || between.Name == BookmarkEnd)
                {
                    between.Remove();
                    firstRun.AddBeforeSelf(between);
                }
            }
        }

        for (var i = 1; i < inside.Count; i++)
        {
            var run = inside[i].Parent!;
            inside[i].Remove();
            if (!run.Elements().Any(e => e.Name != RPr))
            {
                run.Remove();
            }
        }

        first.Value = tag;
        first.SetAttributeValue(XmlSpace, "preserve");
        return firstRun;
    }

    /// <summary>Ensures a run boundary at character <paramref name="offset"/> of the paragraph's text.</summary>
    private static void SplitAt(XElement paragraph, int offset)
    {
        var position = 0;
        foreach (var segment in TextSegments(paragraph))
        {
            var length = segment.Value.Length;
            if (offset > position && offset < position + length)
            {
                var run = segment.Parent!;
                var cut = offset - position;
                var tail = new XElement(run);
                var text = segment.Value;
                SetText(segment, text[..cut]);
                SetText(tail.Element(T)!, text[cut..]);
                run.AddAfterSelf(tail);
                return;
            }

            position += length;
        }
    }

    private static void SetText(XElement t, string value)
    {
        t.Value = value;
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            t.SetAttributeValue(XmlSpace, "preserve");
        }
    }

    /// <summary>The text of a paragraph as the author sees it.</summary>
    public static string PlainText(XElement paragraph) => Concat(TextSegments(paragraph));

    private static string Concat(List<XElement> segments) => string.Concat(segments.Select(s => s.Value));
}
