using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;

namespace Minutes.Templating.Rendering;

/// <summary>Options for one rendering.</summary>
public sealed record RenderOptions
{
    /// <summary>The default options.</summary>
    public static RenderOptions Default { get; } = new();
}

/// <summary>The outcome of rendering: the document's bytes, or the problems that stopped it.</summary>
public sealed class RenderResult
{
    internal RenderResult(byte[]? bytes, IReadOnlyList<Diagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
        Succeeded = bytes is not null && !diagnostics.Any(d => d.IsError);
        _bytes = Succeeded ? bytes : null;
    }

    private readonly byte[]? _bytes;

    /// <summary>True when a document was produced.</summary>
    public bool Succeeded { get; }

    /// <summary>Every error and warning from the template.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The .docx bytes.</summary>
    /// <exception cref="InvalidOperationException">The rendering failed.</exception>
    public byte[] ToArray() => (byte[])(_bytes ?? throw new InvalidOperationException("The rendering failed; see Diagnostics.")).Clone();

    /// <summary>Writes the .docx atomically: to a temporary file beside <paramref name="path"/>, then moved into place.</summary>
    /// <param name="path">The file to write.</param>
    public void Save(string path) => throw new NotImplementedException(path);
}

/// <summary>A Word template, compiled once and reusable from many threads.</summary>
public sealed class WordTemplate
{
    private WordTemplate(string name) => Name = name;

    /// <summary>The names of the templates built into the library.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["verslag"];

    /// <summary>The template's name (a built-in name or the file name).</summary>
    public string Name { get; }

    /// <summary>Problems found in the template itself.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = [];

    /// <summary>True when the template has errors and cannot render.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Loads a built-in template by name.</summary>
    /// <param name="name">One of <see cref="BuiltInNames"/>.</param>
    public static WordTemplate BuiltIn(string name) => new(name);

    /// <summary>Loads a template from a .docx, .dotx or Flat OPC .xml file.</summary>
    /// <param name="path">The file's path.</param>
    public static WordTemplate Load(string path) => new(path);

    /// <summary>Renders minutes with this template.</summary>
    /// <param name="minutes">The minutes.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    public RenderResult Render(MinutesDocument minutes, RenderOptions? options = null) => throw new NotImplementedException();
}
