using Minutes.Templating.Comparison;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Engine;
using Minutes.Templating.Localization;
using Minutes.Templating.Model;
using Minutes.Templating.Packaging;
using Minutes.Templating.Redaction;
using Minutes.Templating.TemplateModel;

namespace Minutes.Templating.Rendering;

/// <summary>
/// A Word template: a .docx, .dotx or Flat OPC .xml with Scriban tags typed in its text. Loading
/// compiles it once; <see cref="Render"/> can then be called many times, from many threads.
/// Problems in the template are in <see cref="Diagnostics"/>, all of them, never thrown.
/// </summary>
public sealed class WordTemplate
{
    private readonly CompiledTemplate _compiled;

    private WordTemplate(string name, CompiledTemplate compiled)
    {
        Name = name;
        _compiled = compiled;
    }

    /// <summary>What the template is for, from its document properties (File › Properties › Comments in Word).</summary>
    public string? Description => _compiled.Description;

    /// <summary>The names of the templates built into the library.</summary>
    public static IReadOnlyList<string> BuiltInNames => TemplateSources.BuiltInNames;

    /// <summary>The template's name: a built-in name or the file name.</summary>
    public string Name { get; }

    /// <summary>Problems found in the template itself, each with its part, paragraph and place in the tag.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _compiled.Diagnostics;

