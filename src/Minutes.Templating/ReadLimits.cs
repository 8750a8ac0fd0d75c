using System.Globalization;

namespace Minutes.Templating;

/// <summary>
/// How much the library reads of a file before it stops: checked while reading, before any work is done
/// with the content, so that a zip bomb, a huge file or an endless stream is refused quickly and in little
/// memory. Every default is far above what a real template or minutes file needs; raise one with
/// <c>with</c> (<c>ReadLimits.Default with { TemplateSize = 512L * 1024 * 1024 }</c>) or, on the command
/// line, with <c>--limit NAME=VALUE</c>, where NAME is the one given in each property's description.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>The default limits.</summary>
    public static ReadLimits Default { get; } = new();

    /// <summary>The largest minutes file, in bytes (<c>minutes-size</c>; default 4 MiB).</summary>
    public long MinutesSize { get; init; } = 4L * 1024 * 1024;

    /// <summary>The largest template file, in bytes, as stored (<c>template-size</c>; default 64 MiB).</summary>
    public long TemplateSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most zip entries a template may have (<c>template-entries</c>; default 2,000).</summary>
    public int TemplateEntries { get; init; } = 2_000;

    /// <summary>The largest one part of a template may be once decompressed, in bytes (<c>part-size</c>; default 64 MiB).</summary>
    public long PartSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>The largest all parts of a template together may be once decompressed, in bytes (<c>unpacked-size</c>; default 256 MiB).</summary>
    public long UnpackedSize { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// How many times larger than its compressed size a part may become once decompressed
    /// (<c>compression-ratio</c>; default 100). Parts smaller than 1 MiB are not held to it.
    /// </summary>
    public int CompressionRatio { get; init; } = 100;

    /// <summary>The names of the limits, as the command line's <c>--limit NAME=VALUE</c> and the messages spell them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["minutes-size", "template-size", "template-entries", "part-size", "unpacked-size", "compression-ratio"];

    /// <summary>These limits with the one called <paramref name="name"/> set to <paramref name="value"/>.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="value">The new value: bytes for a size, a count for the others.</param>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, or too large for the limit.</exception>
    public ReadLimits With(string name, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return name switch
        {
            "minutes-size" => this with { MinutesSize = value },
            "template-size" => this with { TemplateSize = value },
            "template-entries" => this with { TemplateEntries = checked((int)value) },
            "part-size" => this with { PartSize = value },
            "unpacked-size" => this with { UnpackedSize = value },
            "compression-ratio" => this with { CompressionRatio = checked((int)value) },
            _ => throw new ArgumentException($"there is no limit '{name}'; limits: {string.Join(", ", Names)}", nameof(name)),
        };
    }

    /// <summary>The words that end a message about an exceeded limit: its name, its value and how to raise it.</summary>
    internal static string Exceeded(string name, long value, bool bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"the limit {name} is {(bytes ? Size(value) : value.ToString("N0", CultureInfo.InvariantCulture))} (raise it with --limit {name}=… or ReadLimits)");

    /// <summary>A size in bytes as people read it: 4 MiB, 300 KiB, 12 bytes.</summary>
    internal static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        >= 1024 when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };

    /// <summary>
    /// Reads a stream to its end, or stops as soon as it passes <paramref name="limit"/> bytes and returns null:
    /// an endless stream (<c>/dev/zero</c>) or a huge file costs no more than the limit.
    /// </summary>
    internal static byte[]? ReadAll(Stream input, long limit)
    {
        if (input.CanSeek && input.Length - input.Position > limit)
        {
            return null;
        }

        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>The asynchronous form of <see cref="ReadAll"/>, which never reads the stream synchronously.</summary>
    internal static async Task<byte[]?> ReadAllAsync(Stream input, long limit, CancellationToken cancellationToken)
    {
        if (input.CanSeek && input.Length - input.Position > limit)
        {
            return null;
        }

        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > limit)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
