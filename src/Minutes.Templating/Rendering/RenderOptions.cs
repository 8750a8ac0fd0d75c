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

/// <summary>Options for one rendering. Every limit has a default that a real document never reaches.</summary>
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

    /// <summary>How long one rendering may take before it stops with an error.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times one loop may repeat.</summary>
    public int LoopLimit { get; init; } = 100_000;

    /// <summary>How deep function calls may nest.</summary>
    public int RecursionLimit { get; init; } = 64;

    /// <summary>How many characters of XML one part may grow to.</summary>
    public int OutputLimit { get; init; } = 256 * 1024 * 1024;

    /// <summary>
    /// How many characters one string a template builds may have (default 1 MiB). A longer string stops the
    /// rendering with an error (MT2006), never a silent cut; a template doubling a string stops at once.
    /// </summary>
    public int StringLimit { get; init; } = 1024 * 1024;

    /// <summary>How long one regular expression (<c>regex.match</c>, <c>regex.replace</c>…) may run (default 1 s).</summary>
    public TimeSpan RegexTimeLimit { get; init; } = TimeSpan.FromSeconds(1);
}
