using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Minutes.Templating.Diagnostics;
using Scriban;
using Scriban.Parsing;
using static Minutes.Templating.Engine.EngineNames;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Engine;

/// <summary>
/// Compiles one part of a Word template into a Scriban template whose output is the part's XML:
/// tags are normalised, paragraphs and table rows that hold only block tags are replaced by their
/// tags, and every other tag stays where it was typed. Done once per template.
/// </summary>
internal static partial class PartCompiler
{
    private static readonly XName[] NonTextContent = [W + "drawing", W + "pict", W + "object", SectPr, W + "fldChar", W + "instrText"];

    public static CompiledPart? Compile(string templateName, string entryName, string kind, XDocument xml, List<Diagnostic> diagnostics)
    {
        var root = xml.Root ?? throw new InvalidOperationException("The part has no root element.");
        var tags = new List<TemplateTag>();
        var problems = new List<(string Message, int Column)>();
        var paragraphNumber = 0;
        foreach (var paragraph in root.Descendants(P).ToList())
        {
            paragraphNumber++;
            problems.Clear();
            var found = TagNormalizer.Normalize(paragraph, out var text, problems);
            foreach (var (message, column) in problems)
            {
                diagnostics.Add(TemplateDiagnostics.AtParagraph(templateName, kind, paragraphNumber, column, text, DiagnosticCodes.UnclosedTag, message));
            }

            foreach (var tag in found)
            {
                tags.Add(new TemplateTag(tags.Count, tag.Text, tag.Run, paragraph, paragraphNumber, text, tag.Column));
            }
        }

        if (tags.Count == 0)
        {
            return null;
        }

        Place(tags);
        return Finish(templateName, entryName, kind, root, tags, diagnostics, plainText: false);
    }

    private static CompiledPart Finish(string templateName, string entryName, string kind, XElement root, List<TemplateTag> tags, List<Diagnostic> diagnostics, bool plainText)
    {
        var errorsBefore = diagnostics.Count;
        CheckNesting(templateName, kind, tags, diagnostics);
        var source = plainText ? Emit(root, tags) : BuildSource(root, tags);
        var template = Template.Parse(source, kind, new ParserOptions(), new LexerOptions { Mode = ScriptMode.Default });
        var part = new CompiledPart(entryName, kind, template, tags, plainText);
        if (template.HasErrors && diagnostics.Count == errorsBefore)
        {
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            {
                diagnostics.Add(ToDiagnostic(templateName, part, message.Span.Start.Offset, message.Message, DiagnosticCodes.TemplateSyntaxError));
            }
        }

        return part;
    }

    /// <summary>Turns an error at an offset of the generated source into a diagnostic at the tag the author typed.</summary>
    public static Diagnostic ToDiagnostic(string templateName, CompiledPart part, int offset, string message, string code)
    {
        var tag = part.FindTag(offset);
        if (tag is null)
        {
            return TemplateDiagnostics.AtPart(templateName, part.Kind, code, message);
        }

        var inside = Math.Clamp(offset - tag.SourceStart, 0, tag.Text.Length - 1);
        return TemplateDiagnostics.AtTag(templateName, part.Kind, tag, code, Clean(message), offset < tag.SourceEnd ? inside : -1);
    }

    private static string Clean(string message) => SourcePosition().Replace(message, string.Empty).Trim();

    /// <summary>Decides for each tag whether it stays inline or replaces its paragraph or table row.</summary>
    private static void Place(List<TemplateTag> tags)
    {
        var byParagraph = tags.GroupBy(t => t.Paragraph).ToList();
        var blockParagraphs = new HashSet<XElement>();
        foreach (var group in byParagraph)
        {
            var paragraph = group.Key;
            var onlyBlocks = group.All(t => t.Kind != TagKind.Output);
            var restIsBlank = string.IsNullOrWhiteSpace(RemoveTags(TagNormalizer.PlainText(paragraph)));
            var hasContent = NonTextContent.Any(name => paragraph.Descendants(name).Any()) || paragraph.Descendants(P).Any();
            if (onlyBlocks && restIsBlank && !hasContent)
            {
                blockParagraphs.Add(paragraph);
            }
        }

        var blockRows = new HashSet<XElement>();
        foreach (var row in blockParagraphs.Select(p => p.Ancestors(Tr).FirstOrDefault()).OfType<XElement>().Distinct())
        {
            var paragraphs = row.Descendants(P).ToList();
            if (paragraphs.All(p => blockParagraphs.Contains(p) || string.IsNullOrWhiteSpace(TagNormalizer.PlainText(p))))
            {
                blockRows.Add(row);
            }
        }

        foreach (var tag in tags)
        {
            var row = tag.Paragraph.Ancestors(Tr).FirstOrDefault();
            if (row is not null && blockRows.Contains(row))
            {
                tag.Placement = TagPlacement.Row;
                tag.Anchor = row.Parent;
            }
            else if (blockParagraphs.Contains(tag.Paragraph))
            {
                tag.Placement = TagPlacement.Paragraph;
                tag.Anchor = tag.Paragraph.Parent;
            }
            else
            {
                tag.Placement = TagPlacement.Inline;
                tag.Anchor = tag.Run.Parent;
            }
        }
    }

