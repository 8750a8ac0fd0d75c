using System.Globalization;
using System.Xml.Linq;
using static Minutes.Templating.Engine.EngineNames;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Engine;

/// <summary>
/// What the template's numbering part says: which list instances (<c>w:num</c>) count (1, 2, 3 or a, b, c)
/// rather than show bullets, and which paragraph styles carry a list. Read once per template.
/// </summary>
internal sealed class Numbering
{
    private readonly Dictionary<string, string> _abstractOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _countingAbstracts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _styleNumbering = new(StringComparer.Ordinal);
    private readonly List<string> _countingLists = [];
    private readonly List<string> _countingStyles = [];
    private readonly int _maxNumId;

    private Numbering(XDocument? numbering, XDocument? styles)
    {
        if (numbering?.Root is { } root)
        {
            foreach (var abstractNum in root.Elements(W + "abstractNum"))
            {
                var id = (string?)abstractNum.Attribute(W + "abstractNumId");
                var counts = abstractNum.Elements(W + "lvl").Any(l => (string?)l.Element(W + "numFmt")?.Attribute(Val) is { } format && format != "bullet" && format != "none");
                if (id is not null && counts)
                {
                    _countingAbstracts.Add(id);
                }
            }

            foreach (var num in root.Elements(W + "num"))
            {
                var id = (string?)num.Attribute(W + "numId");
                var abstractId = (string?)num.Element(W + "abstractNumId")?.Attribute(Val);
                if (id is not null && abstractId is not null)
                {
                    _abstractOf[id] = abstractId;
                    _maxNumId = Math.Max(_maxNumId, int.TryParse(id, CultureInfo.InvariantCulture, out var n) ? n : 0);
                }
            }
        }

        if (styles?.Root is { } stylesRoot)
        {
            foreach (var style in stylesRoot.Elements(W + "style"))
            {
                var id = (string?)style.Attribute(W + "styleId");
                var numId = (string?)style.Element(PPr)?.Element(NumPr)?.Element(NumId)?.Attribute(Val);
                if (id is not null && numId is not null)
                {
                    _styleNumbering[id] = numId;
                }
            }
        }

        foreach (var (numId, abstractId) in _abstractOf)
        {
            if (_countingAbstracts.Contains(abstractId))
            {
                _countingLists.Add(numId);
            }
        }

        foreach (var (styleId, numId) in _styleNumbering)
        {
            if (_countingLists.Contains(numId))
            {
                _countingStyles.Add(styleId);
            }
        }
    }

    /// <summary>True when the template has any counting list, so restarting can matter.</summary>
    public bool HasCountingLists => _countingLists.Count > 0;

    /// <summary>True when <paramref name="numId"/> is a list instance that counts.</summary>
    public bool IsCountingList(ReadOnlySpan<char> numId) => Contains(_countingLists, numId);

    /// <summary>True when the paragraph style <paramref name="styleId"/> carries a list that counts.</summary>
    public bool IsCountingStyle(ReadOnlySpan<char> styleId) => Contains(_countingStyles, styleId);

