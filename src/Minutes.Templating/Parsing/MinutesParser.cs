using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;

namespace Minutes.Templating.Parsing;

/// <summary>The outcome of parsing minutes: the document when it could be read, and every problem found.</summary>
public sealed class MinutesParseResult
{
    internal MinutesParseResult(MinutesDocument? document, IReadOnlyList<Diagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(d => d.IsError);
        Document = HasErrors ? null : document;
    }

    /// <summary>The parsed minutes; null when there is any error.</summary>
    public MinutesDocument? Document { get; }

    /// <summary>Every error and warning, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an error (and <see cref="Document"/> is null).</summary>
    public bool HasErrors { get; }
}

/// <summary>Reads minutes written in YAML (contract version 1) into a <see cref="MinutesDocument"/>.</summary>
/// <remarks>
/// <para>Every problem is reported at once, each with a stable code (<c>MT1xxx</c>, see <see cref="Diagnostics.DiagnosticCodes"/>) and a
/// 1-based line and column. Input over 4 MiB, nesting deeper than 64 levels or more than 100 000
/// YAML nodes is refused with one error; YAML aliases, custom tags and several documents in one
/// file are not supported, so alias expansion cannot blow up.</para>
/// <para>When <c>organisations</c> is given, an <c>org</c> that is not one of its keys is a warning. A
/// point's <c>by</c> and an action's <c>owner</c> may also name a person in free text, so they are
/// only warned about when the value is a single token without spaces, as an abbreviation is.</para>
/// <para>The picture of an <c>image:</c> point is read while parsing, from the folder of the file name given
/// (relative names from the current folder), and must lie inside that folder: PNG or JPEG, at most 10 MiB
/// and 50 million pixels.</para>
/// </remarks>
public static class MinutesParser
{
    /// <summary>Parses minutes from YAML text. Bad input is reported in the result, never thrown.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name used in diagnostics; pictures are looked for in its folder.</param>
    public static MinutesParseResult Parse(string yaml, string fileName = "minutes.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return Parse(yaml, fileName, ReadLimits.Default);
    }

    /// <summary>Parses minutes from a stream of UTF-8 YAML.</summary>
    /// <param name="stream">The stream to read.</param>
    /// <param name="fileName">The name used in diagnostics; pictures are looked for in its folder.</param>
    public static MinutesParseResult Parse(Stream stream, string fileName = "minutes.yaml") => Parse(stream, fileName, ReadLimits.Default);

    /// <summary>
    /// Parses minutes from a stream of UTF-8 YAML, reading no more than <see cref="ReadLimits.MinutesSize"/>
    /// bytes of it: a larger file, or an endless stream, is one error (MT1012). Bytes that are not UTF-8 are an
    /// error (MT1001) at their line and column.
    /// </summary>
    /// <param name="stream">The stream to read.</param>
    /// <param name="fileName">The name used in diagnostics; pictures are looked for in its folder.</param>
    /// <param name="limits">The limits; only <see cref="ReadLimits.MinutesSize"/> applies.</param>
    public static MinutesParseResult Parse(Stream stream, string fileName, ReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(limits);
        var diagnostics = new List<Diagnostic>();
        return YamlTree.ReadText(stream, fileName, limits.MinutesSize, diagnostics) is { } text
            ? Parse(text, fileName, limits)
            : new MinutesParseResult(null, diagnostics);
    }

    /// <summary>
    /// Parses minutes from a YAML file. Every problem is a diagnostic, also a file that does not exist or cannot be
    /// read (MT1018, at line 1, column 1): nothing is thrown for the file or its content.
    /// </summary>
    /// <param name="path">The file's path, also used in diagnostics.</param>
    public static MinutesParseResult ParseFile(string path) => ParseFile(path, ReadLimits.Default);

    /// <summary>Parses minutes from a YAML file, within <paramref name="limits"/> (see <see cref="Parse(Stream, string, ReadLimits)"/> and <see cref="ParseFile(string)"/>).</summary>
    /// <param name="path">The file's path, also used in diagnostics.</param>
    /// <param name="limits">The limits; only <see cref="ReadLimits.MinutesSize"/> applies.</param>
    public static MinutesParseResult ParseFile(string path, ReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        byte[]? bytes;
        try
        {
            using var stream = File.OpenRead(path);
            bytes = ReadLimits.ReadAll(stream, limits.MinutesSize);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return Unreadable(path, e);
        }

        return Parse(bytes, path, limits);
    }

    /// <summary>Parses the bytes of a file read within the limit (null: the limit was passed).</summary>
    private static MinutesParseResult Parse(byte[]? bytes, string fileName, ReadLimits limits)
    {
        var diagnostics = new List<Diagnostic>();
        return YamlTree.Decode(bytes, fileName, limits.MinutesSize, diagnostics) is { } text
            ? Parse(text, fileName, limits)
            : new MinutesParseResult(null, diagnostics);
    }

    private static bool IsUnreadable(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    /// <summary>A file that could not be opened or read, as one diagnostic saying why.</summary>
    private static MinutesParseResult Unreadable(string path, Exception e)
    {
        var reason = e switch
        {
            _ when Directory.Exists(path) => "this is a folder, not a minutes file",
            FileNotFoundException or DirectoryNotFoundException => "the file does not exist",
            UnauthorizedAccessException => "the file may not be read (permission denied)",
            _ => "the file cannot be read: " + e.Message,
        };
        return new MinutesParseResult(null, [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.UnreadableFile, reason, new SourceLocation(path, 1, 1))]);
    }

    private static MinutesParseResult Parse(string yaml, string fileName, ReadLimits limits)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlTree.Read(yaml, fileName, diagnostics, out var truncated, limits.MinutesSize);
        var document = MinutesReader.Read(root, yaml, fileName, diagnostics, truncated);
        var ordered = diagnostics
            .OrderBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();
        return new MinutesParseResult(document, ordered);
    }

    /// <summary>
    /// Parses minutes from a stream of UTF-8 YAML, reading it asynchronously (as ASP.NET Core requires of a request
    /// body), no further than <see cref="ReadLimits.MinutesSize"/> of the default limits (see
    /// <see cref="Parse(Stream, string, ReadLimits)"/>).
    /// </summary>
    /// <param name="stream">The stream to read.</param>
    /// <param name="fileName">The name used in diagnostics; pictures are looked for in its folder.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<MinutesParseResult> ParseAsync(Stream stream, string fileName = "minutes.yaml", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var limits = ReadLimits.Default;
        return Parse(await ReadLimits.ReadAllAsync(stream, limits.MinutesSize, cancellationToken).ConfigureAwait(false), fileName, limits);
    }

    /// <summary>
    /// Parses minutes from a YAML file, reading it asynchronously within the default limits; like
    /// <see cref="ParseFile(string)"/>, it throws nothing for the file or its content.
    /// </summary>
    /// <param name="path">The file's path, also used in diagnostics.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<MinutesParseResult> ParseFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var limits = ReadLimits.Default;
        byte[]? bytes;
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                bytes = await ReadLimits.ReadAllAsync(stream, limits.MinutesSize, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return Unreadable(path, e);
        }

        return Parse(bytes, path, limits);
    }
}