    /// <summary>True when the template has errors and cannot render.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Loads a built-in template.</summary>
    /// <param name="name">One of <see cref="BuiltInNames"/>.</param>
    /// <exception cref="ArgumentException">No built-in template has that name.</exception>
    public static WordTemplate BuiltIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = TemplateSources.OpenBuiltIn(name, ".xml")
            ?? throw new ArgumentException($"There is no built-in template '{name}'; built in: {string.Join(", ", BuiltInNames)}.", nameof(name));
        using var labels = TemplateSources.OpenBuiltIn(name, ".labels.yaml");
        return Load(stream, name, labels);
    }

    /// <summary>
    /// Loads a template from a .docx, .dotx or Flat OPC .xml file, or from a folder holding one such
    /// file. The template's own labels come from <c>labels.yaml</c> in the folder, or from
    /// <c>NAME.labels.yaml</c> beside the file.
    /// </summary>
    /// <param name="path">The file's or folder's path.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static WordTemplate Load(string path) => Load(path, TemplateOptions.Default);

    /// <summary>
    /// Loads a template from a file or folder, as <see cref="Load(string)"/>, with options: how much of it may be read
    /// (<see cref="TemplateOptions.Limits"/>) and the organisation's own functions it may call (<see cref="TemplateOptions.Functions"/>).
    /// </summary>
    /// <param name="path">The file's or folder's path.</param>
    /// <param name="options">The limits and the house functions.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static WordTemplate Load(string path, TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var location = TemplateSources.Locate(path);
        if (location.Problem is { } problem)
        {
            return new WordTemplate(path, CompiledTemplate.Failed(null, [TemplateDiagnostics.AtFile(path, DiagnosticCodes.InvalidTemplatePackage, problem)]));
        }

        using var stream = File.OpenRead(location.TemplatePath);
        using var labels = File.Exists(location.LabelsPath) ? File.OpenRead(location.LabelsPath) : null;
        return Load(stream, Path.GetFileName(location.TemplatePath), labels, labels is null ? null : Path.GetFileName(location.LabelsPath), options);
    }

    /// <summary>Loads a template from a stream holding a .docx, .dotx or Flat OPC .xml.</summary>
    /// <param name="stream">The template's bytes.</param>
    /// <param name="name">The name used in diagnostics.</param>
    public static WordTemplate Load(Stream stream, string name) => Load(stream, name, null);

    /// <summary>Loads a template, with its own labels, from streams.</summary>
    /// <param name="stream">The template's bytes: a .docx, .dotx or Flat OPC .xml.</param>
    /// <param name="name">The name used in diagnostics.</param>
    /// <param name="labels">A labels file (YAML: language → label → text), or null.</param>
    /// <param name="labelsName">The labels file's name in diagnostics; null for <c>NAME.labels.yaml</c>.</param>
    /// <param name="options">
    /// How much of the template may be read and the organisation's own functions it may call; null for
    /// <see cref="TemplateOptions.Default"/> (<see cref="ReadLimits.Default"/>, no house functions).
    /// </param>
    public static WordTemplate Load(Stream stream, string name, Stream? labels, string? labelsName = null, TemplateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        options ??= TemplateOptions.Default;
        return new WordTemplate(name, TemplateCompiler.Compile(stream, name, labels, labelsName, options.Limits, options.Functions));
    }

    /// <summary>
    /// Loads a template, with its own labels, from streams read asynchronously (as ASP.NET Core requires of a request
    /// body). At most the template size of the options' limits is read, and one byte more to know it is too large.
    /// </summary>
    /// <param name="stream">The template's bytes: a .docx, .dotx or Flat OPC .xml.</param>
    /// <param name="name">The name used in diagnostics.</param>
    /// <param name="labels">A labels file (YAML: language → label → text), or null.</param>
    /// <param name="labelsName">The labels file's name in diagnostics.</param>
    /// <param name="options">How much may be read and the house functions; null for <see cref="TemplateOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<WordTemplate> LoadAsync(Stream stream, string name, Stream? labels = null, string? labelsName = null, TemplateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        options ??= TemplateOptions.Default;
        using var template = await CopyAsync(stream, options.Limits.TemplateSize + 1, cancellationToken).ConfigureAwait(false);
        using var labelsCopy = labels is null ? null : await CopyAsync(labels, options.Limits.MinutesSize + 1, cancellationToken).ConfigureAwait(false);
        return Load(template, name, labelsCopy, labelsName, options);

        static async Task<MemoryStream> CopyAsync(Stream source, long most, CancellationToken cancellationToken)
        {
            var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while (copy.Length < most && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, most - copy.Length)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                copy.Write(buffer, 0, read);
            }

            copy.Position = 0;
            return copy;
        }
    }

    /// <summary>Renders minutes with this template, stopping when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="minutes">The minutes, as parsed by <see cref="Parsing.MinutesParser"/>.</param>
    /// <param name="options">Options, or null for <see cref="RenderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the rendering, for example when the HTTP request that asked for it is aborted.</param>
    /// <returns>The document, or the template's errors.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public RenderResult Render(MinutesDocument minutes, RenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        cancellationToken.ThrowIfCancellationRequested();
        options ??= RenderOptions.Default;
        if (HasErrors || _compiled.Package is null)
        {
            return new RenderResult(null, Diagnostics, Withheld.None, Name);
        }

        var publication = options.Mode == RenderMode.Publication;
        var language = options.Language ?? minutes.Language;
        var marked = Redactions.Mark(minutes with { Language = language });
        var withheld = Withheld.Of(marked);
        var model = TemplateModelBuilder.Build(
            publication ? Publication.Prepare(marked, withheld) : marked,
            _compiled.Labels,
            new RedactionView(publication, withheld.Grounds));
        var state = PartRenderer.NewState(_compiled, publication, options.Limits);
        var diagnostics = new List<Diagnostic>(Diagnostics);
        var parts = PartRenderer.Render(_compiled, Name, model, Labels.CultureFor(language), options, state, diagnostics, cancellationToken);
        if (diagnostics.Any(d => d.IsError))
        {
            return new RenderResult(null, diagnostics, Withheld.None, Name);
        }

        var package = PackageWriter.Write(_compiled.Compressed, RenderedPackage.Entries(_compiled, parts, state, language));
        return new RenderResult(package, diagnostics, publication ? withheld : Withheld.None, Name);
    }

    /// <summary>
    /// Renders the new version of minutes with every difference from the old version as Word revisions
    /// (tracked changes): words removed and inserted, points, items and attendees added or removed, and
    /// changed dates, status, owners and dues wherever the template prints them. Accepting every
    /// revision gives the new version's rendering; rejecting every one gives the old version's.
    /// When nothing differs, the document is the new version's rendering, byte for byte.
    /// </summary>
    /// <param name="old">The version the readers have seen.</param>
    /// <param name="new">The amended version.</param>
    /// <param name="options">How both are rendered, and the revisions' author and date; null for <see cref="ChangeOptions.Default"/>.</param>
    /// <returns>The amended document and a summary of the changes, or the problems that stopped it.</returns>
    public ComparisonResult RenderChanges(MinutesDocument old, MinutesDocument @new, ChangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        return ChangeRenderer.Render(this, old, @new, options ?? ChangeOptions.Default);
    }

    /// <summary>
    /// Writes a built-in template into <paramref name="directory"/> for a person to open in Word and
    /// make their own: <c>NAME.docx</c>, and <c>labels.yaml</c> with every label in Dutch and English
    /// (the template's own wording included). Render with the folder as the template afterwards.
    /// </summary>
    /// <param name="name">One of <see cref="BuiltInNames"/>.</param>
    /// <param name="directory">The folder to write into; created when missing.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentException">No built-in template has that name.</exception>
    /// <exception cref="IOException">The folder already holds a template or labels file.</exception>
    public static IReadOnlyList<string> ExportBuiltIn(string name, string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var template = BuiltIn(name);
        return TemplateExport.Write(name, directory, template._compiled.Labels);
    }
}
