using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
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
/// <remarks>
/// The part is fixed a piece at a time: each child of the root (of the body, in the main document), in document
/// order, carrying what the fixes share (ids, bookmarks, lists) from piece to piece as one walk over the whole part
/// would. <see cref="PieceScanner"/> first finds the pieces with nothing to fix whose text is already what the XML
/// writer would write; those (most of a long part) are copied as they stand, the engine's markers cut out and a list
/// level put in. Only the other pieces are read into a tree, one at a time, fixed and written. A part the scanner
/// does not follow is read and written whole, the same way.
/// </remarks>
internal static class OutputFixer
{
    // pPr children that come before w:numPr in the schema (CT_PPrBase).
    private static readonly HashSet<string> BeforeNumbering = new(StringComparer.Ordinal) { "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl" };

    /// <summary>As <see cref="XDocument.Parse(string, LoadOptions)"/> reads without <see cref="LoadOptions.PreserveWhitespace"/>; a DTD is refused.</summary>
    private static readonly XmlReaderSettings ReaderSettings = new() { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    /// <summary>Fixes the rendered XML of a part and returns it as UTF-8 bytes with its XML declaration.</summary>
    /// <param name="xml">The rendered XML, read where the engine wrote it.</param>
    /// <param name="state">What the parts of the rendering share.</param>
    /// <param name="numbering">The template's lists.</param>
    /// <param name="part">The part rendered, which keeps what its root tag declares from one rendering to the next; null for none.</param>
    /// <exception cref="XmlException">The rendered text is not well-formed XML.</exception>
    public static byte[] Fix(ReadOnlyMemory<char> xml, RenderState state, Numbering numbering, CompiledPart? part = null)
    {
        if (PieceScanner.Scan(xml, numbering, part?.ScannedRoot) is not { } scanned)
        {
            return FixByReading(xml, state, numbering);
        }

        if (part is not null)
        {
            part.ScannedRoot = scanned.Root;
        }

        return FixPieces(scanned, state, numbering);
    }

    /// <summary>
    /// Fixes a part the scanner has split into pieces: the pieces whose fixes can be made to their text are copied as
    /// they stand (markers cut out, ids renumbered, a list level put in), the others read into trees, fixed and
    /// written, in document order.
    /// </summary>
    private static byte[] FixPieces(PieceScanner scanned, RenderState state, Numbering numbering)
    {
        if (PieceCopier.TryCopyAll(scanned, state) is { } copied)
        {
            return copied;
        }

        var fixes = new PartFixes(state, numbering);
        var length = scanned.Text.Length;
        XmlReader? trees = null;
        using var stream = new MemoryStream(length + (length / 8) + 256);
        try
        {
            using var writer = XmlWriter.Create(stream, WriterSettings);
            var raw = new RawWriter(writer, stream);
            writer.WriteStartDocument(true);
            WriteStartElement(writer, scanned.RootElement, scanned.RootAttributes);
            if (scanned.RootEmpty)
            {
                writer.WriteEndElement();
            }
            else
            {
                foreach (var piece in scanned.Pieces)
                {
                    switch (piece.Kind)
                    {
                        case PieceKind.Copy:
                            var (paragraphId, drawingId) = (state.NextParagraphId, state.NextDrawingId);
                            PieceCopier.Copy(scanned, piece, raw, ref paragraphId, ref drawingId);
                            (state.NextParagraphId, state.NextDrawingId) = (paragraphId, drawingId);
                            fixes.Copied(piece.Iterations);
                            break;
                        case PieceKind.Marker:
                            if (piece.Iterations > 0)
                            {
                                fixes.EmptyMarker(IterationMarker.LocalName);
                            }

                            break;
                        case PieceKind.BodyStart:
                            raw.Done();
                            WriteStartElement(writer, scanned.Body, scanned.BodyAttributes);
                            if (piece.Empty)
                            {
                                writer.WriteEndElement();
                            }

                            break;
                        case PieceKind.BodyEnd:
                            raw.Done();
                            writer.WriteFullEndElement();
                            break;
                        default:
                            raw.Done();
                            trees ??= OpenTrees(scanned);
                            foreach (var fixedPiece in fixes.Fix((XElement)XNode.ReadFrom(trees)))
                            {
                                fixedPiece.WriteTo(writer);
                            }

                            break;
                    }
                }

                raw.Done();
                writer.WriteFullEndElement();
            }

            writer.WriteEndDocument();
        }
        finally
        {
            trees?.Dispose();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Writes text as it stands, in UTF-8, straight into the stream the XML writer writes to: the writer is flushed
    /// first (ending a start tag it has open), and takes over again once <see cref="Done"/>.
    /// </summary>
    private sealed class RawWriter(XmlWriter writer, MemoryStream stream) : TextSink
    {
        private bool _writing;

        public override void Write(ReadOnlySpan<char> text)
        {
            if (!_writing)
            {
                writer.WriteRaw(string.Empty);
                writer.Flush();
                _writing = true;
            }

            var length = checked((int)stream.Length);
            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            stream.SetLength(length + most);
            var written = Encoding.UTF8.GetBytes(text, stream.GetBuffer().AsSpan(length, most));
            stream.SetLength(length + written);
            stream.Position = length + written;
        }

        /// <summary>Hands the stream back to the XML writer.</summary>
        public void Done() => _writing = false;
    }

    private static void WriteStartElement(XmlWriter writer, (string Prefix, string Local, string Namespace) name, IReadOnlyList<(string Prefix, string Local, string Namespace, string Value)> attributes)
    {
        writer.WriteStartElement(name.Prefix, name.Local, name.Namespace);
        for (var i = 0; i < attributes.Count; i++)
        {
            var (prefix, local, ns, value) = attributes[i];
            writer.WriteAttributeString(prefix, local, ns, value);
        }
    }

    /// <summary>
    /// A reader over the pieces to fix alone, one after the other under the root's start tag (which declares their
    /// namespaces), on the first of them.
    /// </summary>
    private static XmlReader OpenTrees(PieceScanner scanned)
    {
        var pieces = new List<ReadOnlyMemory<char>> { scanned.RootStartTag };
        foreach (var piece in scanned.Pieces)
        {
            if (piece.Kind == PieceKind.Fix)
            {
                pieces.Add(scanned.Text.Slice(piece.Start, piece.Length));
            }
        }

        pieces.Add(("</" + scanned.RootName + ">").AsMemory());
        var reader = XmlReader.Create(new MemoryReader(pieces), ReaderSettings);
        reader.Read();
        reader.Read();
        return reader;
    }

    /// <summary>Fixes a part the scanner does not follow, reading and writing the whole of it (and, in tests, what the scanner's copies are checked against).</summary>
    internal static byte[] FixByReading(ReadOnlyMemory<char> text, RenderState state, Numbering numbering)
    {
        var fixes = new PartFixes(state, numbering);
        using var stream = new MemoryStream(text.Length + (text.Length / 8) + 256);
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        using (var reader = XmlReader.Create(new MemoryReader([text]), ReaderSettings))
        {
            writer.WriteStartDocument(true);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    CopyContainer(reader, writer, fixes, root: true);
                }
                else if (reader.NodeType == XmlNodeType.XmlDeclaration)
                {
                    reader.Read();
                }
                else
                {
                    XNode.ReadFrom(reader).WriteTo(writer);
                }
            }

            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Copies the element the reader is on, its start and end tags as they are (the engine's namespace declaration
    /// left out of the root), and fixes and writes its children a piece at a time; the main document's body is a
    /// container too.
    /// </summary>
    private static void CopyContainer(XmlReader reader, XmlWriter writer, PartFixes fixes, bool root)
    {
        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        var empty = reader.IsEmptyElement;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (!(root && reader.NamespaceURI == XNamespace.Xmlns.NamespaceName && reader.LocalName == "mt"))
                {
                    writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        reader.Read();
        if (empty)
        {
            writer.WriteEndElement();
            return;
        }

        while (reader.NodeType != XmlNodeType.EndElement)
        {
            if (root && reader.NodeType == XmlNodeType.Element && reader.LocalName == "body" && reader.NamespaceURI == W.NamespaceName)
            {
                CopyContainer(reader, writer, fixes, root: false);
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.IsEmptyElement && reader.NamespaceURI == Mt.NamespaceName)
            {
                // An empty marker between pieces (a loop's iteration, most often) is counted and left out as it is read.
                fixes.EmptyMarker(reader.LocalName);
                reader.Read();
                continue;
            }

            var node = XNode.ReadFrom(reader);
            if (node is XElement element)
            {
                foreach (var piece in fixes.Fix(element))
                {
                    piece.WriteTo(writer);
                }
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        writer.WriteFullEndElement();
        reader.Read();
    }

    /// <summary>Serializes a part as UTF-8 bytes with its XML declaration.</summary>
    public static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            document.Declaration = new XDeclaration("1.0", "UTF-8", "yes");
            document.Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>What the fixes of one part carry from piece to piece, in document order.</summary>
    private sealed class PartFixes(RenderState state, Numbering numbering)
    {
        private readonly ListRestarts _lists = new();
        private readonly HashSet<string> _shapeIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Stack<string>> _openBookmarks = new(StringComparer.Ordinal);
        private readonly HashSet<string> _bookmarkNames = new(StringComparer.Ordinal);
        private readonly HashSet<(XName, string)> _comments = [];
        private readonly List<XElement> _blocks = [];
        private readonly List<XElement> _levels = [];
        private readonly Found _found = new();

        /// <summary>Stands in for the last element of a piece copied as it stood: no list paragraph.</summary>
        private static readonly XElement CopiedPiece = new(Mt + "copied");

        /// <summary>
        /// Takes a piece copied as it stood: it holds no counting list, so the next piece does not follow one; the
        /// iterations whose markers it held are counted.
        /// </summary>
        public void Copied(int iterations)
        {
            _lists.Iteration += iterations;
            _lists.LastBefore = CopiedPiece;
        }

        /// <summary>Takes an empty marker of the engine that is a piece by itself: what a piece holding only it would do.</summary>
        public void EmptyMarker(string localName)
        {
            if (localName == IterationMarker.LocalName)
            {
                _lists.Iteration++;
            }
        }

        /// <summary>Fixes one piece of the part; returns what is to be written in its place (a moved table adds pieces, a marker leaves none).</summary>
        public IEnumerable<XElement> Fix(XElement element)
        {
            var piece = new XElement(Mt + "piece", element);
            FindBlocksAndLevels(piece, _blocks, _levels);
            if (_blocks.Count > 0)
            {
                MoveBlocks(_blocks);

                // What moved was copied, with any level markers in it.
                _levels.Clear();
                _levels.AddRange(piece.Descendants(LevelMarker));
            }

            ApplyListLevels(_levels);
            var found = _found.In(piece);
            var nextNumId = state.NextNumId;
            _lists.Piece = piece;
            numbering.RestartLists(found.ListParagraphs, _lists, state.AddedLists, ref nextNumId);
            _lists.PieceDone();
            state.NextNumId = nextNumId;
            RemoveMarkers(found.MarkerParents);
            RenumberDrawings(found.Drawings, state);
            RenumberShapes(found.Shapes, _shapeIds);
            RenumberBookmarks(found.Bookmarks, state, _openBookmarks, _bookmarkNames);
            RenumberParagraphIds(found.ParagraphIds, state);
            DropCopiedComments(found.Comments, _comments);
            RepairTables(found.Tables, found.Cells);
            return piece.Elements();
        }
    }

    private static void FindBlocksAndLevels(XElement root, List<XElement> blocks, List<XElement> levels)
    {
        blocks.Clear();
        levels.Clear();
        foreach (var element in root.Descendants())
        {
            if (element.Name.Namespace == Mt)
            {
                (element.Name == BlockMarker ? blocks : element.Name == LevelMarker ? levels : null)?.Add(element);
            }
        }
    }

    /// <summary>
    /// A table that a tag wrote inside its paragraph goes after that paragraph, which is dropped when
    /// nothing else is in it: a paragraph cannot hold a table.
    /// </summary>
    private static void MoveBlocks(List<XElement> blocks)
    {
        foreach (var marker in blocks)
        {
            var paragraph = EnclosingParagraph(marker);
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

    /// <summary>The paragraph <paramref name="element"/> stands in, if any: its nearest <c>w:p</c> ancestor.</summary>
    internal static XElement? EnclosingParagraph(XElement element)
    {
        for (var parent = element.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Name == P)
            {
                return parent;
            }
        }

        return null;
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
            var paragraph = EnclosingParagraph(marker);
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
    private static void RenumberShapes(List<XElement> shapes, HashSet<string> ids)
    {
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

    private static void RenumberBookmarks(List<XElement> bookmarks, RenderState state, Dictionary<string, Stack<string>> open, HashSet<string> names)
    {
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

    private static void DropCopiedComments(List<XElement> comments, HashSet<(XName, string)> seen)
    {
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

        private readonly HashSet<XElement> _parents = new(ReferenceEqualityComparer.Instance);

        /// <summary>Walks <paramref name="root"/>'s descendants once, without recursion (a template's nesting has no bound), into this, emptied first.</summary>
        public Found In(XElement root)
        {
            ListParagraphs.Clear();
            MarkerParents.Clear();
            Drawings.Clear();
            Shapes.Clear();
            Bookmarks.Clear();
            ParagraphIds.Clear();
            Comments.Clear();
            Tables.Clear();
            Cells.Clear();

            _parents.Clear();
            var found = this;
            XElement? marker = null;
            var parents = _parents;
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

        /// <summary>The first child element; an element holding only text has none, and its text is not made a node to find out.</summary>
        private static XElement? FirstElement(XElement element) =>
            !element.HasElements ? null : element.FirstNode is XElement first ? first : NextElement(element.FirstNode);

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
