using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Minutes.Templating.Packaging;

/// <summary>A zip entry compressed once, ready to be copied as it is into every package written.</summary>
/// <param name="Name">The entry's name.</param>
/// <param name="Data">The entry's bytes as stored: deflated, or as they are when empty.</param>
/// <param name="Crc">The CRC-32 of the uncompressed bytes.</param>
/// <param name="Length">The uncompressed length.</param>
internal sealed record CompressedEntry(string Name, byte[] Data, uint Crc, int Length)
{
    /// <summary>True for a name in ASCII; any other is stored as UTF-8, with the flag that says so.</summary>
    public bool NameIsAscii { get; } = Ascii.IsValid(Name);

    /// <summary>The name as the zip stores it (ASCII is UTF-8 too).</summary>
    public byte[] EncodedName { get; } = Encoding.UTF8.GetBytes(Name);

    /// <summary>The general purpose flags: the UTF-8 flag for a name that is not ASCII.</summary>
    public ushort Flags => NameIsAscii ? (ushort)0 : PackageWriter.Utf8Names;

    /// <summary>The bytes the entry takes in the zip: its local header, name and data, and its central directory record.</summary>
    public int ZipSize => PackageWriter.LocalHeaderSize + PackageWriter.CentralHeaderSize + (2 * EncodedName.Length) + Data.Length;
}

/// <summary>
/// Writes the .docx zip: the template's entries in a fixed order, the rendered parts in place of
/// theirs, every entry with the same timestamp, so that the same input gives the same bytes.
/// </summary>
/// <remarks>
/// The template's entries are deflated once (<see cref="Compress(string, ReadOnlySpan{byte})"/>) and their compressed bytes copied into
/// every package; only the rendered parts are deflated per document. The zip is laid out byte for byte as
/// <see cref="ZipArchive"/> lays it out (no data descriptors, no extra fields, Unix file attributes), which
/// cannot copy compressed bytes from one archive into another.
/// </remarks>
internal static class PackageWriter
{
    private const ushort VersionDeflate = 20;
    private const ushort MadeByUnix = 3 << 8;
    /// <summary>The general purpose flag of a name encoded as UTF-8.</summary>
    internal const ushort Utf8Names = 1 << 11;

    /// <summary>The size of a local file header, without the name.</summary>
    internal const int LocalHeaderSize = 30;

    /// <summary>The size of a central directory record, without the name.</summary>
    internal const int CentralHeaderSize = 46;

    /// <summary>The size of the end of central directory record.</summary>
    private const int EndSize = 22;
    private const ushort MethodDeflate = 8;
    private const ushort MethodStored = 0;

    /// <summary>A regular file readable by all, writable by its owner (<c>-rw-r--r--</c>), in the high half.</summary>
    private const uint FileAttributes = 0x81A4u << 16;

    /// <summary>
    /// The timestamp of every entry: <c>SOURCE_DATE_EPOCH</c> when set (reproducible-builds convention),
    /// otherwise 1 January 1980, the earliest a zip can hold.
    /// </summary>
    public static DateTimeOffset Timestamp { get; } = ReadTimestamp();

    /// <summary>The moment <c>SOURCE_DATE_EPOCH</c> names, when it is set.</summary>
    public static DateTimeOffset? SourceDate { get; } = ReadSourceDate();

    /// <summary>The timestamp as a zip stores it: DOS time in the low half, DOS date in the high half.</summary>
    private static readonly uint DosTimestamp = ToDos(Timestamp);

    /// <summary>The most bytes a compressed entry's buffer starts with: below the large object heap (85,000 bytes).</summary>
    private const int MostFirstCompressed = 32 * 1024;

    /// <summary>Deflates an entry's bytes once (an empty entry is stored), as <see cref="ZipArchive"/> would with <see cref="CompressionLevel.Optimal"/>.</summary>
    /// <remarks>
    /// A gzip stream is a deflate stream with a 10-byte header before it and the CRC-32 and length of the data
    /// after it, the CRC a zip entry needs too: one pass gives both.
    /// </remarks>
    public static CompressedEntry Compress(string name, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return new CompressedEntry(name, [], 0, 0);
        }

