using System.Collections.Concurrent;
using System.Xml.Linq;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Packaging;

namespace Minutes.Templating.Engine;

/// <summary>
/// A template as loaded: its package, its parts compiled, its list numbering and its labels, with the problems
/// found. Shared by every rendering, from any thread.
/// </summary>
internal sealed class CompiledTemplate
{
    /// <summary>The template's zip entries, deflated once on first use and copied as they are into every document.</summary>
    private readonly Lazy<IReadOnlyList<CompressedEntry>> _compressed;

    /// <summary>The styles part for each document language rendered so far; null where the template's own will do.</summary>
    private readonly ConcurrentDictionary<string, byte[]?> _stylesByLanguage = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The text width and the first free footnote id, read from the package once: every rendering starts from them.</summary>
    private readonly Lazy<(long TextWidth, int FirstFootnoteId)> _start;

    public CompiledTemplate(TemplatePackage? package, IReadOnlyList<CompiledPart> parts, Numbering numbering, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? labels, string? description, IReadOnlyList<Diagnostic> diagnostics)
    {
        Package = package;
        _compressed = new(() => package is null ? [] : PackageWriter.Compress(package.Entries));
        _start = new(() => (
            RichContent.TextWidth(ReadPart(MainEntry)),
            RichContent.FirstFootnoteId(Package!.Entry(Package.Parts.FirstOrDefault(p => p.Kind == "footnotes").EntryName))));
        Parts = parts;
        Numbering = numbering;
        Labels = labels;
        Description = description;
        Diagnostics = diagnostics;
    }

    /// <summary>The template's package; null when it could not be read.</summary>
    public TemplatePackage? Package { get; }

    /// <summary>The parts with tags, compiled, in the order they render.</summary>
    public IReadOnlyList<CompiledPart> Parts { get; }

    /// <summary>The template's list numbering.</summary>
    public Numbering Numbering { get; }

    /// <summary>The template's own labels (language → label → text), or null.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Labels { get; }

    /// <summary>What the template is for, from its document properties.</summary>
    public string? Description { get; }

    /// <summary>Problems found in the template.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The global object holding the organisation's own functions (<c>house</c>), read-only; null when none are registered.</summary>
    public Scriban.Runtime.ScriptObject? House { get; init; }

    /// <summary>The main document part's entry name, such as <c>word/document.xml</c>; only of a template that read.</summary>
    public string MainEntry => Package!.Parts.First(p => p.Kind == "document").EntryName;

    /// <summary>The text width (page width less margins) of the main part's last section, in EMU; only of a template that read.</summary>
    public long TextWidth => _start.Value.TextWidth;

    /// <summary>The first footnote id the template's footnotes part leaves free; only of a template that read.</summary>
    public int FirstFootnoteId => _start.Value.FirstFootnoteId;

    /// <summary>The template's zip entries, deflated.</summary>
    public IReadOnlyList<CompressedEntry> Compressed => _compressed.Value;

    /// <summary>A template that cannot render, with the problems that say why.</summary>
    public static CompiledTemplate Failed(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? labels, IReadOnlyList<Diagnostic> diagnostics) =>
        new(null, [], Numbering.Read(null, null), labels, null, diagnostics);

    /// <summary>A part of the template's package as XML; null when the package has no such entry.</summary>
    public XDocument? ReadPart(string? entryName) => ReadXml(Package?.Entry(entryName));

    /// <summary>The styles part declaring <paramref name="language"/> as the document's language, or null when the template's declares it already.</summary>
    public byte[]? StylesFor(string language) =>
        _stylesByLanguage.GetOrAdd(language, l => DocumentLanguage.Apply(ReadPart(Package?.StylesEntry), l) is { } styles ? OutputFixer.Serialize(styles) : null);

    /// <summary>An entry's bytes as XML; null for no entry.</summary>
    public static XDocument? ReadXml(byte[]? data) => data is null ? null : SafeXml.Load(data, "part");
}
