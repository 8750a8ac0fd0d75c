using System.Globalization;
using System.IO.Compression;

namespace Minutes.Templating.Packaging;

/// <summary>
/// Writes the .docx zip: the template's entries in a fixed order, the rendered parts in place of
/// theirs, every entry with the same timestamp, so that the same input gives the same bytes.
/// </summary>
internal static class PackageWriter
{
    /// <summary>
    /// The timestamp of every entry: <c>SOURCE_DATE_EPOCH</c> when set (reproducible-builds convention),
    /// otherwise 1 January 1980, the earliest a zip can hold.
    /// </summary>
    public static DateTimeOffset Timestamp { get; } = ReadTimestamp();

    /// <summary>The moment <c>SOURCE_DATE_EPOCH</c> names, when it is set.</summary>
    public static DateTimeOffset? SourceDate { get; } = ReadSourceDate();

    public static void Write(Stream output, IReadOnlyList<KeyValuePair<string, byte[]>> entries, IReadOnlyDictionary<string, byte[]> replaced)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, data) in entries)
        {
            Add(zip, name, replaced.TryGetValue(name, out var rendered) ? rendered : data);
        }

        foreach (var (name, data) in replaced.Where(r => !entries.Any(e => e.Key == r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Add(zip, name, data);
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] data)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Timestamp;
        using var stream = entry.Open();
        stream.Write(data);
    }

    private static DateTimeOffset ReadTimestamp()
    {
        var minimum = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return ReadSourceDate() is { } value && value >= minimum ? value : minimum;
    }

    private static DateTimeOffset? ReadSourceDate()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? new DateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 4102444800)).UtcDateTime.Ticks, TimeSpan.Zero)
            : null;
    }
}