        // XML deflates to between a fifth (a short part) and a fiftieth (a long one) of its size: a third, up to a size
        // below the large object heap, is room enough for most parts, and a long one grows from there.
        using var compressed = new MemoryStream(Math.Min(data.Length / 3, MostFirstCompressed) + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        var gz = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        const int Header = 10, Trailer = 8;
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(gz[^Trailer..]);
        return new CompressedEntry(name, gz[Header..^Trailer].ToArray(), crc, data.Length);
    }

    /// <summary>Compresses each of a template's entries once.</summary>
    public static IReadOnlyList<CompressedEntry> Compress(IReadOnlyList<KeyValuePair<string, byte[]>> entries) =>
        entries.Select(e => Compress(e.Key, e.Value)).ToArray();

    /// <summary>
    /// The package: the template's entries in their order, each replaced by its rendered bytes when
    /// <paramref name="replaced"/> has them; then the rendered entries the template lacks, in name order.
    /// </summary>
    /// <remarks>Its size is known once the rendered entries are deflated: it is written into one array of that size.</remarks>
    public static byte[] Write(IReadOnlyList<CompressedEntry> entries, IReadOnlyDictionary<string, byte[]> replaced)
    {
        var stored = new List<CompressedEntry>(entries.Count + replaced.Count);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            written.Add(entry.Name);
            stored.Add(replaced.TryGetValue(entry.Name, out var rendered) ? Compress(entry.Name, rendered) : entry);
        }

        foreach (var (name, data) in replaced.Where(r => !written.Contains(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            stored.Add(Compress(name, data));
        }

        var size = EndSize;
        foreach (var entry in stored)
        {
            size = checked(size + entry.ZipSize);
        }

        var package = new byte[size];
        using var output = new MemoryStream(package, writable: true);
        Write(output, stored);
        return package;
    }

    /// <summary>Writes the package to <paramref name="output"/>, as <see cref="Write(IReadOnlyList{CompressedEntry}, IReadOnlyDictionary{string, byte[]})"/> makes it.</summary>
    public static void Write(Stream output, IReadOnlyList<CompressedEntry> entries, IReadOnlyDictionary<string, byte[]> replaced) =>
        output.Write(Write(entries, replaced));

    /// <summary>Writes the entries as they are stored, then the central directory.</summary>
    private static void Write(Stream output, List<CompressedEntry> stored)
    {
        var offsets = new long[stored.Count];
        for (var i = 0; i < stored.Count; i++)
        {
            offsets[i] = output.Position;
            WriteLocal(output, stored[i]);
        }

        var directoryStart = output.Position;
        for (var i = 0; i < stored.Count; i++)
        {
            WriteCentral(output, stored[i], offsets[i]);
        }

        var directoryLength = output.Position - directoryStart;
        Span<byte> end = stackalloc byte[EndSize];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[4..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[6..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], checked((ushort)stored.Count));
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], checked((ushort)stored.Count));
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], checked((uint)directoryLength));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], checked((uint)directoryStart));
        BinaryPrimitives.WriteUInt16LittleEndian(end[20..], 0);
        output.Write(end);
    }

    private static void WriteLocal(Stream output, CompressedEntry entry)
    {
        var (name, flags) = (entry.EncodedName, entry.Flags);
        Span<byte> header = stackalloc byte[LocalHeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionDeflate);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], entry.Length == 0 ? MethodStored : MethodDeflate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[10..], DosTimestamp);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], checked((uint)entry.Data.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], checked((uint)entry.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], checked((ushort)name.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0);
        output.Write(header);
        output.Write(name);
        output.Write(entry.Data);
    }

    private static void WriteCentral(Stream output, CompressedEntry entry, long offset)
    {
        var (name, flags) = (entry.EncodedName, entry.Flags);
        Span<byte> header = stackalloc byte[CentralHeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], MadeByUnix | VersionDeflate);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], VersionDeflate);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], entry.Length == 0 ? MethodStored : MethodDeflate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], DosTimestamp);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], entry.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], checked((uint)entry.Data.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], checked((uint)entry.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], checked((ushort)name.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[36..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[38..], FileAttributes);
        BinaryPrimitives.WriteUInt32LittleEndian(header[42..], checked((uint)offset));
        output.Write(header);
        output.Write(name);
    }

    private static uint ToDos(DateTimeOffset timestamp)
    {
        var t = timestamp.DateTime;
        var time = (t.Hour << 11) | (t.Minute << 5) | (t.Second / 2);
        var date = ((t.Year - 1980) << 9) | (t.Month << 5) | t.Day;
        return (uint)((date << 16) | time);
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
