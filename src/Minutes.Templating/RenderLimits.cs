using System.Globalization;

namespace Minutes.Templating;

/// <summary>
/// How much work one rendering may do before it stops with an error that names the limit (MT2006): counted in
/// work done, not in time, so that a hostile template stops early on any machine while valid minutes, however
/// large and however many are rendered at once, never reach a limit. Every default is far above what the
/// largest minutes accepted need with the built-in templates. Raise one with <c>with</c>
/// (<c>RenderLimits.Default with { Work = 1_000_000_000 }</c>, passed as <see cref="Rendering.RenderOptions.Limits"/>)
/// or, on the command line, with <c>--limit NAME=VALUE</c>, where NAME is the one given in each property's description.
/// </summary>
public sealed record RenderLimits
{
    /// <summary>The default limits.</summary>
    public static RenderLimits Default { get; } = new();

    /// <summary>
    /// The work one rendering may do beyond what it writes (<c>work</c>; default 1,000,000 steps). Every expression
    /// or statement a template evaluates is a step, and each 16 characters of the text and each item of the list it
    /// evaluates to is another, so that repeating work on long text or long lists counts for what it costs; every 8
    /// characters of XML the rendering writes raise the limit by one step. A template that loops or computes without
    /// writing stops early, while one that writes a large document has the room it needs: the largest minutes
    /// accepted (4 MiB) take about 1.2 million steps with the built-in templates, and are allowed about 2 million.
    /// </summary>
    public long Work { get; init; } = 1_000_000;

    /// <summary>How many times one loop may repeat, the loops nested in it included (<c>loop-iterations</c>; default 100,000).</summary>
    public int LoopIterations { get; init; } = 100_000;

    /// <summary>How deep function calls may nest (<c>recursion-depth</c>; default 64).</summary>
    public int RecursionDepth { get; init; } = 64;

    /// <summary>
    /// How many characters one string a template builds may have (<c>string-size</c>; default 1 MiB). A longer string
    /// stops the rendering with an error, never a silent cut; a template doubling a string stops at once.
    /// </summary>
    public int StringSize { get; init; } = 1024 * 1024;

    /// <summary>How many characters of XML one part may grow to (<c>output-size</c>; default 32 Mi characters).</summary>
    public int OutputSize { get; init; } = 32 * 1024 * 1024;

    /// <summary>How long one regular expression (<c>regex.match</c>, <c>regex.replace</c>…) may run (<c>regex-time</c>; default 1 s).</summary>
    public TimeSpan RegexTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one rendering may take, as a last resort behind the limits on work (<c>time</c>; default 10 minutes).
    /// It is the one limit a busy machine can reach, so its default is far above what the largest minutes need
    /// with many renderings at once.
    /// </summary>
    public TimeSpan Time { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The names of the limits, as the command line's <c>--limit NAME=VALUE</c> and the messages spell them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["work", "loop-iterations", "recursion-depth", "string-size", "output-size", "regex-time", "time"];

    /// <summary>These limits with the one called <paramref name="name"/> set to <paramref name="value"/>.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="value">The new value: characters for a size, milliseconds for a time, a count for the others.</param>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, or too large for the limit.</exception>
    public RenderLimits With(string name, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return name switch
        {
            "work" => this with { Work = value },
            "loop-iterations" => this with { LoopIterations = checked((int)value) },
            "recursion-depth" => this with { RecursionDepth = checked((int)value) },
            "string-size" => this with { StringSize = checked((int)value) },
            "output-size" => this with { OutputSize = checked((int)value) },
            "regex-time" => this with { RegexTime = TimeSpan.FromMilliseconds(value) },
            "time" => this with { Time = TimeSpan.FromMilliseconds(value) },
            _ => throw new ArgumentException($"there is no limit '{name}'; limits: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    /// <summary>True when the limit called <paramref name="name"/> is a time (given in milliseconds to <see cref="With"/>).</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    public static bool IsTime(string name) => name is "regex-time" or "time";

    /// <summary>The value of the limit called <paramref name="name"/>, as the messages write it.</summary>
    internal string Describe(string name) => name switch
    {
        "work" => Count(Work) + " steps, and 1 more for each 8 characters written",
        "loop-iterations" => Count(LoopIterations) + " iterations",
        "recursion-depth" => Count(RecursionDepth) + " nested calls",
        "string-size" => Count(StringSize) + " characters",
        "output-size" => Count(OutputSize) + " characters",
        "regex-time" => Seconds(RegexTime),
        "time" => Seconds(Time),
        _ => throw new ArgumentException($"there is no limit '{name}'", nameof(name)),
    };

    /// <summary>The words that end a message about an exceeded limit: its name, its value and how to raise it.</summary>
    internal string Exceeded(string name) =>
        $"the limit {name} is {Describe(name)}; raise it with --limit {name}=… or RenderLimits.{Property(name)}";

    /// <summary>The property of the limit called <paramref name="name"/>: <c>loop-iterations</c> is <see cref="LoopIterations"/>.</summary>
    private static string Property(string name) => string.Concat(name.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds >= 1
        ? time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
