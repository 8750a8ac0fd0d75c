using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Minutes.Templating.Comparison;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Engine;
using Minutes.Templating.Localization;
using Minutes.Templating.Model;
using Minutes.Templating.Packaging;
using Minutes.Templating.Redaction;
using Minutes.Templating.TemplateModel;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Minutes.Templating.Rendering;

/// <summary>
/// A Word template: a .docx, .dotx or Flat OPC .xml with Scriban tags typed in its text. Loading
/// compiles it once; <see cref="Render"/> can then be called many times, from many threads.
/// Problems in the template are in <see cref="Diagnostics"/>, all of them, never thrown.
/// </summary>
public sealed class WordTemplate
{
    private const string ResourcePrefix = "Minutes.Templating.Templates.";

    private readonly TemplatePackage? _package;

    /// <summary>The template's zip entries, deflated once on first use and copied as they are into every document.</summary>
    private readonly Lazy<IReadOnlyList<CompressedEntry>> _compressed;
    private readonly IReadOnlyList<CompiledPart> _parts;
    private readonly Numbering _numbering;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? _labels;

    /// <summary>The styles part for each document language rendered so far; null where the template's own will do.</summary>
    private readonly ConcurrentDictionary<string, byte[]?> _stylesByLanguage = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The global object holding the organisation's own functions (<c>house</c>), or null when none are registered.</summary>
    private readonly ScriptObject? _house;

    private WordTemplate(string name, TemplatePackage? package, IReadOnlyList<CompiledPart> parts, Numbering numbering, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? labels, string? description, IReadOnlyList<Diagnostic> diagnostics, ScriptObject? house = null)
    {
        _house = house;
        Name = name;
        _package = package;
        _compressed = new(() => package is null ? [] : PackageWriter.Compress(package.Entries));
        _parts = parts;
        _numbering = numbering;
        _labels = labels;
        Description = description;
        Diagnostics = diagnostics;
    }

    /// <summary>What the template is for, from its document properties (File › Properties › Comments in Word).</summary>
    public string? Description { get; }

    /// <summary>The names of the templates built into the library.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(WordTemplate).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".xml".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The template's name: a built-in name or the file name.</summary>
    public string Name { get; }

    /// <summary>Problems found in the template itself, each with its part, paragraph and place in the tag.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when the template has errors and cannot render.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Loads a built-in template.</summary>
    /// <param name="name">One of <see cref="BuiltInNames"/>.</param>
    /// <exception cref="ArgumentException">No built-in template has that name.</exception>
    public static WordTemplate BuiltIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = BuiltInResource(name, ".xml")
            ?? throw new ArgumentException($"There is no built-in template '{name}'; built in: {string.Join(", ", BuiltInNames)}.", nameof(name));
        using var labels = BuiltInResource(name, ".labels.yaml");
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
        string? labelsPath;
        if (Directory.Exists(path))
        {
            var candidates = Directory.EnumerateFiles(path)
                .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".DOCX" or ".DOTX" or ".XML")
                .Order(StringComparer.Ordinal)
                .ToList();
            if (candidates.Count != 1)
            {
                var message = candidates.Count == 0
                    ? "the folder holds no template (.docx, .dotx or Flat OPC .xml)"
                    : "the folder holds more than one template: " + string.Join(", ", candidates.Select(Path.GetFileName));
                return new WordTemplate(path, null, [], Numbering.Read(null, null), null, null, [TemplateDiagnostics.AtFile(path, DiagnosticCodes.InvalidTemplatePackage, message)]);
            }

