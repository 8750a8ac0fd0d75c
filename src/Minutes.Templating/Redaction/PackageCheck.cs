using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Minutes.Templating.Diagnostics;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Redaction;

/// <summary>
/// The last check of a publication version, on the finished package, before anything is written: every part
/// (its text with the tags stripped and runs joined, every attribute, relationship targets, document properties,
/// the part names themselves, and parts that are not XML as text; each also read as an address, so
/// <c>kees.verborgen@…</c> is found as "Kees Verborgen") is searched for every withheld text, as a
/// whole word and whatever its case. A template can print a withheld name in ways the model cannot stop (a label,
/// fixed text, a property); this check can. Every rendering path ends here (<see cref="Rendering.RenderResult"/>).
/// </summary>
internal static partial class PackageCheck
{
    /// <summary>The problems found in <paramref name="package"/>: one error per part and withheld text found in it.</summary>
    /// <param name="package">The finished .docx.</param>
    /// <param name="withheld">What the document withholds.</param>
    /// <param name="template">The template's name, for the place of the error.</param>
    public static IReadOnlyList<Diagnostic> Check(byte[] package, Withheld withheld, string template)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(withheld);
        if (withheld.IsEmpty)
        {
            return [];
        }

        var patterns = withheld.Texts.Select(t => (t.Text, t.Ground, Pattern: WithheldNames.Pattern(t.Text))).ToList();
        var problems = new List<Diagnostic>();
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            var found = new Dictionary<string, (string Ground, int Paragraph)>(StringComparer.OrdinalIgnoreCase);
            void Look(string text, int paragraph)
            {
                var cleaned = Invisible().Replace(text, string.Empty);
                foreach (var (name, ground, pattern) in patterns)
                {
                    if (!found.ContainsKey(name) && pattern.IsMatch(cleaned))
                    {
                        found[name] = (ground, paragraph);
                    }
                }
            }

            Look(entry.FullName, 1);
            Look(AsAddress(entry.FullName), 1);
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            if (ReadXml(bytes) is { } xml)
            {
                ScanXml(xml, Look);
            }
            else
            {
                // Not XML (an image, a binary): its bytes read as text, in the encodings a name could be stored in.
                Look(Encoding.UTF8.GetString(bytes), 1);
                Look(Encoding.Unicode.GetString(bytes), 1);
                Look(Encoding.Latin1.GetString(bytes), 1);
            }

            foreach (var (name, (ground, paragraph)) in found)
            {
                problems.Add(new Diagnostic(
                    DiagnosticSeverity.Error,
                    DiagnosticCodes.WithheldTextInPackage,
                    string.Create(CultureInfo.InvariantCulture, $"the publication version still holds a text withheld under {ground} ({Hint(name)}) in {entry.FullName}; nothing was written. The template prints it some other way than through the minutes' marked text (a label, fixed text, a document property, a link): take it out there"),
                    new SourceLocation(template, paragraph, 1) { Part = entry.FullName }));
            }
        }

        return problems;
    }

    /// <summary>True when a link's address holds a withheld text (<c>mailto:kees.verborgen@…</c> holds "Kees Verborgen").</summary>
    public static bool AddressHolds(string url, Withheld withheld) =>
        !withheld.IsEmpty && withheld.Texts.Any(t => WithheldNames.Pattern(t.Text).IsMatch(AsAddress(url)) || WithheldNames.Pattern(t.Text).IsMatch(url));

    /// <summary>
    /// The text of a part: all text nodes in order (so runs join up), a line break after each paragraph, cell and
    /// break; then each attribute on its own, and read as an address. Tells <paramref name="look"/> each piece with
    /// the number of the paragraph it is in.
    /// </summary>
    private static void ScanXml(XDocument xml, Action<string, int> look)
    {
        var text = new StringBuilder();
        var paragraphStarts = new List<int>();
        foreach (var node in xml.DescendantNodes())
        {
            switch (node)
            {
                case XText value:
                    text.Append(value.Value);
                    break;
                case XElement element:
                    if (element.Name == W + "p")
                    {
                        paragraphStarts.Add(text.Length);
                    }

                    if (element.Name.LocalName is "p" or "tc" or "br" or "cr" or "tab")
                    {
                        text.Append('\n');
                    }

                    foreach (var attribute in element.Attributes())
                    {
                        look(attribute.Value, Math.Max(1, paragraphStarts.Count));
                        look(AsAddress(attribute.Value), Math.Max(1, paragraphStarts.Count));
                    }

                    break;
            }
        }

        var all = text.ToString();
        if (paragraphStarts.Count == 0)
        {
            look(all, 1);
            look(AsAddress(all), 1);
            return;
        }

        // Paragraph by paragraph, to name the paragraph; a paragraph's text runs to the next one's start.
        for (var i = 0; i < paragraphStarts.Count; i++)
        {
            var end = i + 1 < paragraphStarts.Count ? paragraphStarts[i + 1] : all.Length;
            look(all[paragraphStarts[i]..end], i + 1);
            look(AsAddress(all[paragraphStarts[i]..end]), i + 1);
        }

        look(all, 1);
        look(AsAddress(all), 1);
    }

    private static XDocument? ReadXml(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        if (bytes.Length <= start || bytes[start] != (byte)'<')
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>An address or file name read as words: escapes decoded, and dots, dashes, underscores and plus signs as spaces.</summary>
    private static string AsAddress(string value)
    {
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            decoded = value;
        }

        return AddressSeparators().Replace(decoded, " ");
    }

    /// <summary>A hint at which withheld text was found, without printing it: its first and last letter and its length.</summary>
    private static string Hint(string text) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{text[0]}…{text[^1]}\", {text.Length} characters");

    [GeneratedRegex(@"[._+\-/@:=%]")]
    private static partial Regex AddressSeparators();

    [GeneratedRegex("[\u00AD\u200B\u200C\u200D\u2060\uFEFF]")]
    private static partial Regex Invisible();
}
