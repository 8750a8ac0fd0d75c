using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Minutes.Templating.Engine;
using Minutes.Templating.Packaging;

namespace Minutes.Templating.Snapshots;

/// <summary>
/// The reviewable half of a document's snapshot: properties, body, headers and footers, notes. Only what
/// a reader sees is written, in reading order; ids in the file become ordinals.
/// </summary>
internal sealed class DocxOutline
{

    private readonly OpcPackage _package;
    private readonly XNamespace _w;
    private readonly StringBuilder _out;
    private readonly Dictionary<string, int> _lists = new(StringComparer.Ordinal);
    private readonly List<string> _footnotes = [];
    private readonly List<string> _endnotes = [];
    private readonly Dictionary<string, XElement> _styles = new(StringComparer.Ordinal);
    private readonly string? _defaultParagraphStyle;
    private IReadOnlyList<PackageRelationship> _partRelationships = [];

    private DocxOutline(OpcPackage package, XNamespace w, StringBuilder output)
    {
        _package = package;
        _w = w;
        _out = output;
        var mainRelationships = package.Relationships(package.MainDocument);
        if (Related(mainRelationships, "/styles") is { } stylesPart && package.Xml(stylesPart)?.Root is { } styles)
        {
            foreach (var style in styles.Elements(w + "style"))
            {
                if (Val(style, "styleId") is { } id)
                {
                    _styles.TryAdd(id, style);
                    if (Val(style, "type") == "paragraph" && IsOn(style.Attribute(w + "default")))
                    {
                        _defaultParagraphStyle ??= id;
                    }
                }
            }
        }
    }

    /// <summary>Writes the outline of <paramref name="package"/>.</summary>
    public static void Write(OpcPackage package, StringBuilder output)
    {
        var root = package.Xml(package.MainDocument)!.Root!;
        new DocxOutline(package, root.Name.Namespace, output).WriteAll(root);
    }

    private void WriteAll(XElement document)
    {
        WriteProperties();

        var mainRelationships = _package.Relationships(_package.MainDocument);
        _partRelationships = mainRelationships;
        _out.Append("# Body\n");
        var body = document.Element(_w + "body");
        if (body is not null)
        {
            Blocks(body);
        }

        var sections = body is null ? [] : body.Descendants(_w + "sectPr").ToList();
        for (var i = 0; i < sections.Count; i++)
        {
            foreach (var reference in sections[i].Elements().Where(e => e.Name == _w + "headerReference" || e.Name == _w + "footerReference"))
            {
                var kind = reference.Name.LocalName == "headerReference" ? "Header" : "Footer";
                var id = (string?)reference.Attribute(WordNames.R + "id");
                var part = mainRelationships.FirstOrDefault(r => r.Id == id && !r.External)?.Target;
                _out.Append(CultureInfo.InvariantCulture, $"\n# {kind} (section {i + 1}, {Val(reference, "type") ?? "default"})\n");
                if (part is not null && _package.Xml(part)?.Root is { } root)
                {
                    _partRelationships = _package.Relationships(part);
                    Blocks(root);
                }
            }
        }

        WriteNotes("Footnotes", "footnote", "/footnotes", _footnotes, mainRelationships);
        WriteNotes("Endnotes", "endnote", "/endnotes", _endnotes, mainRelationships);
        _out.Append('\n');
    }

    private void WriteProperties()
    {
        _out.Append("# Properties\n");
        var core = Related(_package.Relationships(string.Empty), "/core-properties");
        if (core is null || _package.Xml(core)?.Root is not { } root)
        {
            _out.Append('\n');
            return;
        }

        (string Label, XName Name)[] fields =
        [
            ("title", WordNames.Dc + "title"), ("subject", WordNames.Dc + "subject"), ("creator", WordNames.Dc + "creator"), ("keywords", WordNames.Cp + "keywords"),
            ("description", WordNames.Dc + "description"), ("category", WordNames.Cp + "category"), ("language", WordNames.Dc + "language"),
        ];
        foreach (var (label, name) in fields)
        {
            if (root.Element(name)?.Value is { Length: > 0 } value)
            {
                _out.Append(label).Append(": ").Append(Visible(value)).Append('\n');
            }
        }

        _out.Append('\n');
    }

