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
        MoveBlocks(root);
        ApplyListLevels(root);
        var nextNumId = state.NextNumId;
        numbering.RestartLists(root, state.AddedLists, ref nextNumId);
        state.NextNumId = nextNumId;
        root.Attribute(XNamespace.Xmlns + "mt")?.Remove();
        RemoveMarkers(root);
        RenumberDrawings(root, state);
        RenumberShapes(root);
        RenumberBookmarks(root, state);
        RenumberParagraphIds(root, state);
        DropCopiedComments(root);
        RepairTables(root);
        return document;
    }

    public static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Declaration = new XDeclaration("1.0", "UTF-8", "yes");
            document.Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A table that a tag wrote inside its paragraph goes after that paragraph, which is dropped when
    /// nothing else is in it: a paragraph cannot hold a table.
    /// </summary>
    private static void MoveBlocks(XElement root)
    {
        foreach (var marker in root.Descendants(BlockMarker).ToList())
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
    private static void RemoveMarkers(XElement root)
    {
        var parents = new HashSet<XElement>();
        var ordered = new List<XElement>();
        foreach (var marker in root.Descendants())
        {
            if (marker.Name.Namespace == Mt && marker.Parent is { } parent && parents.Add(parent))
            {
                ordered.Add(parent);
            }
        }

        foreach (var parent in ordered)
        {
            parent.ReplaceNodes(parent.Nodes().Where(n => !(n is XElement e && e.Name.Namespace == Mt)).ToList());
        }
    }

    private static void ApplyListLevels(XElement root)
    {
        foreach (var marker in root.Descendants(LevelMarker).ToList())
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

    private static void RenumberDrawings(XElement root, RenderState state)
    {
        foreach (var drawing in root.Descendants(DocPr))
        {
            drawing.SetAttributeValue("id", state.NextDrawingId++);
        }
    }

    /// <summary>
    /// VML shapes (text boxes, and the fallback of DrawingML ones) that loops copied keep their ids:
    /// a shape type is defined once, and every shape gets an id of its own.
    /// </summary>
    private static void RenumberShapes(XElement root)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shape in root.Descendants().Where(e => e.Name.Namespace == Vml && e.Attribute("id") is not null).ToList())
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

    private static void RenumberBookmarks(XElement root, RenderState state)
    {
        var open = new Dictionary<string, Stack<string>>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in root.Descendants().Where(e => e.Name == BookmarkStart || e.Name == BookmarkEnd).ToList())
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

    private static void RenumberParagraphIds(XElement root, RenderState state)
    {
        foreach (var element in root.Descendants().Where(e => e.Attribute(ParaId) is not null))
        {
            var value = (state.NextParagraphId++).ToString("X8", CultureInfo.InvariantCulture);
            element.SetAttributeValue(ParaId, value);
            if (element.Attribute(TextId) is not null)
            {
                element.SetAttributeValue(TextId, value);
            }
        }
    }

    private static void DropCopiedComments(XElement root)
    {
        XName[] names = [W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference"];
        var seen = new HashSet<(XName, string)>();
        foreach (var element in root.Descendants().Where(e => names.Contains(e.Name)).ToList())
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

    private static void RepairTables(XElement root)
    {
        foreach (var table in root.Descendants(Tbl).Reverse().ToList())
        {
            if (!table.Elements(Tr).Any())
            {
                table.Remove();
            }
        }

        foreach (var cell in root.Descendants(Tc))
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
}
