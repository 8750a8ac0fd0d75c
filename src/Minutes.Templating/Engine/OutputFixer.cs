using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using static Minutes.Templating.Engine.EngineNames;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Engine;

/// <summary>
/// Makes a rendered part a valid Word part again: list levels asked for by the template, ids that
/// loops copied made unique again (drawings, bookmarks, paragraph ids), comments copied by loops
/// dropped, empty tables removed and empty cells given the paragraph Word requires.
/// </summary>
internal static class OutputFixer
{
    // pPr children that come before w:numPr in the schema (CT_PPrBase).
    private static readonly HashSet<string> BeforeNumbering = new(StringComparer.Ordinal) { "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl" };

    public static XDocument Fix(string xml, RenderState state, Numbering numbering)
    {
        var document = XDocument.Parse(xml, LoadOptions.None);
        var root = document.Root!;

        // The tree is walked twice, not once per fix: once for the markers that move or change paragraphs, once
        // for everything else, in the order the fixes used to find it one walk each.
        var (blocks, levels) = FindBlocksAndLevels(root);
        if (blocks.Count > 0)
        {
            MoveBlocks(blocks);

            // What moved was copied, with any level markers in it.
            levels = [.. root.Descendants(LevelMarker)];
        }

        ApplyListLevels(levels);
        var found = Found.In(root);
        var nextNumId = state.NextNumId;
        numbering.RestartLists(found.ListParagraphs, state.AddedLists, ref nextNumId);
        state.NextNumId = nextNumId;
        root.Attribute(XNamespace.Xmlns + "mt")?.Remove();
        RemoveMarkers(found.MarkerParents);
        RenumberDrawings(found.Drawings, state);
        RenumberShapes(found.Shapes);
        RenumberBookmarks(found.Bookmarks, state);
        RenumberParagraphIds(found.ParagraphIds, state);
        DropCopiedComments(found.Comments);
        RepairTables(found.Tables, found.Cells);
        return document;
    }

    /// <summary>The part as UTF-8 bytes with its XML declaration.</summary>
    /// <param name="document">The part.</param>
    /// <param name="expectedLength">About how many bytes it will take, when known (the length of the text it was read from): the buffer starts that large.</param>
    public static byte[] Serialize(XDocument document, int expectedLength = 0)
    {
        // Text that is not ASCII takes more bytes than characters: room for some, so that the buffer is not copied once more at the end.
        using var stream = new MemoryStream(expectedLength + (expectedLength / 8) + 256);
        var settings = new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Declaration = new XDeclaration("1.0", "UTF-8", "yes");
            document.Save(writer);
        }

