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
        ArgumentNullException.ThrowIfNull(inlines);
        Inlines = inlines;
    }

    /// <summary>An empty text.</summary>
    public static InlineText Empty { get; } = new([]);

    /// <summary>The pieces of the text, in reading order.</summary>
    public IReadOnlyList<Inline> Inlines { get; }

    /// <summary>True when the text has no visible characters.</summary>
    public bool IsEmpty => ToString().Length == 0;

    /// <summary>True when any piece of the text is a redaction span.</summary>
    public bool HasRedactions => Inline.Walk(Inlines).Any(i => i is RedactionInline);

    /// <summary>Creates a text with no markup.</summary>
    /// <param name="text">The text, printed as is.</param>
    public static InlineText Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? Empty : new InlineText([new TextInline(text)]);
    }

    /// <summary>The text without markup; redacted names are included (this is the internal reading).</summary>
    public override string ToString()
    {
        if (_plain is null)
        {
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
    public bool Equals(InlineText? other) => other is not null && Inlines.SequenceEqual(other.Inlines);

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
                foreach (var child in Walk(container.Children))
                {
                    yield return child;
                }
            }
        }
    }

    internal abstract void AppendPlainText(StringBuilder builder);
}

/// <summary>Plain characters.</summary>
/// <param name="Text">The characters.</param>
public sealed record TextInline(string Text) : Inline
{
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
    private protected ContainerInline(IReadOnlyList<Inline> children) => Children = children;

    /// <summary>The nested pieces.</summary>
    public IReadOnlyList<Inline> Children { get; }

    internal override void AppendPlainText(StringBuilder builder)
    {
        foreach (var child in Children)
        {
            child.AppendPlainText(builder);
        }
    }

    /// <inheritdoc />
    public virtual bool Equals(ContainerInline? other) => other is not null && other.GetType() == GetType() && Children.SequenceEqual(other.Children);

    /// <inheritdoc />
    public override int GetHashCode() => Children.Count;
}

/// <summary><c>**bold**</c> text.</summary>
/// <param name="Content">The nested pieces.</param>
public sealed record StrongInline(IReadOnlyList<Inline> Content) : ContainerInline(Content)
{
    /// <inheritdoc />
    public bool Equals(StrongInline? other) => base.Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary><c>*italic*</c> text.</summary>
/// <param name="Content">The nested pieces.</param>
public sealed record EmphasisInline(IReadOnlyList<Inline> Content) : ContainerInline(Content)
{
    /// <inheritdoc />
    public bool Equals(EmphasisInline? other) => base.Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();
}

/// <summary>A <c>[text](url)</c> link.</summary>
/// <param name="Content">The link text.</param>
/// <param name="Url">The absolute address the link points to.</param>
public sealed record LinkInline(IReadOnlyList<Inline> Content, string Url) : ContainerInline(Content)
{
    /// <inheritdoc />
    public bool Equals(LinkInline? other) => base.Equals(other) && other.Url == Url;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Url);
}

/// <summary>
/// A <c>[[text|ground]]</c> span: text withheld in a publication rendering under a ground of the
/// Dutch Open Government Act (Woo), such as <c>5.1.2e</c>.
/// </summary>
/// <param name="Text">The withheld text.</param>
/// <param name="Ground">The Woo ground.</param>
public sealed record RedactionInline(string Text, string Ground) : Inline
{
    internal override void AppendPlainText(StringBuilder builder) => builder.Append(Text);
}

/// <summary>
/// A <c>^[text]</c> footnote: rendered as a Word footnote, numbered by Word, whose text is inline
/// text itself (bold, links and redaction spans work inside it). Its text is not part of the
/// plain reading of the text around it (<see cref="InlineText.ToString"/>).
/// </summary>
/// <param name="Content">The footnote's text.</param>
public sealed record FootnoteInline(IReadOnlyList<Inline> Content) : ContainerInline(Content)
{
    /// <summary>The footnote's text on its own.</summary>
    public InlineText Text => new(Content);

    /// <inheritdoc />
    public bool Equals(FootnoteInline? other) => base.Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => base.GetHashCode();

    internal override void AppendPlainText(StringBuilder builder)
    {
        // The footnote stands at the foot of the page, not in the sentence.
    }
}