    /// <summary>
    /// A block must open and close at the same level: inside one paragraph, or in paragraphs (rows) of
    /// their own under the same parent. Anything else would cut the document's XML in two.
    /// </summary>
    private static void CheckNesting(string templateName, string kind, List<TemplateTag> tags, List<Diagnostic> diagnostics)
    {
        var open = new Stack<TemplateTag>();
        foreach (var tag in tags)
        {
            var (opens, closes, _) = TagSyntax.CountBlocks(tag.Code);
            if (tag.Kind == TagKind.Continue && open.TryPeek(out var owner) && owner.Anchor != tag.Anchor)
            {
                diagnostics.Add(TemplateDiagnostics.AtTag(templateName, kind, tag, DiagnosticCodes.BlockPlacement, Misplaced(tag, owner)));
            }

            for (var i = 0; i < closes - Math.Min(opens, closes); i++)
            {
                if (!open.TryPop(out var opener))
                {
                    diagnostics.Add(TemplateDiagnostics.AtTag(templateName, kind, tag, DiagnosticCodes.UnbalancedBlock, "'end' has no block to close"));
                    continue;
                }

                if (opener.Anchor != tag.Anchor)
                {
                    diagnostics.Add(TemplateDiagnostics.AtTag(templateName, kind, tag, DiagnosticCodes.BlockPlacement, Misplaced(tag, opener)));
                }
            }

            for (var i = 0; i < opens - Math.Min(opens, closes); i++)
            {
                open.Push(tag);
            }
        }

        foreach (var opener in open.Reverse())
        {
            diagnostics.Add(TemplateDiagnostics.AtTag(templateName, kind, opener, DiagnosticCodes.UnbalancedBlock, "this block has no {{ end }}"));
        }
    }

    private static string Misplaced(TemplateTag tag, TemplateTag opener) =>
        $"{tag.Text} belongs to {opener.Text} in paragraph {opener.ParagraphNumber}, but the two are not at the same level: " +
        "put each block tag alone in its own paragraph (or table row), or keep the whole block inside one paragraph";

    /// <summary>
    /// Compiles a part that holds plain text rather than Word runs, such as the core document
    /// properties: a tag in an element's text writes escaped text in its place.
    /// </summary>
    public static CompiledPart? CompileProperties(string templateName, string entryName, string kind, XDocument xml, List<Diagnostic> diagnostics)
    {
        var root = xml.Root ?? throw new InvalidOperationException("The part has no root element.");
        var tags = new List<TemplateTag>();
        var problems = new List<(string Message, int Column)>();
        var number = 0;
        foreach (var element in root.Descendants().Where(e => !e.HasElements).ToList())
        {
            number++;
            var text = element.Value;
            problems.Clear();
            var spans = TagFinder.Find(text, problems);
            foreach (var (message, column) in problems)
            {
                diagnostics.Add(TemplateDiagnostics.AtParagraph(templateName, kind, number, column, text, DiagnosticCodes.UnclosedTag, message));
            }

            if (spans.Count == 0)
            {
                continue;
            }

            var nodes = new List<object>();
            var last = 0;
            foreach (var (start, end) in spans)
            {
                nodes.Add(text[last..start]);
                var tag = new TemplateTag(tags.Count, TagSyntax.Straighten(text[start..end]), element, element, number, text, start + 1) { Placement = TagPlacement.Inline, Anchor = element };
                tags.Add(tag);
                nodes.Add(new XElement(Placeholder, new XAttribute("i", tag.Index)));
                last = end;
            }

            nodes.Add(text[last..]);
            element.ReplaceNodes(nodes);
        }

        return tags.Count == 0 ? null : Finish(templateName, entryName, kind, root, tags, diagnostics, plainText: true);
    }

