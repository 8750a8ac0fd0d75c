using Minutes.Templating.Rendering;

namespace Minutes.Templating.Comparison;

/// <summary>Options for <see cref="WordTemplate.RenderChanges"/>: how both versions are rendered, and who and when the revisions are.</summary>
public sealed record ChangeOptions
{
    /// <summary>The author of the revisions when none is given: the tool's name.</summary>
    public const string DefaultAuthor = "minutes";

    /// <summary>The default options.</summary>
    public static ChangeOptions Default { get; } = new();

    /// <summary>How both versions are rendered: mode, language and limits.</summary>
    public RenderOptions Render { get; init; } = RenderOptions.Default;

    /// <summary>The name Word shows as the author of every revision.</summary>
    public string Author { get; init; } = DefaultAuthor;

    /// <summary>
    /// The date of every revision. When null: <c>SOURCE_DATE_EPOCH</c> when set, otherwise the new
    /// version's approval date, otherwise its meeting date, so the same inputs give the same bytes.
    /// </summary>
    public DateTimeOffset? Date { get; init; }
}
