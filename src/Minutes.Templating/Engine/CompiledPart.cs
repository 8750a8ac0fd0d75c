using System.Collections.Concurrent;
using Scriban;

namespace Minutes.Templating.Engine;

/// <summary>One part of a Word template (the body, a header, a footer…) compiled to a Scriban template.</summary>
internal sealed class CompiledPart
{
    private readonly ConcurrentDictionary<(int Tag, RunStyle Style), string> _runProperties = new();

    public CompiledPart(string entryName, string kind, Template template, IReadOnlyList<TemplateTag> tags, bool plainText)
    {
        EntryName = entryName;
        Kind = kind;
        Template = template;
        Tags = tags;
        PlainText = plainText;
    }

    /// <summary>True for a part of plain text (document properties), where values are written as escaped text, not runs.</summary>
    public bool PlainText { get; }

    /// <summary>The part's zip entry name, such as <c>word/document.xml</c>.</summary>
    public string EntryName { get; }

    /// <summary>What the part is, for messages: <c>document</c>, <c>header1</c>, <c>footer2</c>, <c>footnotes</c>…</summary>
    public string Kind { get; }

    /// <summary>The compiled Scriban template whose output is the part's XML.</summary>
    public Template Template { get; }

    /// <summary>The part's tags, in source order.</summary>
    public IReadOnlyList<TemplateTag> Tags { get; }

    /// <summary>
    /// How many characters the part's last rendering wrote: the next rendering's output starts that large, so
    /// that a long part is not copied over and over as it grows. Renderings on several threads may race on it;
    /// any value they leave is a good enough guess.
    /// </summary>
    public int LastOutputLength { get; set; }

    /// <summary>
    /// What the fixer's scanner read from the part's root start tag, which is the template's own text: the next
    /// rendering takes it rather than reading the tag again. Renderings on several threads may race on it; each value
    /// they leave is a whole one.
    /// </summary>
    public PieceScanner.RootTag? ScannedRoot { get; set; }

    /// <summary>The tag whose code covers <paramref name="offset"/> of the generated source, or the nearest before it.</summary>
    public TemplateTag? FindTag(int offset)
    {
        int low = 0, high = Tags.Count - 1;
        TemplateTag? best = null;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Tags[middle].SourceStart <= offset)
            {
                best = Tags[middle];
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best;
    }

    /// <summary>The <c>w:rPr</c> markup for text written by <paramref name="tag"/> in <paramref name="style"/>, built once.</summary>
    public string RunProperties(TemplateTag? tag, RunStyle style) =>
        _runProperties.GetOrAdd((tag?.Index ?? -1, style), static (key, properties) => RunStyles.Build(properties, key.Style), tag?.RunProperties);
}
