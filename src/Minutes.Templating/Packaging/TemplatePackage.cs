using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Minutes.Templating.Packaging;

/// <summary>A part of the package that may hold tags.</summary>
/// <param name="EntryName">The zip entry, such as <c>word/header1.xml</c>.</param>
/// <param name="Kind">What the part is, for messages: <c>document</c>, <c>header1</c>, <c>footnotes</c>…</param>
internal readonly record struct TemplatedPart(string EntryName, string Kind);

/// <summary>
/// A Word template read into memory once: a .docx, a .dotx (turned into a document) or Word's
/// single-file Flat OPC XML, as the zip entries of a .docx.
/// </summary>
internal sealed class TemplatePackage
{
    private TemplatePackage(IReadOnlyList<KeyValuePair<string, byte[]>> entries, IReadOnlyList<TemplatedPart> parts, SupportParts support)
    {
        Entries = entries;
        Parts = parts;
        NumberingEntry = support.Numbering;
        StylesEntry = support.Styles;
        SettingsEntry = support.Settings;
        PropertiesEntry = support.Properties;
    }

    /// <summary>The zip entry of the core document properties (title, subject, keywords…), if any.</summary>
    public string? PropertiesEntry { get; }

    /// <summary>The zip entry of the list definitions, if the template has them.</summary>
    public string? NumberingEntry { get; }

    /// <summary>The zip entry of the styles, if the template has them.</summary>
    public string? StylesEntry { get; }

    /// <summary>The zip entry of the document settings, if the template has them.</summary>
    public string? SettingsEntry { get; }

    /// <summary>The bytes of an entry, or null when the package has none of that name.</summary>
    public byte[]? Entry(string? name) => name is null ? null : Entries.FirstOrDefault(e => e.Key == name).Value;

    /// <summary>The package's zip entries in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Entries { get; }

    /// <summary>The parts whose text may hold tags.</summary>
    public IReadOnlyList<TemplatedPart> Parts { get; }

    /// <summary>Reads a template from its bytes.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a Word document or template.</exception>
    public static TemplatePackage Read(byte[] data)
    {
        using var stream = new MemoryStream();
        var parts = new List<TemplatedPart>();
        var support = new SupportParts();
        try
        {
            if (LooksLikeXml(data))
            {
                using var flat = WordprocessingDocument.FromFlatOpcString(Encoding.UTF8.GetString(data), stream, isEditable: true);
                Prepare(flat, parts, support);
            }
            else
            {
                stream.Write(data);
                stream.Position = 0;
                using var document = WordprocessingDocument.Open(stream, isEditable: true);
                Prepare(document, parts, support);
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException or IOException)
        {
            throw new InvalidDataException("not a Word document or template (.docx, .dotx or Flat OPC .xml): " + ex.Message, ex);
        }

        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var entries = new List<KeyValuePair<string, byte[]>>();
        foreach (var entry in zip.Entries)
        {
            using var entryStream = entry.Open();
            using var copy = new MemoryStream();
            entryStream.CopyTo(copy);
            entries.Add(new(entry.FullName, Repaired(entry.FullName, copy.ToArray())));
        }

        // [Content_Types].xml first, as Word writes it; then the rest in a fixed order.
        entries.Sort((a, b) => (a.Key == "[Content_Types].xml", b.Key == "[Content_Types].xml") switch
        {
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(a.Key, b.Key),
        });
        return new TemplatePackage(entries, parts, support);
    }

    /// <summary>A Word part with the values other word processors write mended (see <see cref="TemplateRepair"/>).</summary>
    private static byte[] Repaired(string name, byte[] data)
    {
        if (!name.StartsWith("word/", StringComparison.Ordinal) || !name.EndsWith(".xml", StringComparison.Ordinal))
        {
            return data;
        }

        System.Xml.Linq.XDocument part;
        using (var stream = new MemoryStream(data))
        {
            part = System.Xml.Linq.XDocument.Load(stream);
        }

        if (!TemplateRepair.Apply(part))
        {
            return data;
        }

        using var output = new MemoryStream();
        part.Save(output, System.Xml.Linq.SaveOptions.DisableFormatting);
        return output.ToArray();
    }

    private static bool LooksLikeXml(byte[] data)
    {
        var start = data.AsSpan();
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        start = start.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return start.Length > 0 && start[0] == (byte)'<';
    }

    private static void Prepare(WordprocessingDocument document, List<TemplatedPart> parts, SupportParts support)
    {
        if (document.DocumentType != WordprocessingDocumentType.Document)
        {
            document.ChangeDocumentType(WordprocessingDocumentType.Document);
        }

        var main = document.MainDocumentPart ?? throw new InvalidDataException("the package has no main document part");
        support.Numbering = EntryOf(main.NumberingDefinitionsPart);
        support.Styles = EntryOf(main.StyleDefinitionsPart);
        support.Settings = EntryOf(main.DocumentSettingsPart);
        support.Properties = EntryOf(document.CoreFilePropertiesPart);
        if (HasTableOfContents(main))
        {
            // Word brings the table of contents up to date when the document is opened.
            var settingsPart = main.DocumentSettingsPart ?? main.AddNewPart<DocumentSettingsPart>();
            settingsPart.Settings ??= new Settings();
            settingsPart.Settings.RemoveAllChildren<UpdateFieldsOnOpen>();
            settingsPart.Settings.AddChild(new UpdateFieldsOnOpen { Val = true });
            settingsPart.Settings.Save();
            support.Settings = EntryOf(settingsPart);
        }
        Add(main, "document");
        foreach (var header in main.HeaderParts)
        {
            Add(header, null);
        }

        foreach (var footer in main.FooterParts)
        {
            Add(footer, null);
        }

        if (main.FootnotesPart is { } footnotes)
        {
            Add(footnotes, "footnotes");
        }

        if (main.EndnotesPart is { } endnotes)
        {
            Add(endnotes, "endnotes");
        }

        void Add(OpenXmlPart part, string? kind)
        {
            var entry = EntryOf(part)!;
            parts.Add(new TemplatedPart(entry, kind ?? Path.GetFileNameWithoutExtension(entry)));
        }
    }

    private static bool HasTableOfContents(MainDocumentPart main)
    {
        var body = main.Document?.Body;
        if (body is null)
        {
            return false;
        }

        return body.Descendants<FieldCode>().Any(f => IsTableOfContents(f.Text))
            || body.Descendants<SimpleField>().Any(f => IsTableOfContents(f.Instruction?.Value))
            || body.Descendants<DocPartGallery>().Any(g => g.Val?.Value == "Table of Contents");

        static bool IsTableOfContents(string? instruction) =>
            instruction is not null && instruction.TrimStart().StartsWith("TOC", StringComparison.OrdinalIgnoreCase);
    }

    private static string? EntryOf(OpenXmlPart? part) => part?.Uri.OriginalString.TrimStart('/');

    private sealed class SupportParts
    {
        public string? Numbering { get; set; }

        public string? Styles { get; set; }

        public string? Settings { get; set; }

        public string? Properties { get; set; }
    }
}
