using Minutes.Templating.Diagnostics;
using Minutes.Templating.Redaction;

namespace Minutes.Templating.Rendering;

/// <summary>The outcome of rendering: the document's bytes, or the problems that stopped it.</summary>
public sealed class RenderResult
{
    private readonly byte[]? _bytes;

    /// <summary>
    /// The outcome of a rendering. Every rendering path ends here, so the last check of a publication version runs
    /// on every package before it can be taken: when <paramref name="withheld"/> is not empty and the package still
    /// holds any of it, there is no document, only the errors naming the parts.
    /// </summary>
    /// <param name="bytes">The finished package, or null when the rendering failed.</param>
    /// <param name="diagnostics">The rendering's diagnostics.</param>
    /// <param name="withheld">What the version withholds (<see cref="Withheld.None"/> for the internal version).</param>
    /// <param name="template">The template's name, for the place of the last check's errors.</param>
    internal RenderResult(byte[]? bytes, IReadOnlyList<Diagnostic> diagnostics, Withheld withheld, string template)
    {
        if (bytes is not null && !diagnostics.Any(d => d.IsError) && PackageCheck.Check(bytes, withheld, template) is { Count: > 0 } leaks)
        {
            diagnostics = [.. diagnostics, .. leaks];
            bytes = null;
        }

        Diagnostics = diagnostics;
        Succeeded = bytes is not null && !diagnostics.Any(d => d.IsError);
        _bytes = Succeeded ? bytes : null;
    }

    /// <summary>True when a document was produced.</summary>
    public bool Succeeded { get; }

    /// <summary>Every error and warning from the template.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>A copy of the .docx bytes.</summary>
    /// <exception cref="InvalidOperationException">The rendering failed; see <see cref="Diagnostics"/>.</exception>
    public byte[] ToArray() => (byte[])Bytes.Clone();

    /// <summary>Writes the .docx to a stream.</summary>
    /// <param name="stream">The stream to write to.</param>
    /// <exception cref="InvalidOperationException">The rendering failed; see <see cref="Diagnostics"/>.</exception>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Bytes);
    }

    /// <summary>Writes the .docx to a stream asynchronously (as ASP.NET Core requires of a response body).</summary>
    /// <param name="stream">The stream to write to.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <exception cref="InvalidOperationException">The rendering failed; see <see cref="Diagnostics"/>.</exception>
    public Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.WriteAsync(Bytes, cancellationToken).AsTask();
    }

    /// <summary>
    /// Writes the .docx to <paramref name="path"/> atomically: to a temporary file in the same folder,
    /// then moved into place, so a failure never leaves a half-written or clobbered file.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <exception cref="InvalidOperationException">The rendering failed; see <see cref="Diagnostics"/>.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Bytes;
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private byte[] Bytes => _bytes ?? throw new InvalidOperationException("The rendering failed; see Diagnostics.");
}