    private void WriteNotes(string heading, string element, string relationshipType, List<string> ids, IReadOnlyList<PackageRelationship> mainRelationships)
    {
        if (ids.Count == 0)
        {
            return;
        }

        _out.Append(CultureInfo.InvariantCulture, $"\n# {heading}\n");
        var part = Related(mainRelationships, relationshipType);
        var root = part is null ? null : _package.Xml(part)?.Root;
        _partRelationships = part is null ? [] : _package.Relationships(part);
        var prefix = element == "endnote" ? "^e" : "^";
        for (var i = 0; i < ids.Count; i++)
        {
            var note = root?.Elements(_w + element).FirstOrDefault(n => Val(n, "id") == ids[i]);
            var text = note is null ? "(missing)" : string.Join(" ¶ ", note.Elements(_w + "p").Select(Inline));
            _out.Append(CultureInfo.InvariantCulture, $"[{prefix}{i + 1}] {text}\n");
        }
    }

    /// <summary>Writes the paragraphs and tables of a body, cell-less container, header or footer.</summary>
    private void Blocks(XElement container)
    {
        foreach (var element in container.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "p" when element.Name.Namespace == _w:
                    _out.Append(ParagraphLine(element)).Append('\n');
                    if (element.Element(_w + "pPr")?.Element(_w + "sectPr") is not null)
                    {
                        _out.Append("--- section break ---\n");
                    }

                    break;
                case "tbl" when element.Name.Namespace == _w:
                    Table(element);
                    break;
                case "sdt":
                    if (element.Element(_w + "sdtContent") is { } content)
                    {
                        Blocks(content);
                    }

                    break;
                case "customXml" or "ins" or "moveTo" or "smartTag":
                    Blocks(element);
                    break;
            }
        }
    }

    private void Table(XElement table)
    {
        var style = Val(table.Element(_w + "tblPr")?.Element(_w + "tblStyle"), "val");
        _out.Append(style is null ? "[table]\n" : $"[table {style}]\n");
        foreach (var row in Rows(table))
        {
            _out.Append(row).Append('\n');
        }

        _out.Append("[/table]\n");
    }

    private IEnumerable<string> Rows(XElement table)
    {
        foreach (var row in ContentOf(table, "tr"))
        {
            var cells = ContentOf(row, "tc").Select(Cell);
            yield return "| " + string.Join(" | ", cells) + " |";
        }
    }

    private string Cell(XElement cell)
    {
        var properties = cell.Element(_w + "tcPr");
        var prefix = string.Empty;
        if (Val(properties?.Element(_w + "gridSpan"), "val") is { } span && span != "1")
        {
            prefix = $"<span={span}> ";
        }

        if (properties?.Element(_w + "vMerge") is { } merge && Val(merge, "val") != "restart")
        {
            return prefix + "<merged>";
        }

        var parts = new List<string>();
        foreach (var block in ContentOf(cell, "p", "tbl"))
        {
            parts.Add(block.Name.LocalName == "p"
                ? Inline(block)
                : "{table " + string.Join(" ", Rows(block)) + "}");
        }

        return prefix + string.Join(" ¶ ", parts).Replace("|", "\\|", StringComparison.Ordinal);
    }

    /// <summary>The children named <paramref name="names"/>, looking through content controls and custom XML.</summary>
    private IEnumerable<XElement> ContentOf(XElement container, params string[] names)
    {
        foreach (var element in container.Elements())
        {
            if (element.Name.Namespace == _w && names.Contains(element.Name.LocalName))
            {
                yield return element;
            }
            else if (element.Name.LocalName is "sdt" or "customXml" or "sdtContent")
            {
                var inner = element.Name.LocalName == "sdt" ? element.Element(_w + "sdtContent") : element;
                if (inner is not null)
                {
                    foreach (var child in ContentOf(inner, names))
                    {
                        yield return child;
                    }
                }
            }
        }
    }

    private string ParagraphLine(XElement paragraph)
    {
        var properties = paragraph.Element(_w + "pPr");
        var style = Val(properties?.Element(_w + "pStyle"), "val") ?? _defaultParagraphStyle ?? "(no style)";
        var head = new StringBuilder("[").Append(style);
        var (numId, level) = Numbering(properties, style);
        if (numId is not null && numId != "0")
        {
            if (!_lists.TryGetValue(numId, out var ordinal))
            {
                ordinal = _lists.Count + 1;
                _lists[numId] = ordinal;
            }

            head.Append(CultureInfo.InvariantCulture, $" list={ordinal} level={level ?? "0"}");
        }

        head.Append(']');
        var text = Inline(paragraph);
        return text.Length == 0 ? head.ToString() : head.Append(' ').Append(text).ToString();
    }

    /// <summary>The paragraph's list and level: its own, or its style's (through the styles it is based on).</summary>
    private (string? NumId, string? Level) Numbering(XElement? properties, string style)
    {
        var numPr = properties?.Element(_w + "numPr");
        var numId = Val(numPr?.Element(_w + "numId"), "val");
        var level = Val(numPr?.Element(_w + "ilvl"), "val");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = style; (numId is null || level is null) && seen.Add(current) && _styles.TryGetValue(current, out var definition);)
        {
            var styleNumPr = definition.Element(_w + "pPr")?.Element(_w + "numPr");
            numId ??= Val(styleNumPr?.Element(_w + "numId"), "val");
            level ??= Val(styleNumPr?.Element(_w + "ilvl"), "val");
            if (Val(definition.Element(_w + "basedOn"), "val") is not { } basedOn)
            {
                break;
            }

            current = basedOn;
        }

        return (numId, level);
    }

    /// <summary>The text of a paragraph with its inline marks, runs of the same formatting joined.</summary>
    private string Inline(XElement paragraph)
    {
        var pieces = new List<(string Text, RunFormat Format)>();
        var fields = new Stack<FieldState>();
        Collect(paragraph, pieces, fields);
        return Render(pieces);
    }

    private void Collect(XElement container, List<(string Text, RunFormat Format)> pieces, Stack<FieldState> fields, bool inLink = false)
    {
        foreach (var element in container.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "pPr" or "del" or "moveFrom" or "proofErr" or "bookmarkStart" or "bookmarkEnd" or "commentRangeStart" or "commentRangeEnd":
                    break;
                case "r":
                    Run(element, pieces, fields, inLink);
                    break;
                case "hyperlink":
                    var target = (string?)element.Attribute(WordNames.R + "id") is { } id
                        ? _partRelationships.FirstOrDefault(r => r.Id == id)?.Target ?? "?"
                        : "#" + Val(element, "anchor");
                    var inner = new List<(string Text, RunFormat Format)>();
                    Collect(element, inner, fields, inLink: true);
                    pieces.Add(("[" + Render(inner) + "](" + target + ")", RunFormat.Plain));
                    break;
                case "fldSimple":
                    pieces.Add(("{" + Instruction(Val(element, "instr")) + "}", RunFormat.Plain));
                    break;
                case "sdt":
                    if (element.Element(_w + "sdtContent") is { } content)
                    {
                        Collect(content, pieces, fields, inLink);
                    }

                    break;
                case "oMath" or "oMathPara":
                    pieces.Add(("<math>", RunFormat.Plain));
                    break;
                default:
                    Collect(element, pieces, fields, inLink);
                    break;
            }
        }
    }

    private void Run(XElement run, List<(string Text, RunFormat Format)> pieces, Stack<FieldState> fields, bool inLink)
    {
        var format = Format(run.Element(_w + "rPr"), inLink);
        foreach (var element in run.Elements())
        {
            var name = element.Name.LocalName;
            if (name == "fldChar")
            {
                switch (Val(element, "fldCharType"))
                {
                    case "begin":
                        fields.Push(new FieldState());
                        break;
                    case "separate" when fields.Count > 0:
                        var field = fields.Peek();
                        field.InResult = true;
                        pieces.Add(("{" + Instruction(field.Instruction.ToString()) + "}", RunFormat.Plain));
                        break;
                    case "end" when fields.Count > 0:
                        var ended = fields.Pop();
                        if (!ended.InResult)
                        {
                            pieces.Add(("{" + Instruction(ended.Instruction.ToString()) + "}", RunFormat.Plain));
                        }

                        break;
                }

                continue;
            }

            if (fields.Count > 0)
            {
                // A field shows as {INSTRUCTION}; its result is what Word computes from it, so it is left out.
                var field = fields.Peek();
                if (!field.InResult && name == "instrText")
                {
                    field.Instruction.Append(element.Value);
                }

                continue;
            }

            var text = name switch
            {
                "t" => Visible(element.Value),
                "tab" => "<tab>",
                "br" => Val(element, "type") switch
                {
                    "page" => "<page>",
                    "column" => "<column>",
                    _ => "<br>",
                },
                "cr" => "<br>",
                "noBreakHyphen" => "<nbhy>",
                "softHyphen" => "<shy>",
                "sym" => $"<sym {Val(element, "font")} {Val(element, "char")}>",
                "ptab" => "<tab>",
                "footnoteReference" => Note(_footnotes, "^", Val(element, "id")),
                "endnoteReference" => Note(_endnotes, "^e", Val(element, "id")),
                "drawing" or "pict" or "object" => Drawing(element),
                _ => null,
            };
            if (text is not null)
            {
                pieces.Add((text, format));
            }
        }
    }

    private static string Drawing(XElement element)
    {
        var properties = element.Descendants(WordNames.Wp + "docPr").FirstOrDefault();
        var description = (string?)properties?.Attribute("descr") ?? (string?)properties?.Attribute("name");
        return description is { Length: > 0 } ? $"<image {Visible(description)}>" : "<image>";
    }

    private static string Note(List<string> notes, string prefix, string? id)
    {
        id ??= string.Empty;
        var index = notes.IndexOf(id);
        if (index < 0)
        {
            notes.Add(id);
            index = notes.Count - 1;
        }

        return $"[{prefix}{index + 1}]";
    }

    private RunFormat Format(XElement? properties, bool inLink)
    {
        if (properties is null)
        {
            return RunFormat.Plain;
        }

        var style = Val(properties.Element(_w + "rStyle"), "val");
        if (inLink && string.Equals(style, "Hyperlink", StringComparison.OrdinalIgnoreCase))
        {
            style = null;
        }

        var underline = Val(properties.Element(_w + "u"), "val");
        return new RunFormat(
            IsOn(properties.Element(_w + "b")),
            IsOn(properties.Element(_w + "i")),
            properties.Element(_w + "u") is not null && underline != "none",
            IsOn(properties.Element(_w + "strike")) || IsOn(properties.Element(_w + "dstrike")),
            Val(properties.Element(_w + "vertAlign"), "val") is "superscript" or "subscript" ? Val(properties.Element(_w + "vertAlign"), "val") : null,
            style);
    }

    private static string Render(List<(string Text, RunFormat Format)> pieces)
    {
        var merged = new List<(StringBuilder Text, RunFormat Format)>();
        foreach (var (text, format) in pieces)
        {
            if (merged.Count > 0 && merged[^1].Format == format)
            {
                merged[^1].Text.Append(text);
            }
            else
            {
                merged.Add((new StringBuilder(text), format));
            }
        }

        var builder = new StringBuilder();
        foreach (var (text, format) in merged)
        {
            builder.Append(format.Wrap(text.ToString()));
        }

        return builder.ToString();
    }

    private static string Instruction(string? instruction) =>
        string.Join(' ', (instruction ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Text with the characters a reader cannot tell from others spelt out.</summary>
    private static string Visible(string text)
    {
        if (!text.Any(c => c == '\u00A0' || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.SpaceSeparator && c != ' '))
        {
            return text;
        }

        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '\u00A0')
            {
                builder.Append("<nbsp>");
            }
            else if (char.IsControl(c) || (c != ' ' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.SpaceSeparator))
            {
                builder.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? Related(IReadOnlyList<PackageRelationship> relationships, string typeSuffix) =>
        relationships.FirstOrDefault(r => !r.External && r.Type.EndsWith(typeSuffix, StringComparison.Ordinal))?.Target;

    private string? Val(XElement? element, string attribute) => (string?)element?.Attribute(_w + attribute);

    /// <summary>An on/off property: present without a value, or with a value other than false.</summary>
    private bool IsOn(XElement? element) =>
        element is not null && IsOn(element.Attribute(_w + "val"), defaultValue: true);

    private static bool IsOn(XAttribute? attribute, bool defaultValue = false) =>
        attribute is null ? defaultValue : attribute.Value is not ("0" or "false" or "off");

    private sealed class FieldState
    {
        public StringBuilder Instruction { get; } = new();

        public bool InResult { get; set; }
    }

    /// <summary>The formatting of a run that the outline marks.</summary>
    private sealed record RunFormat(bool Bold, bool Italic, bool Underline, bool Strike, string? VerticalAlign, string? Style)
    {
        public static RunFormat Plain { get; } = new(false, false, false, false, null, null);

        public string Wrap(string text)
        {
            if (text.Length == 0)
            {
                return text;
            }

            // Bold or italic spaces look like any other: outside the marks, so `**Afspraak:** tekst` reads the same
            // however the runs were cut. Underlined and struck-through spaces can be seen, and stay inside.
            if (!Underline && !Strike)
            {
                var core = text.Trim(' ');
                if (core.Length == 0)
                {
                    return text;
                }

                var start = text.Length - text.TrimStart(' ').Length;
                return text[..start] + WrapCore(core, underline: false) + text[(start + core.Length)..];
            }

            return WrapCore(text, Underline);
        }

        private string WrapCore(string text, bool underline)
        {
            if (VerticalAlign == "superscript")
            {
                text = "^" + text + "^";
            }
            else if (VerticalAlign == "subscript")
            {
                text = "~" + text + "~";
            }

            if (Strike)
            {
                text = "~~" + text + "~~";
            }

            if (underline)
            {
                text = "_" + text + "_";
            }

            if (Italic)
            {
                text = "*" + text + "*";
            }

            if (Bold)
            {
                text = "**" + text + "**";
            }

            return Style is null ? text : "«" + Style + ":" + text + "»";
        }
    }
}
