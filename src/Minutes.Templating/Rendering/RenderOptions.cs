namespace Minutes.Templating.Rendering;

/// <summary>Who a rendering is for.</summary>
public enum RenderMode
{
    /// <summary>The internal version: every name is printed.</summary>
    Internal,

    /// <summary>
    /// The publication version under the Dutch Open Government Act (Woo): names marked with
    /// <c>redact</c> and text in <c>[[…|ground]]</c> spans are withheld, showing only the ground.
    /// </summary>
    Publication,
}

/// <summary>Options for one rendering: the version, the language, and the limits on its work.</summary>
public sealed record RenderOptions
{
    /// <summary>The default options.</summary>
    public static RenderOptions Default { get; } = new();

    /// <summary>Internal or publication version.</summary>
    public RenderMode Mode { get; init; } = RenderMode.Internal;

    /// <summary>A BCP 47 tag that overrides the document's <c>language:</c> for labels and dates.</summary>
    public string? Language { get; init; }

    /// <summary>True when <paramref name="tag"/> is a well-formed BCP 47 language tag, as <c>language:</c> and <see cref="Language"/> must be.</summary>
    /// <param name="tag">A tag such as <c>nl</c> or <c>en-GB</c>.</param>
    public static bool IsLanguageTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return Localization.LanguageTag.IsWellFormed(tag);
    }

    /// <summary>How much work the rendering may do before it stops with an error naming the limit (MT2006).</summary>
    public RenderLimits Limits { get; init; } = RenderLimits.Default;
}
