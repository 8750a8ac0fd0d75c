using MetadataExtractor;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Util;
using Minutes.Templating.Model;

namespace Minutes.Templating.Parsing;

/// <summary>
/// Reads the picture of an <c>image:</c> point from beside the minutes, within the limits every input
/// has: the file must lie inside the minutes' folder, be a PNG or JPEG, and stay within
/// <see cref="MaxBytes"/> and <see cref="MaxPixels"/>.
/// </summary>
internal static class ImageReader
{
    /// <summary>The largest picture file read: 10 MiB.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most pixels a picture may have: 50 million (a 10 000 × 5 000 picture).</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>The outcome of reading a picture: the file, or the reason it cannot be used and its code.</summary>
    public readonly record struct Outcome(ImageFile? Image, string? Code, string? Message);

    /// <summary>Reads <paramref name="path"/> (as written in the minutes) relative to <paramref name="folder"/>.</summary>
    public static Outcome Read(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Path.IsPathRooted(path) || path.Contains('\\', StringComparison.Ordinal))
        {
            return Fail(Diagnostics.DiagnosticCodes.ImageOutsideFolder, $"image '{path}' must be a path relative to the minutes file, with '/' between folders");
        }

        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Fail(Diagnostics.DiagnosticCodes.ImageOutsideFolder, $"image '{path}' lies outside the minutes' folder; keep pictures in the folder of the minutes file or below it");
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return Fail(Diagnostics.DiagnosticCodes.ImageNotFound, $"image '{path}' does not exist in the folder of the minutes file");
        }

        // A link may point out of the folder; only the file itself, where it really is, counts.
        if (info.ResolveLinkTarget(returnFinalTarget: true) is { } target
            && !Path.GetFullPath(target.FullName).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Fail(Diagnostics.DiagnosticCodes.ImageOutsideFolder, $"image '{path}' is a link to a file outside the minutes' folder");
        }

        if (info.Length > MaxBytes)
        {
            return Fail(Diagnostics.DiagnosticCodes.ImageTooLarge, $"image '{path}' is {info.Length / 1024 / 1024} MiB; the limit is {MaxBytes / 1024 / 1024} MiB");
        }

        byte[] data;
        try
        {
            data = File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(Diagnostics.DiagnosticCodes.ImageNotFound, $"image '{path}' cannot be read: {ex.Message}");
        }

        return Read(path, data);
    }

    /// <summary>Checks a picture's bytes: PNG or JPEG, with a size within the limits.</summary>
    public static Outcome Read(string path, byte[] data)
    {
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            var type = FileTypeDetector.DetectFileType(stream);
            stream.Position = 0;
            (ImageFormat Format, int Width, int Height)? found = type switch
            {
                FileType.Png => Size(ImageFormat.Png, PngMetadataReader.ReadMetadata(stream).OfType<PngDirectory>(), PngDirectory.TagImageWidth, PngDirectory.TagImageHeight),
                FileType.Jpeg => Size(ImageFormat.Jpeg, JpegMetadataReader.ReadMetadata(stream, [new JpegReader()]).OfType<JpegDirectory>(), JpegDirectory.TagImageWidth, JpegDirectory.TagImageHeight),
                _ => null,
            };
            if (found is not { } image)
            {
                var what = type is FileType.Png or FileType.Jpeg ? "a damaged " + type.ToString().ToUpperInvariant() : "not a PNG or JPEG picture";
                return Fail(Diagnostics.DiagnosticCodes.ImageFormat, $"image '{path}' is {what}; use a PNG or JPEG file");
            }

            if (image.Width <= 0 || image.Height <= 0 || (long)image.Width * image.Height > MaxPixels)
            {
                return Fail(Diagnostics.DiagnosticCodes.ImageTooLarge, $"image '{path}' is {image.Width} × {image.Height} pixels; the limit is {MaxPixels / 1_000_000} million pixels");
            }

            return new Outcome(new ImageFile { Path = path, Format = image.Format, PixelWidth = image.Width, PixelHeight = image.Height, Data = data }, null, null);
        }
        catch (Exception ex) when (ex is ImageProcessingException or IOException or ArgumentException or InvalidOperationException
            or IndexOutOfRangeException or OverflowException or FormatException or NotSupportedException)
        {
            return Fail(Diagnostics.DiagnosticCodes.ImageFormat, $"image '{path}' cannot be read as a PNG or JPEG picture: {ex.Message}");
        }
    }

    private static (ImageFormat, int, int)? Size<T>(ImageFormat format, IEnumerable<T> directories, int widthTag, int heightTag)
        where T : MetadataExtractor.Directory
    {
        foreach (var directory in directories)
        {
            if (directory.TryGetInt32(widthTag, out var width) && directory.TryGetInt32(heightTag, out var height))
            {
                return (format, width, height);
            }
        }

        return null;
    }

    private static Outcome Fail(string code, string message) => new(null, code, message);
}