    /// <summary>Writes the part's XML with each tag's code where the tag (or its paragraph or row) stood.</summary>
    private static string BuildSource(XElement root, List<TemplateTag> tags)
    {
        var replaced = new HashSet<XElement>();
        foreach (var tag in tags)
        {
            var placeholder = new XElement(Placeholder, new XAttribute("i", tag.Index));
            switch (tag.Placement)
            {
                case TagPlacement.Row:
                    var row = tag.Paragraph.Ancestors(Tr).First();
                    row.AddBeforeSelf(placeholder);
                    replaced.Add(row);
                    break;
                case TagPlacement.Paragraph:
                    tag.Paragraph.AddBeforeSelf(placeholder);
                    replaced.Add(tag.Paragraph);
                    break;
                default:
                    tag.Run.ReplaceWith(placeholder);
                    break;
            }
        }

        foreach (var element in replaced)
        {
            element.Remove();
        }

        if (root.GetPrefixOfNamespace(R) != "r")
        {
            // Links are written with r:id; a part not made by Word may not declare the prefix.
            root.SetAttributeValue(XNamespace.Xmlns + "r", R.NamespaceName);
        }

        return Emit(root, tags);
    }

    /// <summary>Serialises the part with placeholders, then puts each tag's code in its placeholder's place.</summary>
    private static string Emit(XElement root, List<TemplateTag> tags)
    {
        root.SetAttributeValue(XNamespace.Xmlns + "mt", Mt.NamespaceName);
        var xml = root.ToString(SaveOptions.DisableFormatting);
        var source = new StringBuilder(xml.Length + 64);
        source.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        var last = 0;
        foreach (Match match in PlaceholderPattern().Matches(xml))
        {
            var tag = tags[int.Parse(match.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture)];
            AppendLiteral(source, xml, last, match.Index);

            // The context finds the tag that writes a value from the value's place in this source, for its formatting.
            tag.SourceStart = source.Length;
            source.Append(tag.Text);
            tag.SourceEnd = source.Length;
            if (tag.Placement != TagPlacement.Inline && tag.Kind == TagKind.Open && LoopKeyword().IsMatch(tag.Code))
            {
                // Marks where each iteration starts, so counting lists can restart in each one: text of the loop's
                // body, written each time round at no cost, rather than a call.
                source.Append(EngineNames.IterationMarkup);
            }
            last = match.Index + match.Length;
        }

        AppendLiteral(source, xml, last, xml.Length);
        return source.ToString();
    }

    /// <summary>
    /// Appends XML that is not a tag. A stray <c>{{</c> in it (an unclosed tag, already reported, or one
    /// in a field code), or a <c>{%</c> that Scriban would take for an escape block, is written as Scriban's
    /// verbatim text, so it is printed as typed, never read as code.
    /// </summary>
    private static void AppendLiteral(StringBuilder source, string xml, int start, int end) =>
        source.Append(CodeOpening().Replace(xml[start..end], "{%{{}%}"));

    private static string RemoveTags(string text)
    {
        var spans = TagFinder.Find(text, []);
        for (var i = spans.Count - 1; i >= 0; i--)
        {
            text = text.Remove(spans[i].Start, spans[i].End - spans[i].Start);
        }

        return text;
    }

    [GeneratedRegex(@"^(for|tablerow|while)\b")]
    private static partial Regex LoopKeyword();

    [GeneratedRegex(@"<mt:t i=""(\d+)"" ?/>")]
    private static partial Regex PlaceholderPattern();

    // A '{' that would open code ({{) or an escape block ({%{) in Scriban: written as an escape block holding '{'.
    [GeneratedRegex(@"\{(?=[{%])")]
    private static partial Regex CodeOpening();

    [GeneratedRegex(@"^[^:]*\(\d+,\d+\)\s*:\s*(error\s*:)?")]
    private static partial Regex SourcePosition();
}
