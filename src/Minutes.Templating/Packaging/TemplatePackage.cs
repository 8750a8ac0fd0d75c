using System.Xml.Linq;
using DocumentFormat.OpenXml.Wordprocessing;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Packaging;

/// <summary>A part of the package that may hold tags.</summary>
/// <param name="EntryName">The zip entry, such as <c>word/header1.xml</c>.</param>
/// <param name="Kind">What the part is, for messages: <c>document</c>, <c>header1</c>, <c>footnotes</c>…</param>
internal readonly record struct TemplatedPart(string EntryName, string Kind);

/// <summary>What was taken out of a template so that the documents made from it are inert.</summary>
internal enum PackageWarningKind
{
    /// <summary>A relationship to something outside the package that Word would fetch on opening.</summary>
    ExternalRelationship,

    /// <summary>Macros (a VBA project) or other code.</summary>
    Macros,
}

/// <summary>One thing taken out of a template, for a warning.</summary>
internal sealed record PackageWarning(PackageWarningKind Kind, string Part, string Message);

/// <summary>
/// A Word template read into memory once (a .docx, a .dotx or a .docm/.dotm turned into a plain document,
/// or Word's single-file Flat OPC XML), as the parts of a .docx. Only what a document needs is kept: the
/// parts reachable from the relationships; hyperlinks, but no other external relationship (attached
/// templates, linked images, OLE links, frames, remote data sources); no macros.
/// </summary>
internal sealed class TemplatePackage
{
    private const string DocumentMainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    // The main document's content types that are not a plain document: templates and macro-enabled ones.
    private static readonly HashSet<string> MainTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    };

    // Relationship types that carry code rather than content.
    private static readonly string[] MacroTypes = ["/vbaProject", "/vbaData", "/wordVbaData", "/keyMapCustomizations", "/attachedToolbars", "/vbaProjectSignature", "/vbaProjectSignatureAgile", "/vbaProjectSignatureV3"];

    // Elements that mean nothing without the external relationship they name, so they go with it.
    private static readonly HashSet<string> LinkOnlyElements = new(StringComparer.Ordinal) { "attachedTemplate", "sourceFileName", "OLEObject", "subDoc", "externalData", "dataSource", "headerSource", "recipientData" };

    private readonly Dictionary<string, byte[]> _entries;

    private TemplatePackage(Dictionary<string, byte[]> entries, IReadOnlyList<TemplatedPart> parts, IReadOnlyList<PackageWarning> warnings)
    {
        _entries = entries;
        Entries = [.. entries.OrderBy(e => e.Key == PackageParts.ContentTypesEntry ? 0 : 1).ThenBy(e => e.Key, StringComparer.Ordinal)];
        Parts = parts;
        Warnings = warnings;
    }

    /// <summary>The zip entry of the core document properties (title, subject, keywords…), if any.</summary>
    public string? PropertiesEntry { get; private init; }

    /// <summary>The zip entry of the list definitions, if the template has them.</summary>
    public string? NumberingEntry { get; private init; }

    /// <summary>The zip entry of the styles, if the template has them.</summary>
    public string? StylesEntry { get; private init; }

    /// <summary>The zip entry of the document settings, if the template has them.</summary>
    public string? SettingsEntry { get; private init; }

    /// <summary>The bytes of an entry, or null when the package has none of that name.</summary>
    public byte[]? Entry(string? name) => name is null ? null : _entries.GetValueOrDefault(name);

    /// <summary>The package's zip entries in a fixed order, <c>[Content_Types].xml</c> first.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Entries { get; }

    /// <summary>The parts whose text may hold tags.</summary>
    public IReadOnlyList<TemplatedPart> Parts { get; }

    /// <summary>What was taken out of the template.</summary>
    public IReadOnlyList<PackageWarning> Warnings { get; }

    /// <summary>Reads a template within <paramref name="limits"/>.</summary>
    /// <exception cref="PackageException">The bytes are not a Word document or template, a limit is exceeded, or a part is not acceptable XML.</exception>
    public static TemplatePackage Read(Stream input, ReadLimits limits)
    {
        var package = PackageReader.Read(input, limits, Keep, checkXml: true);
        var warnings = new List<PackageWarning>();
        var entries = package.PartNames.ToDictionary(name => name, name => package.Bytes(name)!, StringComparer.OrdinalIgnoreCase);

        foreach (var group in package.Dropped.GroupBy(d => d.Source))
        {
            foreach (var (source, relationship) in group)
            {
                warnings.Add(IsMacro(relationship)
                    ? new PackageWarning(PackageWarningKind.Macros, source, $"the template holds macros ({relationship.Target}); they are left out, and the document is a macro-free .docx")
                    : new PackageWarning(PackageWarningKind.ExternalRelationship, source, $"{(source.Length == 0 ? "the package" : source)}: removed the link to '{relationship.Target}' ({relationship.Type[(relationship.Type.LastIndexOf('/') + 1)..]}): a document must not fetch anything from outside when it is opened"));
            }

            var ids = group.Select(d => d.Relationship.Id).ToHashSet(StringComparer.Ordinal);
            if (group.Key.Length > 0 && entries.TryGetValue(group.Key, out var sourceBytes))
            {
                var xml = SafeXml.Load(sourceBytes, group.Key);
                RemoveReferences(xml, ids);
                entries[group.Key] = SafeXml.Save(xml);
            }
        }

        entries[PackageParts.ContentTypesEntry] = ContentTypes(package, entries.Keys);

        var main = package.MainDocument;
        var mainRelationships = package.Relationships(main);
        string? Related(string suffix) => mainRelationships.FirstOrDefault(r => !r.External && r.Is(suffix) && entries.ContainsKey(r.Target))?.Target;
        var settings = Related("/settings");
        if (settings is not null && HasTableOfContents(package.Xml(main)!))
        {
            entries[settings] = UpdateFieldsOnOpen(entries[settings]);
        }

        var parts = new List<TemplatedPart> { new(main, "document") };
        foreach (var kind in new[] { "/header", "/footer" })
        {
            foreach (var relationship in mainRelationships.Where(r => !r.External && r.Is(kind) && entries.ContainsKey(r.Target)))
            {
                parts.Add(new TemplatedPart(relationship.Target, Path.GetFileNameWithoutExtension(relationship.Target)));
            }
        }

        if (Related("/footnotes") is { } footnotes)
        {
            parts.Add(new TemplatedPart(footnotes, "footnotes"));
        }

        if (Related("/endnotes") is { } endnotes)
        {
            parts.Add(new TemplatedPart(endnotes, "endnotes"));
        }

        foreach (var part in parts.DistinctBy(p => p.EntryName))
        {
            entries[part.EntryName] = Normalized(entries[part.EntryName], part.EntryName);
        }

        foreach (var name in entries.Keys.Where(n => n.StartsWith("word/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal)).ToList())
        {
            var part = SafeXml.Load(entries[name], name);
            if (TemplateRepair.Apply(part))
            {
                entries[name] = SafeXml.Save(part);
            }
        }

        var core = package.Relationships(string.Empty).FirstOrDefault(r => !r.External && r.Is("/metadata/core-properties") && entries.ContainsKey(r.Target))?.Target;
        return new TemplatePackage(entries, [.. parts.DistinctBy(p => p.EntryName)], warnings)
        {
            NumberingEntry = Related("/numbering"),
            StylesEntry = Related("/styles"),
            SettingsEntry = settings,
            PropertiesEntry = core,
        };
    }

    /// <summary>Which relationships a template keeps: internal ones that are not macros, and external hyperlinks.</summary>
    private static bool Keep(PackageRelationship relationship) =>
        !IsMacro(relationship) && (!relationship.External || relationship.Type == PackageParts.HyperlinkType);

    private static bool IsMacro(PackageRelationship relationship) => MacroTypes.Any(relationship.Is);

    /// <summary>Takes out the references to relationships that were removed, and the elements that mean nothing without them.</summary>
    private static void RemoveReferences(XDocument part, HashSet<string> ids)
    {
        foreach (var attribute in part.Descendants().Attributes().Where(a => a.Name.Namespace == WordNames.R && ids.Contains(a.Value)).ToList())
        {
            var element = attribute.Parent!;
            attribute.Remove();
            if (LinkOnlyElements.Contains(element.Name.LocalName))
            {
                element.Remove();
            }
        }
    }

    /// <summary>The content types of the parts kept, the main document's as a plain document (not a template or macro-enabled).</summary>
    private static byte[] ContentTypes(OpcPackage package, IEnumerable<string> kept)
    {
        var types = SafeXml.Load(package.Bytes(PackageParts.ContentTypesEntry)!, PackageParts.ContentTypesEntry);
        var names = kept.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var element in types.Root!.Elements().ToList())
        {
            var contentType = (string?)element.Attribute("ContentType") ?? string.Empty;
            if (element.Name == WordNames.ContentTypes + "Override")
            {
                var part = ((string?)element.Attribute("PartName") ?? string.Empty).TrimStart('/');
                if (!names.Contains(part))
                {
                    element.Remove();
                }
                else if (string.Equals(part, package.MainDocument, StringComparison.OrdinalIgnoreCase))
                {
                    element.SetAttributeValue("ContentType", DocumentMainType);
                }
            }
            else if (contentType.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
            {
                element.Remove();
            }

            if (element.Parent is not null && MainTypes.Contains(contentType))
            {
                element.SetAttributeValue("ContentType", DocumentMainType);
            }
        }

        if (!types.Root.Elements(WordNames.ContentTypes + "Override").Any(o => string.Equals(((string?)o.Attribute("PartName"))?.TrimStart('/'), package.MainDocument, StringComparison.OrdinalIgnoreCase)))
        {
            types.Root.Add(new XElement(WordNames.ContentTypes + "Override", new XAttribute("PartName", "/" + package.MainDocument), new XAttribute("ContentType", DocumentMainType)));
        }

        return SafeXml.Save(types);
    }

    /// <summary>
    /// A part whose text may hold tags, with the Word namespaces under the prefixes the engine writes
    /// (<c>w:</c>, <c>r:</c>), whatever prefixes (or default namespace) the part was saved with.
    /// </summary>
    private static byte[] Normalized(byte[] data, string name)
    {
        var part = SafeXml.Load(data, name);
        var root = part.Root!;
        var wanted = new Dictionary<string, XNamespace> { ["w"] = WordNames.W, ["r"] = WordNames.R };
        var changed = false;
        foreach (var declaration in part.Descendants().Attributes().Where(a => a.IsNamespaceDeclaration).ToList())
        {
            var prefix = declaration.Name.Namespace == XNamespace.None ? string.Empty : declaration.Name.LocalName;
            var isWanted = wanted.Values.Any(ns => ns.NamespaceName == declaration.Value);
            var takesPrefix = wanted.ContainsKey(prefix) && wanted[prefix].NamespaceName != declaration.Value;
            if (isWanted ? (prefix.Length == 0 || !wanted.ContainsKey(prefix) || declaration.Parent != root) : takesPrefix || prefix.Length == 0)
            {
                declaration.Remove();
                changed = true;
            }
        }

        foreach (var (prefix, ns) in wanted)
        {
            if (root.Attribute(XNamespace.Xmlns + prefix)?.Value != ns.NamespaceName)
            {
                root.SetAttributeValue(XNamespace.Xmlns + prefix, ns.NamespaceName);
                changed = true;
            }
        }

        return changed ? SafeXml.Save(part) : data;
    }

    private static bool HasTableOfContents(XDocument main)
    {
        if (main.Root?.Element(WordNames.W + "body") is not { } body)
        {
            return false;
        }

        return body.Descendants(WordNames.W + "instrText").Any(f => IsTableOfContents(f.Value))
            || body.Descendants(WordNames.W + "fldSimple").Any(f => IsTableOfContents((string?)f.Attribute(WordNames.W + "instr")))
            || body.Descendants(WordNames.W + "docPartGallery").Any(g => (string?)g.Attribute(WordNames.Val) == "Table of Contents");

        static bool IsTableOfContents(string? instruction) =>
            instruction is not null && instruction.TrimStart().StartsWith("TOC", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Word brings the table of contents up to date when the document is opened.</summary>
    private static byte[] UpdateFieldsOnOpen(byte[] settingsPart)
    {
        var xml = SafeXml.Load(settingsPart, "settings");
        var settings = new Settings(xml.Root!.ToString(SaveOptions.DisableFormatting));
        settings.RemoveAllChildren<UpdateFieldsOnOpen>();
        settings.AddChild(new UpdateFieldsOnOpen { Val = true });
        return SafeXml.Save(XDocument.Parse(settings.OuterXml));
    }
}