            labelsPath = Path.Combine(path, "labels.yaml");
            path = candidates[0];
        }
        else
        {
            labelsPath = Path.ChangeExtension(path, ".labels.yaml");
        }

        using var stream = File.OpenRead(path);
        using var labels = File.Exists(labelsPath) ? File.OpenRead(labelsPath) : null;
        return Load(stream, Path.GetFileName(path), labels, labels is null ? null : Path.GetFileName(labelsPath), options);
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
        var limits = options.Limits;
        var diagnostics = new List<Diagnostic>();
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? templateLabels = null;
        if (labels is not null)
        {
            using var reader = new StreamReader(labels);
            templateLabels = LabelsFile.Read(reader.ReadToEnd(), labelsName ?? name + ".labels.yaml", diagnostics);
        }

        TemplatePackage package;
        try
        {
            package = TemplatePackage.Read(stream, limits);
        }
        catch (PackageException ex)
        {
            diagnostics.Add(ex.Part is { } part
                ? new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.InvalidTemplatePackage, ex.Message, new SourceLocation(name, Math.Max(1, ex.Line), Math.Max(1, ex.Column)) { Part = part })
                : TemplateDiagnostics.AtFile(name, ex.IsLimit ? DiagnosticCodes.TemplateLimitExceeded : DiagnosticCodes.InvalidTemplatePackage, ex.Message));
            return new WordTemplate(name, null, [], Numbering.Read(null, null), templateLabels, null, diagnostics);
        }

        foreach (var warning in package.Warnings)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Warning,
                warning.Kind == PackageWarningKind.Macros ? DiagnosticCodes.MacrosRemoved : DiagnosticCodes.ExternalLinkRemoved,
                warning.Message,
                new SourceLocation(name, 1, 1) { Part = warning.Part.Length == 0 ? null : warning.Part }));
        }

        var properties = ReadXml(package.Entry(package.PropertiesEntry));
        var description = properties?.Root?.Element(WordNames.Dc + "description")?.Value;
        var parts = new List<CompiledPart>();
        foreach (var part in package.Parts)
        {
            if (PartCompiler.Compile(name, part.EntryName, part.Kind, ReadXml(package.Entry(part.EntryName))!, diagnostics) is { } compiled)
            {
                parts.Add(compiled);
            }
        }

        if (properties is not null
            && PartCompiler.CompileProperties(name, package.PropertiesEntry!, "properties", properties, diagnostics) is { } compiledProperties)
        {
            parts.Add(compiledProperties);
        }

        foreach (var part in parts.Where(p => !p.Template.HasErrors))
        {
            NameChecker.Check(name, part, diagnostics, [.. options.Functions.Select(f => f.Name)]);
        }

        var numbering = Numbering.Read(ReadXml(package.Entry(package.NumberingEntry)), ReadXml(package.Entry(package.StylesEntry)));
        return new WordTemplate(name, package, parts, numbering, templateLabels, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), diagnostics, HouseFunctions.Globals(options.Functions));
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
        var most = options.Limits.TemplateSize + 1;
        using var template = await CopyAsync(stream, most, cancellationToken).ConfigureAwait(false);
        using var labelsCopy = labels is null ? null : await CopyAsync(labels, most, cancellationToken).ConfigureAwait(false);
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
        if (HasErrors || _package is null)
        {
            return new RenderResult(null, Diagnostics, Withheld.None, Name);
        }

        var publication = options.Mode == RenderMode.Publication;
        var language = options.Language ?? minutes.Language;
        var marked = Redactions.Mark(minutes with { Language = language });
        var withheld = Withheld.Of(marked);
        var model = TemplateModelBuilder.Build(
            publication ? Publication.Prepare(marked, withheld) : marked,
            _labels,
            new RedactionView(publication, withheld.Grounds));
        var culture = Labels.CultureFor(language);
        var mainEntry = _package.Parts.First(p => p.Kind == "document").EntryName;
        var state = new RenderState
        {
            Publication = publication,
            MaxImageWidth = RichContent.TextWidth(ReadXml(_package.Entry(mainEntry))),
            NextFootnoteId = RichContent.FirstFootnoteId(_package.Entry(_package.Parts.FirstOrDefault(p => p.Kind == "footnotes").EntryName)),
        };
        var diagnostics = new List<Diagnostic>(Diagnostics);
        var replaced = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.TimeLimit);
        foreach (var part in _parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var context = CreateContext(part, state, model, culture, options, _house, timeout.Token);
            string xml;
            try
            {
                xml = part.Template.Render(context);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is ScriptRuntimeException or OperationCanceledException)
            {
                throw new OperationCanceledException("The rendering was cancelled.", ex, cancellationToken);
            }
            catch (Exception ex) when (timeout.IsCancellationRequested && ex is ScriptRuntimeException or OperationCanceledException)
            {
                diagnostics.Add(TemplateDiagnostics.AtPart(Name, part.Kind, DiagnosticCodes.TemplateLimitExceeded, string.Create(CultureInfo.InvariantCulture, $"the rendering took longer than the limit of {options.TimeLimit.TotalSeconds} s")));
                break;
            }
            catch (ScriptRuntimeException ex)
            {
                // Scriban words every limit it enforces (loops, recursion, output, strings) with "limit"; a regular expression "times out".
                var code = ex.OriginalMessage.Contains("limit", StringComparison.OrdinalIgnoreCase) || ex.OriginalMessage.Contains("timed out", StringComparison.OrdinalIgnoreCase)
                    ? DiagnosticCodes.TemplateLimitExceeded
                    : DiagnosticCodes.TemplateRuntimeError;
                diagnostics.Add(PartCompiler.ToDiagnostic(Name, part, ex.Span.Start.Offset, ex.OriginalMessage, code));
                continue;
            }

            var fixedPart = OutputFixer.Fix(xml, state, _numbering);
            replaced[part.EntryName] = OutputFixer.Serialize(fixedPart);
            if (context.Links.Count > 0 || context.Images.Count > 0)
            {
                var relsName = PackageParts.RelationshipsEntry(part.EntryName);
                replaced[relsName] = PackageParts.AddRelationships(
                    _package.Entry(relsName),
                    context.Links.Select(l => new PackageParts.Relationship(l.Id, PackageParts.HyperlinkType, l.Url, External: true))
                        .Concat(context.Images.Select(i => new PackageParts.Relationship(i.Id, PackageParts.ImageType, i.Target, External: false))));
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return new RenderResult(null, diagnostics, Withheld.None, Name);
        }

        if (state.AddedLists.Count > 0 && ReadXml(_package.Entry(_package.NumberingEntry)) is { } numberingPart)
        {
            Numbering.AddInstances(numberingPart.Root!, state.AddedLists);
            replaced[_package.NumberingEntry!] = OutputFixer.Serialize(numberingPart);
        }

        // The language first: the rich content adds its styles to the styles part as it then is.
        if (_package.StylesEntry is { } stylesEntry && StylesFor(language) is { } styles)
        {
            replaced[stylesEntry] = styles;
        }

        RichContent.Complete(_package, mainEntry, state, replaced);

        using var output = new MemoryStream();
        PackageWriter.Write(output, _compressed.Value, replaced);
        return new RenderResult(output.ToArray(), diagnostics, publication ? withheld : Withheld.None, Name);
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
        var docx = Path.Combine(directory, name + ".docx");
        var labels = Path.Combine(directory, "labels.yaml");
        foreach (var existing in new List<string> { docx, labels })
        {
            if (File.Exists(existing))
            {
                throw new IOException($"{existing} exists already; choose an empty folder.");
            }
        }

        Directory.CreateDirectory(directory);
        string flat;
        using (var stream = BuiltInResource(name, ".xml")!)
        using (var reader = new StreamReader(stream))
        {
            flat = reader.ReadToEnd();
        }

        using (DocumentFormat.OpenXml.Packaging.WordprocessingDocument.FromFlatOpcString(flat, docx, isEditable: true))
        {
        }

        var languages = new List<string> { "nl", "en" }.Select(language => (language, Labels.For(language, templateLabels: template._labels)));
        File.WriteAllText(labels, LabelsFile.Write(
            languages,
            $"The words the '{name}' template prints, per language. Change any of them; a document's own\n" +
            "'labels:' still take precedence. Add a language by adding its tag (de, fr, …) with its labels."));
        return [docx, labels];
    }

    private static Stream? BuiltInResource(string name, string extension) =>
        typeof(WordTemplate).Assembly.GetManifestResourceStream(ResourcePrefix + name + extension);

    private static RenderContext CreateContext(CompiledPart part, RenderState state, ScriptObject model, CultureInfo culture, RenderOptions options, ScriptObject? house, CancellationToken cancellation)
    {
        var context = new RenderContext(WordFunctions.Builtins, part, state)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = options.LoopLimit,
            RecursiveLimit = options.RecursionLimit,
            OutputLimit = options.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = options.StringLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = options.RegexTimeLimit,
            MemberFilter = member => member.DeclaringType == typeof(DateTime),
            CancellationToken = cancellation,
        };
        context.PushCulture(culture);
        if (house is not null)
        {
            context.PushGlobal(house);
        }

        context.PushGlobal(model);
        context.PushGlobal(new ScriptObject());
        return context;
    }

    /// <summary>The styles part declaring <paramref name="language"/> as the document's language, or null when the template's declares it already.</summary>
    private byte[]? StylesFor(string language) =>
        _stylesByLanguage.GetOrAdd(language, l => DocumentLanguage.Apply(ReadXml(_package!.Entry(_package.StylesEntry)), l) is { } styles ? OutputFixer.Serialize(styles) : null);

    private static XDocument? ReadXml(byte[]? data) => data is null ? null : SafeXml.Load(data, "part");
}
