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

    /// <summary>
    /// How much work the rendering may do before it stops with an error naming the limit (MT2006); see
    /// <see cref="RenderLimits"/> for each limit, its default and its name on the command line.
    /// </summary>
    public RenderLimits Limits { get; init; } = RenderLimits.Default;

    /// <summary>How long one rendering may take, as a last resort: <see cref="RenderLimits.Time"/> of <see cref="Limits"/>, which it reads and sets.</summary>
    [Obsolete("Use Limits.Time (RenderLimits; --limit time=MS on the command line).")]
    public TimeSpan TimeLimit { get => Limits.Time; init => Limits = Limits with { Time = value }; }

    /// <summary>How many times one loop may repeat: <see cref="RenderLimits.LoopIterations"/> of <see cref="Limits"/>, which it reads and sets.</summary>
    [Obsolete("Use Limits.LoopIterations (RenderLimits; --limit loop-iterations=N on the command line).")]
    public int LoopLimit { get => Limits.LoopIterations; init => Limits = Limits with { LoopIterations = value }; }

    /// <summary>How deep function calls may nest: <see cref="RenderLimits.RecursionDepth"/> of <see cref="Limits"/>, which it reads and sets.</summary>
    [Obsolete("Use Limits.RecursionDepth (RenderLimits; --limit recursion-depth=N on the command line).")]
    public int RecursionLimit { get => Limits.RecursionDepth; init => Limits = Limits with { RecursionDepth = value }; }

    /// <summary>How many characters of XML one part may grow to: <see cref="RenderLimits.OutputSize"/> of <see cref="Limits"/>, which it reads and sets.</summary>
    [Obsolete("Use Limits.OutputSize (RenderLimits; --limit output-size=N on the command line).")]
    public int OutputLimit { get => Limits.OutputSize; init => Limits = Limits with { OutputSize = value }; }

    /// <summary>How many characters one string a template builds may have: <see cref="RenderLimits.StringSize"/> of <see cref="Limits"/>, which it reads and sets.</summary>
    [Obsolete("Use Limits.StringSize (RenderLimits; --limit string-size=N on the command line).")]
    public int StringLimit { get => Limits.StringSize; init => Limits = Limits with { StringSize = value }; }

    /// <summary>How long one regular expression may run: <see cref="RenderLimits.RegexTime"/> of <see cref="Limits"/>, which it reads and sets.</summary>
    [Obsolete("Use Limits.RegexTime (RenderLimits; --limit regex-time=MS on the command line).")]
    public TimeSpan RegexTimeLimit { get => Limits.RegexTime; init => Limits = Limits with { RegexTime = value }; }
}