    /// <summary>Looks a name up without making it a string: a template has few lists.</summary>
    private static bool Contains(List<string> names, ReadOnlySpan<char> name)
    {
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    public static Numbering Read(XDocument? numbering, XDocument? styles) => new(numbering, styles);

    /// <summary>
    /// Restarts counting lists where a loop repeats them: a list paragraph that follows the start of a
    /// loop iteration, and does not directly follow a paragraph of the same list, begins again at 1.
    /// The paragraph gets a new list instance; the paragraphs after it in the same run follow it.
    /// </summary>
    /// <param name="paragraphsAndIterations">The paragraphs and the engine's iteration markers of the piece of the part being fixed, in document order.</param>
    /// <param name="restarts">Where the part's lists stand after the pieces before this one.</param>
    /// <param name="added">Receives the new list instances: (new numId, abstractNumId).</param>
    /// <param name="nextNumId">The next free numId, shared by the rendering's parts.</param>
    public void RestartLists(IEnumerable<XElement> paragraphsAndIterations, ListRestarts restarts, List<(int NumId, string AbstractId)> added, ref int nextNumId)
    {
        if (!HasCountingLists)
        {
            return;
        }

        nextNumId = Math.Max(nextNumId, _maxNumId + 1);
        var current = restarts.Current;
        foreach (var element in paragraphsAndIterations)
        {
            if (element.Name == IterationMarker)
            {
                restarts.Iteration++;
                continue;
            }

            if (OutputFixer.EnclosingParagraph(element) is not null)
            {
                continue;
            }

            var numId = ListOf(element);
            if (numId is null || !_abstractOf.TryGetValue(numId, out var abstractId) || !_countingAbstracts.Contains(abstractId))
            {
                continue;
            }

            if (element.Descendants(ContinueMarker).Any())
            {
                current[numId] = (restarts.Iteration, current.TryGetValue(numId, out var kept) ? kept.NumId : numId, element);
                SetNumId(element, current[numId].NumId);
                continue;
            }

            string useNumId;
            if (!current.TryGetValue(numId, out var run))
            {
                useNumId = numId;
            }
            else if (run.Iteration != restarts.Iteration && !restarts.Adjacent(run.Last, element))
            {
                useNumId = (nextNumId++).ToString(CultureInfo.InvariantCulture);
                added.Add((int.Parse(useNumId, CultureInfo.InvariantCulture), abstractId));
            }
            else
            {
                useNumId = run.NumId;
            }

            current[numId] = (restarts.Iteration, useNumId, element);
            if (useNumId != numId)
            {
                SetNumId(element, useNumId);
            }
        }
    }

    /// <summary>Adds the new list instances, each restarting every level at its start value.</summary>
    public static void AddInstances(XElement numberingRoot, IEnumerable<(int NumId, string AbstractId)> added)
    {
        var anchor = numberingRoot.Elements(W + "num").LastOrDefault() ?? numberingRoot.Elements(W + "abstractNum").LastOrDefault();
        foreach (var (numId, abstractId) in added)
        {
            var num = new XElement(
                W + "num",
                new XAttribute(W + "numId", numId),
                new XElement(W + "abstractNumId", new XAttribute(Val, abstractId)),
                Enumerable.Range(0, 9).Select(level => new XElement(
                    W + "lvlOverride",
                    new XAttribute(W + "ilvl", level),
                    new XElement(W + "startOverride", new XAttribute(Val, 1)))));
            if (anchor is null)
            {
                numberingRoot.AddFirst(num);
            }
            else
            {
                anchor.AddAfterSelf(num);
            }

            anchor = num;
        }
    }

    private string? ListOf(XElement paragraph)
    {
        var properties = paragraph.Element(PPr);
        if ((string?)properties?.Element(NumPr)?.Element(NumId)?.Attribute(Val) is { } direct)
        {
            return direct;
        }

        var style = (string?)properties?.Element(W + "pStyle")?.Attribute(Val);
        return style is not null && _styleNumbering.TryGetValue(style, out var numId) ? numId : null;
    }

    private static void SetNumId(XElement paragraph, string numId)
    {
        var properties = paragraph.Element(PPr)!;
        var numbering = properties.Element(NumPr);
        if (numbering is null)
        {
            numbering = new XElement(NumPr);
            OutputFixer.InsertNumberingProperties(properties, numbering);
        }

        numbering.Element(NumId)?.Remove();
        numbering.Add(new XElement(NumId, new XAttribute(Val, numId)));
    }

}

/// <summary>
/// Where the counting lists of one part stand while the part is fixed a piece at a time (<see cref="OutputFixer"/>):
/// the loop iterations begun, the last paragraph of each list, and what tells whether two paragraphs of different
/// pieces stand next to each other.
/// </summary>
internal sealed class ListRestarts
{
    /// <summary>The loop iterations begun so far.</summary>
    public int Iteration { get; set; }

    /// <summary>Each list's iteration, the list instance it now uses and its last paragraph, by the list's own numId.</summary>
    public Dictionary<string, (int Iteration, string NumId, XElement Last)> Current { get; } = new(StringComparer.Ordinal);

    /// <summary>The element holding the piece being fixed.</summary>
    public XElement? Piece { get; set; }

    /// <summary>The last element, other than the engine's markers, of the pieces fixed before <see cref="Piece"/>.</summary>
    public XElement? LastBefore { get; set; }

    /// <summary>
    /// True when nothing but the engine's markers stands between two paragraphs, which are siblings: in one piece,
    /// or the last element of the pieces before and the first of this one.
    /// </summary>
    public bool Adjacent(XElement previous, XElement next)
    {
        if (previous.Parent != next.Parent)
        {
            return next.Parent == Piece && previous == LastBefore && FirstElement(Piece!) == next;
        }

        for (var node = previous.NextNode; node is not null; node = node.NextNode)
        {
            if (node == next)
            {
                return true;
            }

            if (node is XElement element && element.Name.Namespace != Mt)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Notes the last element of <see cref="Piece"/> other than the engine's markers, for the next piece.</summary>
    public void PieceDone()
    {
        for (var node = Piece?.LastNode; node is not null; node = node.PreviousNode)
        {
            if (node is XElement element && element.Name.Namespace != Mt)
            {
                LastBefore = element;
                return;
            }
        }
    }

    private static XElement? FirstElement(XElement piece)
    {
        for (var node = piece.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement element && element.Name.Namespace != Mt)
            {
                return element;
            }
        }

        return null;
    }
}