        return stream.ToArray();
    }

    private static (List<XElement> Blocks, List<XElement> Levels) FindBlocksAndLevels(XElement root)
    {
        var blocks = new List<XElement>();
        var levels = new List<XElement>();
        foreach (var element in root.Descendants())
        {
            if (element.Name.Namespace == Mt)
            {
                (element.Name == BlockMarker ? blocks : element.Name == LevelMarker ? levels : null)?.Add(element);
            }
        }

        return (blocks, levels);
    }

    /// <summary>
    /// A table that a tag wrote inside its paragraph goes after that paragraph, which is dropped when
    /// nothing else is in it: a paragraph cannot hold a table.
    /// </summary>
    private static void MoveBlocks(List<XElement> blocks)
    {
        foreach (var marker in blocks)
        {
            var paragraph = marker.Ancestors(P).FirstOrDefault();
            if (paragraph is null)
            {
                marker.ReplaceWith(marker.Elements());
                continue;
            }

            var content = marker.Elements().ToList();
            marker.Remove();
            paragraph.AddAfterSelf(content);
            if (!paragraph.Descendants().Any(e => e.Name == T && e.Value.Length > 0 || e.Name.LocalName is "drawing" or "pict" or "tab" or "br" or "footnoteReference"))
            {
                paragraph.Remove();
            }
        }
    }

    /// <summary>
    /// Removes the engine's markers. Each parent's children are rebuilt once: removing the markers one by one
    /// would walk their siblings each time, which costs the square of a long body's length.
    /// </summary>
    private static void RemoveMarkers(List<XElement> parents)
    {
        foreach (var parent in parents)
        {
            parent.ReplaceNodes(parent.Nodes().Where(n => !(n is XElement e && e.Name.Namespace == Mt)).ToList());
        }
    }

    private static void ApplyListLevels(List<XElement> levels)
    {
        foreach (var marker in levels)
        {
            var paragraph = marker.Ancestors(P).FirstOrDefault();
            var level = (string?)marker.Attribute("v") ?? "0";
            marker.Remove();
            if (paragraph is null)
            {
                continue;
            }

            var properties = paragraph.Element(PPr);
            if (properties is null)
            {
                properties = new XElement(PPr);
                paragraph.AddFirst(properties);
            }

            var numbering = properties.Element(NumPr);
            if (numbering is null)
            {
                numbering = new XElement(NumPr);
                InsertNumberingProperties(properties, numbering);
            }

            numbering.Element(Ilvl)?.Remove();
            numbering.AddFirst(new XElement(Ilvl, new XAttribute(Val, level)));
        }
    }

    /// <summary>Inserts <c>w:numPr</c> into paragraph properties where the schema wants it.</summary>
    public static void InsertNumberingProperties(XElement properties, XElement numbering)
    {
        var before = properties.Elements().LastOrDefault(e => e.Name.Namespace == W && BeforeNumbering.Contains(e.Name.LocalName));
        if (before is null)
        {
            properties.AddFirst(numbering);
        }
        else
        {
            before.AddAfterSelf(numbering);
        }
    }

    private static void RenumberDrawings(List<XElement> drawings, RenderState state)
    {
        foreach (var drawing in drawings)
        {
            drawing.SetAttributeValue("id", state.NextDrawingId++);
        }
    }

    /// <summary>
    /// VML shapes (text boxes, and the fallback of DrawingML ones) that loops copied keep their ids:
    /// a shape type is defined once, and every shape gets an id of its own.
    /// </summary>
    private static void RenumberShapes(List<XElement> shapes)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shape in shapes)
        {
            var id = (string)shape.Attribute("id")!;
            if (shape.Name == Vml + "shapetype")
            {
                if (!ids.Add(id))
                {
                    shape.Remove();
                }

                continue;
            }

            var unique = id;
            for (var n = 2; !ids.Add(unique); n++)
            {
                unique = id + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            shape.SetAttributeValue("id", unique);
        }
    }

    private static void RenumberBookmarks(List<XElement> bookmarks, RenderState state)
    {
        var open = new Dictionary<string, Stack<string>>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in bookmarks)
        {
            var oldId = (string?)element.Attribute(Id) ?? string.Empty;
            if (element.Name == BookmarkStart)
            {
                var newId = (state.NextBookmarkId++).ToString(CultureInfo.InvariantCulture);
                element.SetAttributeValue(Id, newId);
                if (!open.TryGetValue(oldId, out var stack))
                {
                    open[oldId] = stack = new Stack<string>();
                }

                stack.Push(newId);
                var name = (string?)element.Attribute(Name) ?? string.Empty;
                var unique = name;
                for (var n = 2; !names.Add(unique); n++)
                {
                    var suffix = "_" + n.ToString(CultureInfo.InvariantCulture);
                    unique = (name.Length + suffix.Length > 40 ? name[..(40 - suffix.Length)] : name) + suffix;
                }

                element.SetAttributeValue(Name, unique);
            }
            else if (open.TryGetValue(oldId, out var stack) && stack.Count > 0)
            {
                element.SetAttributeValue(Id, stack.Pop());
            }
            else
            {
                element.Remove();
            }
        }
    }

    private static void RenumberParagraphIds(List<XElement> elements, RenderState state)
    {
        foreach (var element in elements)
        {
            var value = (state.NextParagraphId++).ToString("X8", CultureInfo.InvariantCulture);
            element.SetAttributeValue(ParaId, value);
            if (element.Attribute(TextId) is not null)
            {
                element.SetAttributeValue(TextId, value);
            }
        }
    }

    private static void DropCopiedComments(List<XElement> comments)
    {
        var seen = new HashSet<(XName, string)>();
        foreach (var element in comments)
        {
            if (!seen.Add((element.Name, (string?)element.Attribute(Id) ?? string.Empty)))
            {
                var run = element.Parent;
                element.Remove();
                if (run?.Name == Run && !run.Elements().Any(e => e.Name != RPr))
                {
                    run.Remove();
                }
            }
        }
    }

    private static void RepairTables(List<XElement> tables, List<XElement> cells)
    {
        foreach (var table in tables)
        {
            if (!table.Elements(Tr).Any())
            {
                table.Remove();
            }
        }

        foreach (var cell in cells)
        {
            if (!cell.Elements(P).Any() && !cell.Elements(Tbl).Any())
            {
                cell.Add(new XElement(P));
            }
            else if (cell.Elements().LastOrDefault()?.Name == Tbl)
            {
                cell.Add(new XElement(P));
            }
        }
    }

    /// <summary>
    /// What the fixes after the list levels work on, found in one walk in document order. Markers and what is
    /// inside them are left out of everything but the list paragraphs, as removing the markers first would.
    /// </summary>
    private sealed class Found
    {
        private static readonly XName[] CommentNames = [W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"];

        /// <summary>Paragraphs and iteration markers, for restarting counting lists.</summary>
        public List<XElement> ListParagraphs { get; } = [];

        /// <summary>The elements holding markers, each once, in document order.</summary>
        public List<XElement> MarkerParents { get; } = [];

        public List<XElement> Drawings { get; } = [];

        /// <summary>VML elements with an id.</summary>
        public List<XElement> Shapes { get; } = [];

        public List<XElement> Bookmarks { get; } = [];

        public List<XElement> ParagraphIds { get; } = [];

        public List<XElement> Comments { get; } = [];

        public List<XElement> Tables { get; } = [];

        public List<XElement> Cells { get; } = [];

        /// <summary>Walks <paramref name="root"/>'s descendants once, without recursion (a template's nesting has no bound).</summary>
        public static Found In(XElement root)
        {
            var found = new Found();
            XElement? marker = null;
            var parents = new HashSet<XElement>(ReferenceEqualityComparer.Instance);
            var element = FirstElement(root);
            while (element is not null)
            {
                found.Visit(element, ref marker, parents);
                if (FirstElement(element) is { } child)
                {
                    element = child;
                    continue;
                }

                while (element is not null && element != root)
                {
                    if (element == marker)
                    {
                        marker = null;
                    }

                    if (NextElement(element) is { } next)
                    {
                        element = next;
                        break;
                    }

                    element = element.Parent;
                }

                if (element == root)
                {
                    break;
                }
            }

            return found;
        }

        private static XElement? FirstElement(XElement element) => element.FirstNode is XElement first ? first : NextElement(element.FirstNode);

        private static XElement? NextElement(XNode? node)
        {
            for (node = node?.NextNode; node is not null; node = node.NextNode)
            {
                if (node is XElement next)
                {
                    return next;
                }
            }

            return null;
        }

        private void Visit(XElement element, ref XElement? marker, HashSet<XElement> parents)
        {
            var name = element.Name;
            if (name == P || name == IterationMarker)
            {
                ListParagraphs.Add(element);
            }

            if (marker is not null)
            {
                return;
            }

            if (name.Namespace == Mt)
            {
                marker = element;
                if (element.Parent is { } parent && parents.Add(parent))
                {
                    MarkerParents.Add(parent);
                }

                return;
            }

            if (name == DocPr)
            {
                Drawings.Add(element);
            }
            else if (name.Namespace == Vml && element.Attribute("id") is not null)
            {
                Shapes.Add(element);
            }
            else if (name == BookmarkStart || name == BookmarkEnd)
            {
                Bookmarks.Add(element);
            }
            else if (name == Tbl)
            {
                Tables.Add(element);
            }
            else if (name == Tc)
            {
                Cells.Add(element);
            }
            else if (Array.IndexOf(CommentNames, name) >= 0)
            {
                Comments.Add(element);
            }

            if (element.Attribute(ParaId) is not null)
            {
                ParagraphIds.Add(element);
            }
        }
    }
}
