using System.Text;

namespace Minutes.Templating.Model;

/// <summary>
/// A piece of text from the minutes with its inline markup: <c>**bold**</c>, <c>*italic*</c>,
/// <c>[text](url)</c> links, line breaks and <c>[[name|ground]]</c> redaction spans.
/// </summary>
public sealed class InlineText : IEquatable<InlineText>
{
    private string? _plain;

    /// <summary>Creates inline text from its parsed pieces.</summary>
    /// <param name="inlines">The pieces, in reading order.</param>
    public InlineText(IReadOnlyList<Inline> inlines)
    {
        Inlines = ValueList.Of(inlines);
    }

    /// <summary>An empty text.</summary>
    public static InlineText Empty { get; } = new([]);

    /// <summary>The pieces of the text, in reading order; two texts are equal when their pieces are.</summary>
    public IReadOnlyList<Inline> Inlines { get; }

    /// <summary>True when the text has no visible characters.</summary>
    public bool IsEmpty => ToString().Length == 0;

    /// <summary>True when any piece of the text is a redaction span.</summary>
    public bool HasRedactions => Inline.HoldsRedaction(Inlines);

    /// <summary>Creates a text with no markup.</summary>
    /// <param name="text">The text, printed as is.</param>
    public static InlineText Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? Empty : new InlineText([new TextInline { Text = text }]);
    }

    /// <summary>The text without markup; redacted names are included (this is the internal reading).</summary>
    public override string ToString()
    {
        if (_plain is null)
        {
            // One plain piece (most texts) is its own reading; only markup needs the pieces joined.
            if (Inlines is [TextInline single])
            {
                _plain = single.Text;
                return _plain;
            }

            var builder = new StringBuilder();
            foreach (var inline in Inlines)
            {
                inline.AppendPlainText(builder);
            }

            _plain = builder.ToString();
        }

        return _plain;
    }

    /// <inheritdoc />
    public bool Equals(InlineText? other) => other is not null && Inlines.Equals(other.Inlines);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InlineText);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}

/// <summary>One piece of an <see cref="InlineText"/>.</summary>
public abstract record Inline
{
    private protected Inline()
    {
    }

    /// <summary>Enumerates the pieces and all pieces nested in them, depth first.</summary>
    /// <param name="inlines">The pieces to walk.</param>
    public static IEnumerable<Inline> Walk(IEnumerable<Inline> inlines)
    {
        ArgumentNullException.ThrowIfNull(inlines);
        foreach (var inline in inlines)
        {
            yield return inline;
            if (inline is ContainerInline container)
            {
                foreach (var child in Walk(container.Content))
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>True when a piece, or a piece nested in one, is a redaction span; walks without an enumerator.</summary>
    internal static bool HoldsRedaction(IReadOnlyList<Inline> inlines)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            switch (inlines[i])
            {
                case RedactionInline:
                    return true;
                case ContainerInline container when HoldsRedaction(container.Content):
                    return true;
            }
        }

        return false;
    }

    internal abstract void AppendPlainText(StringBuilder builder);
}

/// <summary>Plain characters.</summary>
public sealed record TextInline : Inline
{
    /// <summary>The characters.</summary>
    public required string Text { get; init; }

    internal override void AppendPlainText(StringBuilder builder) => builder.Append(Text);
}

/// <summary>A line break kept from a YAML block scalar.</summary>
public sealed record LineBreakInline : Inline
{
    /// <summary>The one line break.</summary>
    public static LineBreakInline Instance { get; } = new();

    internal override void AppendPlainText(StringBuilder builder) => builder.Append('\n');
}

/// <summary>A piece that holds other pieces; pieces compare by their content, not by list identity.</summary>
public abstract record ContainerInline : Inline
{
    private readonly IReadOnlyList<Inline> _content = ValueList<Inline>.Empty;

    private protected ContainerInline()
    {
    }

    /// <summary>The nested pieces, in reading order; compared by content.</summary>
    public required IReadOnlyList<Inline> Content { get => _content; init => _content = ValueList.Of(value); }

    internal override void AppendPlainText(StringBuilder builder)
    {
        foreach (var child in Content)
        {
            child.AppendPlainText(builder);
        }
    }
}

/// <summary><c>**bold**</c> text.</summary>
public sealed record StrongInline : ContainerInline;

/// <summary><c>*italic*</c> text.</summary>
public sealed record EmphasisInline : ContainerInline;

/// <summary>A <c>[text](url)</c> link; its <see cref="ContainerInline.Content"/> is the link text.</summary>
public sealed record LinkInline : ContainerInline
{
    /// <summary>The absolute address the link points to.</summary>
    public required string Url { get; init; }
}

/// <summary>
/// A <c>[[text|ground]]</c> span: text withheld in a publication rendering under a ground of the
/// Dutch Open Government Act (Woo), such as <c>5.1.2e</c>.
/// </summary>
public sealed record RedactionInline : Inline
{
    /// <summary>The withheld text.</summary>
    public required string Text { get; init; }

    /// <summary>The Woo ground.</summary>
    public required string Ground { get; init; }

    internal override void AppendPlainText(StringBuilder builder) => builder.Append(Text);
}

/// <summary>
/// A <c>^[text]</c> footnote: rendered as a Word footnote, numbered by Word, whose text is inline
/// text itself (bold, links and redaction spans work inside it). Its text is not part of the
/// plain reading of the text around it (<see cref="InlineText.ToString"/>).
/// </summary>
public sealed record FootnoteInline : ContainerInline
{
    /// <summary>The footnote's text on its own.</summary>
    public InlineText Text => new(Content);

    internal override void AppendPlainText(StringBuilder builder)
    {
        // The footnote stands at the foot of the page, not in the sentence.
    }
}
