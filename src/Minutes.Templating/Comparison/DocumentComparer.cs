using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Minutes.Templating.Engine;
using Minutes.Templating.Packaging;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Comparison;

/// <summary>
/// Compares two renderings of minutes through the same template, block by block in every part that
/// holds text (the body, headers and footers), and writes the new rendering with every difference as
/// Word revisions. Working on the rendered documents rather than on the minutes keeps the result right
/// for any template: whatever it prints, and wherever, is compared.
/// </summary>
internal sealed class DocumentComparer
{
    private static readonly XName Tc = W + "tc";
    private static readonly XName TcPr = W + "tcPr";
    private static readonly XName PStyle = W + "pStyle";
    private static readonly XName TblPr = W + "tblPr";
    private static readonly XName TblGrid = W + "tblGrid";
    private static readonly XName TblStyle = W + "tblStyle";
    private static readonly XName Num = W + "num";
    private static readonly XName NumIdAttribute = W + "numId";

    private readonly Revisions _revisions;
    private readonly Dictionary<XElement, string> _texts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string> _numIds = new(StringComparer.Ordinal);
    private readonly List<XElement> _oldNumIds = [];
    private int _nextDrawingId;

    private DocumentComparer(Revisions revisions, int nextDrawingId)
    {
        _revisions = revisions;
        _nextDrawingId = nextDrawingId;
    }

    /// <summary>The new document with the differences from the old one as revisions, and how many there are.</summary>
    /// <param name="oldDocument">The old version rendered.</param>
    /// <param name="newDocument">The new version rendered through the same template with the same options.</param>
    /// <param name="author">The revisions' author.</param>
    /// <param name="date">The revisions' date.</param>
    /// <returns>The new document itself, byte for byte, when nothing differs.</returns>
    public static (byte[] Document, int Revisions) Compare(byte[] oldDocument, byte[] newDocument, string author, DateTimeOffset date)
    {
        var oldEntries = ReadEntries(oldDocument);
        var newEntries = ReadEntries(newDocument);
        var oldByName = oldEntries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var newByName = newEntries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

        // The parts that hold text: the main document and its headers and footers, found as Word finds them.
        var main = Targets(newByName, string.Empty, "/officeDocument").FirstOrDefault();
        var textParts = new List<string>();
        string? numberingPart = null;
        if (main is not null)
        {
            textParts.Add(main);
            textParts.AddRange(Targets(newByName, main, "/header"));
            textParts.AddRange(Targets(newByName, main, "/footer"));
            numberingPart = Targets(newByName, main, "/numbering").FirstOrDefault();
        }

        var parsed = textParts.Where(p => newByName.ContainsKey(p) && oldByName.ContainsKey(p))
            .Select(p => (Name: p, Old: Parse(oldByName[p]), New: Parse(newByName[p])))
            .ToList();
        var firstId = parsed.SelectMany(p => p.New.Descendants()).Select(e => (string?)e.Attribute(Id)).Max(v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0) + 1;
        var firstDrawing = parsed.SelectMany(p => p.New.Descendants(DocPr)).Select(e => (string?)e.Attribute("id")).Max(v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0) + 1;
        var comparer = new DocumentComparer(new Revisions(author, date, firstId), firstDrawing);

        var replaced = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, oldPart, newPart) in parsed)
        {
            var relsName = PackageParts.RelationshipsEntry(name);
            var relationships = new PartRelationships(
                oldByName.TryGetValue(relsName, out var oldRels) ? Parse(oldRels) : null,
                newByName.TryGetValue(relsName, out var newRels) ? Parse(newRels) : null,
                oldByName,
                newByName,
                name);
            var before = comparer._revisions.Count;
            comparer.ComparePart(oldPart.Root!, newPart.Root!, relationships);
            if (comparer._revisions.Count > before)
            {
                DropDanglingNoteReferences(newPart.Root!, newByName);
                replaced[name] = OutputFixer.Serialize(newPart);
                if (relationships.Changed)
                {
                    replaced[relsName] = OutputFixer.Serialize(relationships.New!);
                    foreach (var (entry, data) in relationships.CopiedParts)
                    {
                        replaced[entry] = data;
                    }
                }
            }
        }

        if (comparer._revisions.Count == 0)
        {
            return (newDocument, 0);
        }

        var revisions = parsed.Sum(p => p.New.Descendants().Count(e => e.Name == Revisions.Ins || e.Name == Revisions.Del || e.Name == Revisions.RPrChange || e.Name == Revisions.PPrChange));

        if (comparer._oldNumIds.Count > 0 && numberingPart is not null && newByName.TryGetValue(numberingPart, out var newNumbering))
        {
            var numbering = Parse(newNumbering);
            var oldNumbering = oldByName.TryGetValue(numberingPart, out var data) ? Parse(data) : null;
            if (comparer.FixNumbering(numbering.Root!, oldNumbering?.Root))
            {
                replaced[numberingPart] = OutputFixer.Serialize(numbering);
                foreach (var part in parsed.Where(p => replaced.ContainsKey(p.Name)))
                {
                    replaced[part.Name] = OutputFixer.Serialize(part.New);
                }
            }
        }

        using var output = new MemoryStream();
        PackageWriter.Write(output, PackageWriter.Compress(newEntries), replaced);
        return (output.ToArray(), revisions);
    }

    /// <summary>
    /// Deleted text comes from the old version, whose footnotes and endnotes the new package does not carry: a
    /// reference in it to a note the new package lacks is taken out, so the document stays valid.
    /// </summary>
    private static void DropDanglingNoteReferences(XElement root, Dictionary<string, byte[]> newByName)
    {
        foreach (var (reference, note, part) in new[] { ("footnoteReference", "footnote", "word/footnotes.xml"), ("endnoteReference", "endnote", "word/endnotes.xml") })
        {
            var references = root.Descendants(W + reference).ToList();
            if (references.Count == 0)
            {
                continue;
            }

            var ids = newByName.TryGetValue(part, out var notes)
                ? Parse(notes).Descendants(W + note).Select(n => (string?)n.Attribute(W + "id")).OfType<string>().ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var dangling in references.Where(r => (string?)r.Attribute(W + "id") is not { } id || !ids.Contains(id)))
            {
                dangling.Remove();
            }
        }
    }

    private void ComparePart(XElement oldRoot, XElement newRoot, PartRelationships relationships)
    {
        var oldContainer = oldRoot.Element(W + "body") ?? oldRoot;
        var newContainer = newRoot.Element(W + "body") ?? newRoot;
        CompareContainer(oldContainer, newContainer, relationships);
    }

    /// <summary>Compares the paragraphs and tables of a body, header, footer or table cell.</summary>
    private void CompareContainer(XElement oldContainer, XElement newContainer, PartRelationships relationships)
    {
        var oldBlocks = Blocks(oldContainer);
        var newBlocks = Blocks(newContainer);
        var output = new List<XElement>();
        foreach (var step in Aligner.Align(oldBlocks, newBlocks, b => Key(b, relationships, b.Document == oldContainer.Document), Likeness))
        {
            var oldBlock = step.Old >= 0 ? oldBlocks[step.Old] : null;
            var newBlock = step.New >= 0 ? newBlocks[step.New] : null;
            switch (step.Kind)
            {
                case Alignment.Equal:
                    MapNumbering(oldBlock!, newBlock!);
                    output.Add(newBlock!);
                    break;
                case Alignment.Changed when newBlock!.Name == P:
                    MapNumbering(oldBlock!, newBlock);
                    CompareParagraph(Import(oldBlock!, relationships), newBlock);
                    output.Add(newBlock);
                    break;
                case Alignment.Changed:
                    CompareTable(oldBlock!, newBlock, relationships);
                    output.Add(newBlock);
                    break;
                case Alignment.Deleted:
                    var deleted = Import(oldBlock!, relationships);
                    Mark(deleted, Revisions.Del);
                    output.Add(deleted);
                    break;
                case Alignment.Inserted:
                    Mark(newBlock!, Revisions.Ins);
                    output.Add(newBlock!);
                    break;
            }
        }

        FixParagraphMarks(output);
        foreach (var block in newBlocks)
        {
            block.Remove();
        }

        var before = newContainer.Elements().LastOrDefault(e => e.Name == TcPr);
        var after = newContainer.Elements().FirstOrDefault(e => e.Name == SectPr);
        if (after is not null)
        {
            after.AddBeforeSelf(output);
        }
        else if (before is not null)
        {
            before.AddAfterSelf(output);
        }
        else
        {
            newContainer.Add(output);
        }
    }

    private void Mark(XElement block, XName kind)
    {
        if (block.Name == P)
        {
            _revisions.MarkContent(block, kind);
            _revisions.MarkParagraph(block, kind);
        }
        else if (block.Name == Tbl)
        {
            foreach (var row in block.Elements(Tr))
            {
                _revisions.MarkRow(row, kind);
            }
        }
        else
        {
            _revisions.MarkContent(block, kind);
        }
    }

    private void CompareParagraph(XElement old, XElement paragraph)
    {
        var oldProperties = Properties(old.Element(PPr));
        var newProperties = Properties(paragraph.Element(PPr));
        ParagraphMerger.Merge(old, paragraph, _revisions);
        if (ParagraphMerger.Canonical(oldProperties) != ParagraphMerger.Canonical(newProperties))
        {
            var properties = paragraph.Element(PPr);
            if (properties is null)
            {
                properties = new XElement(PPr);
                paragraph.AddFirst(properties);
            }

            var oldCopy = old.Element(PPr) ?? new XElement(PPr);
            oldCopy.Remove();
            oldCopy.Elements().Where(e => e.Name == RPr || e.Name == SectPr || e.Name == Revisions.PPrChange).Remove();
            properties.Add(_revisions.Mark(Revisions.PPrChange, oldCopy));
        }

        // Paragraph properties compared without the list instance, which the two renderings number on their own.
        static XElement Properties(XElement? properties)
        {
            var copy = properties is null ? new XElement(PPr) : new XElement(properties);
            copy.Elements().Where(e => e.Name == RPr || e.Name == SectPr).Remove();
            copy.Descendants(NumId).Remove();
            copy.Descendants(NumPr).Where(n => !n.HasElements).Remove();
            return copy;
        }
    }

    private void CompareTable(XElement old, XElement table, PartRelationships relationships)
    {
        var oldRows = old.Elements(Tr).ToList();
        var newRows = table.Elements(Tr).ToList();
        var output = new List<XElement>();
        foreach (var step in Aligner.Align(oldRows, newRows, r => Key(r, relationships, r.Document == old.Document), Likeness))
        {
            switch (step.Kind)
            {
                case Alignment.Equal:
                    MapNumbering(oldRows[step.Old], newRows[step.New]);
                    output.Add(newRows[step.New]);
                    break;
                case Alignment.Changed:
                    foreach (var (oldCell, newCell) in oldRows[step.Old].Elements(Tc).Zip(newRows[step.New].Elements(Tc)))
                    {
                        CompareContainer(oldCell, newCell, relationships);
                    }

                    output.Add(newRows[step.New]);
                    break;
                case Alignment.Deleted:
                    var deleted = Import(oldRows[step.Old], relationships);
                    _revisions.MarkRow(deleted, Revisions.Del);
                    output.Add(deleted);
                    break;
                case Alignment.Inserted:
                    _revisions.MarkRow(newRows[step.New], Revisions.Ins);
                    output.Add(newRows[step.New]);
                    break;
            }
        }

        foreach (var row in newRows)
        {
            row.Remove();
        }

        table.Add(output);
    }

    /// <summary>
    /// The last paragraph of a cell, or before a table, keeps its mark in both versions: Word and
    /// LibreOffice merge a paragraph whose mark is removed with the paragraph that follows, and there
    /// must be one. When the last paragraph of such a stretch is new or removed, the marks of the
    /// paragraphs before it move down one, so the text of each version stays exactly as it was.
    /// </summary>
    private void FixParagraphMarks(List<XElement> blocks)
    {
        var start = 0;
        while (start < blocks.Count)
        {
            if (blocks[start].Name != P)
            {
                start++;
                continue;
            }

            var end = start;
            while (end + 1 < blocks.Count && blocks[end + 1].Name == P)
            {
                end++;
            }

            while (Revisions.ParagraphMark(blocks[end]) is not null)
            {
                var both = -1;
                for (var k = end; k >= start; k--)
                {
                    if (Revisions.ParagraphMark(blocks[k]) is null)
                    {
                        both = k;
                        break;
                    }
                }

                if (both >= 0)
                {
                    Rotate(blocks.GetRange(both, end - both + 1));
                    break;
                }

                var deleted = Enumerable.Range(start, end - start + 1).LastOrDefault(k => Revisions.ParagraphMark(blocks[k]) == Revisions.Del, -1);
                var inserted = Enumerable.Range(start, end - start + 1).LastOrDefault(k => Revisions.ParagraphMark(blocks[k]) == Revisions.Ins, -1);
                if (deleted < 0 || inserted < 0)
                {
                    // Only new or only removed paragraphs up to a table or the end. Before a table that is
                    // new or removed as they are, with a paragraph after it, they join that paragraph when
                    // the table is gone; otherwise the last mark stays in both versions (an empty paragraph).
                    var kind = Revisions.ParagraphMark(blocks[end]);
                    var joins = end + 2 < blocks.Count && blocks[end + 1].Name == Tbl && blocks[end + 2].Name == P
                        && blocks[end + 1].Elements(Tr).All(r => r.Element(Revisions.TrPr)?.Element(kind!) is not null);
                    if (!joins)
                    {
                        _revisions.MarkParagraph(blocks[end], null);
                    }

                    break;
                }

                // A removed and a new paragraph become one paragraph holding both texts.
                var target = blocks[inserted];
                var content = blocks[deleted].Nodes().Where(n => n is not XElement e || e.Name != PPr).ToList();
                content.ForEach(n => n.Remove());
                var properties = target.Element(PPr);
                if (properties is null)
                {
                    target.AddFirst(content);
                }
                else
                {
                    properties.AddAfterSelf(content);
                }

                _revisions.MarkParagraph(target, null);
                blocks.RemoveAt(deleted);
                end--;
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// Moves the marks of a stretch of paragraphs down one, so the last is in both versions, and moves
    /// the paragraph properties with them: the n-th paragraph of each version keeps its own properties
    /// (a mark in both versions records the old ones in <c>w:pPrChange</c>).
    /// </summary>
    private void Rotate(List<XElement> paragraphs)
    {
        var marks = paragraphs.Select(Revisions.ParagraphMark).ToList();
        var newProperties = new Queue<XElement>();
        var oldProperties = new Queue<XElement>();
        var markProperties = new List<XElement?>();
        for (var k = 0; k < paragraphs.Count; k++)
        {
            var properties = paragraphs[k].Element(PPr) ?? new XElement(PPr);
            properties.Remove();
            var runProperties = properties.Element(RPr);
            runProperties?.Remove();
            markProperties.Add(runProperties);
            var change = properties.Element(Revisions.PPrChange);
            change?.Remove();
            if (marks[k] != Revisions.Del)
            {
                newProperties.Enqueue(properties);
            }

            if (marks[k] != Revisions.Ins)
            {
                oldProperties.Enqueue(change?.Element(PPr) ?? (marks[k] == Revisions.Del ? properties : new XElement(properties)));
            }
        }

        for (var k = 0; k < paragraphs.Count; k++)
        {
            var mark = k < paragraphs.Count - 1 ? marks[k + 1] : null;
            XElement properties;
            if (mark == Revisions.Del)
            {
                properties = oldProperties.Dequeue();
                if (properties.Parent is not null)
                {
                    properties.Remove();
                }
            }
            else
            {
                properties = newProperties.Dequeue();
                if (mark is null)
                {
                    var old = oldProperties.Dequeue();
                    if (old.Parent is not null)
                    {
                        old.Remove();
                    }
                    if (ParagraphMerger.Canonical(old) != ParagraphMerger.Canonical(properties))
                    {
                        properties.Add(_revisions.Mark(Revisions.PPrChange, old));
                    }
                }
            }

            if (markProperties[k] is { } runProperties)
            {
                runProperties.Elements().Where(e => e.Name == Revisions.Ins || e.Name == Revisions.Del).Remove();
                if (runProperties.HasElements)
                {
                    var after = properties.Elements().FirstOrDefault(e => e.Name == SectPr || e.Name == Revisions.PPrChange);
                    if (after is null)
                    {
                        properties.Add(runProperties);
                    }
                    else
                    {
                        after.AddBeforeSelf(runProperties);
                    }
                }
            }

            if (properties.HasElements || properties.HasAttributes)
            {
                paragraphs[k].AddFirst(properties);
            }

            _revisions.MarkParagraph(paragraphs[k], mark);
        }
    }

    /// <summary>A copy of old content for the new document: no bookmarks or ids that would clash, relationships and drawings renumbered.</summary>
    private XElement Import(XElement element, PartRelationships relationships)
    {
        var copy = new XElement(element);
        copy.Descendants().Where(e => e.Name == BookmarkStart || e.Name == BookmarkEnd || e.Name == W + "commentRangeStart" || e.Name == W + "commentRangeEnd" || e.Name == W + "commentReference").Remove();
        foreach (var e in copy.DescendantsAndSelf())
        {
            e.Attribute(ParaId)?.Remove();
            e.Attribute(TextId)?.Remove();
            foreach (var attribute in e.Attributes().Where(a => a.Name.Namespace == R).ToList())
            {
                attribute.Value = relationships.Import(attribute.Value);
            }
        }

        foreach (var drawing in copy.Descendants(DocPr))
        {
            drawing.SetAttributeValue("id", _nextDrawingId++);
        }

        _oldNumIds.AddRange(copy.Descendants(NumId));
        return copy;
    }

    /// <summary>Remembers which list instance of the new rendering stands for which of the old one.</summary>
    private void MapNumbering(XElement old, XElement @new)
    {
        foreach (var (o, n) in old.DescendantsAndSelf(P).Zip(@new.DescendantsAndSelf(P)))
        {
            if ((string?)o.Element(PPr)?.Element(NumPr)?.Element(NumId)?.Attribute(Val) is { } oldId
                && (string?)n.Element(PPr)?.Element(NumPr)?.Element(NumId)?.Attribute(Val) is { } newId)
            {
                _numIds.TryAdd(oldId, newId);
            }
        }
    }

    /// <summary>
    /// Points removed paragraphs at the new rendering's list instance of their list; a list only the old
    /// rendering had is copied into the new numbering part. Returns true when the numbering part changed.
    /// </summary>
    private bool FixNumbering(XElement numbering, XElement? oldNumbering)
    {
        var changed = false;
        var newNums = numbering.Elements(Num).ToDictionary(n => (string?)n.Attribute(NumIdAttribute) ?? string.Empty, StringComparer.Ordinal);
        var oldNums = oldNumbering?.Elements(Num).ToDictionary(n => (string?)n.Attribute(NumIdAttribute) ?? string.Empty, StringComparer.Ordinal) ?? [];
        var next = newNums.Keys.Select(k => int.TryParse(k, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        foreach (var numId in _oldNumIds)
        {
            var oldId = (string?)numId.Attribute(Val) ?? string.Empty;
            if (!_numIds.TryGetValue(oldId, out var newId))
            {
                if (!oldNums.TryGetValue(oldId, out var oldNum)
                    || (newNums.TryGetValue(oldId, out var same) && ParagraphMerger.Canonical(same) == ParagraphMerger.Canonical(oldNum)))
                {
                    newId = oldId;
                }
                else
                {
                    newId = (next++).ToString(CultureInfo.InvariantCulture);
                    var copy = new XElement(oldNum);
                    copy.SetAttributeValue(NumIdAttribute, newId);
                    (numbering.Elements(Num).LastOrDefault() ?? (XElement?)numbering.Elements(W + "abstractNum").LastOrDefault())?.AddAfterSelf(copy);
                    newNums[newId] = copy;
                    changed = true;
                }

                _numIds[oldId] = newId;
            }

            if (newId != oldId)
            {
                numId.SetAttributeValue(Val, newId);
            }
        }

        return changed || _oldNumIds.Count > 0;
    }

    private static List<XElement> Blocks(XElement container) =>
        [.. container.Elements().Where(e => e.Name != TcPr && e.Name != SectPr)];

    /// <summary>What makes two blocks equal: their markup, without list instances, ids and relationship ids.</summary>
    private static string Key(XElement block, PartRelationships relationships, bool old)
    {
        var copy = new XElement(block);
        foreach (var e in copy.DescendantsAndSelf())
        {
            e.Attribute(ParaId)?.Remove();
            e.Attribute(TextId)?.Remove();
            if (e.Name == NumId)
            {
                e.Attribute(Val)?.Remove();
            }

            if (e.Name == DocPr)
            {
                e.Attribute("id")?.Remove();
            }

            foreach (var attribute in e.Attributes().Where(a => a.Name.Namespace == R))
            {
                attribute.Value = old ? relationships.OldTarget(attribute.Value) : relationships.NewTarget(attribute.Value);
            }
        }

        return ParagraphMerger.Canonical(copy);
    }

    private double Likeness(XElement old, XElement @new)
    {
        if (old.Name != @new.Name)
        {
            return -1;
        }

        if (old.Name == P)
        {
            if ((string?)old.Element(PPr)?.Element(PStyle)?.Attribute(Val) != (string?)@new.Element(PPr)?.Element(PStyle)?.Attribute(Val))
            {
                return -1;
            }
        }
        else if (old.Name == Tbl)
        {
            if ((string?)old.Element(TblPr)?.Element(TblStyle)?.Attribute(Val) != (string?)@new.Element(TblPr)?.Element(TblStyle)?.Attribute(Val)
                || old.Element(TblGrid)?.Elements().Count() != @new.Element(TblGrid)?.Elements().Count())
            {
                return -1;
            }
        }
        else if (old.Name == Tr)
        {
            if (old.Elements(Tc).Count() != @new.Elements(Tc).Count())
            {
                return -1;
            }
        }
        else
        {
            return -1;
        }

        return ParagraphMerger.Likeness(Text(old), Text(@new));
    }

    private string Text(XElement block)
    {
        if (!_texts.TryGetValue(block, out var text))
        {
            text = block.Name == P
                ? ParagraphMerger.Text(block)
                : string.Join('\n', block.Descendants(P).Select(ParagraphMerger.Text));
            _texts[block] = text;
        }

        return text;
    }

    /// <summary>The parts that <paramref name="source"/> (or the package, when empty) refers to with a relationship of a type ending so.</summary>
    private static List<string> Targets(Dictionary<string, byte[]> entries, string source, string typeEnding)
    {
        if (!entries.TryGetValue(source.Length == 0 ? PackageParts.PackageRelationshipsEntry : PackageParts.RelationshipsEntry(source), out var data))
        {
            return [];
        }

        return Parse(data).Root!.Elements(Relationship)
            .Where(r => ((string?)r.Attribute("Type") ?? string.Empty).EndsWith(typeEnding, StringComparison.Ordinal) && (string?)r.Attribute("TargetMode") != "External")
            .Select(r => PackageParts.Resolve(source, (string?)r.Attribute("Target") ?? string.Empty))
            .OfType<string>()
            .Where(entries.ContainsKey)
            .ToList();
    }

    private static XDocument Parse(byte[] data)
    {
        using var stream = new MemoryStream(data);
        return XDocument.Load(stream, LoadOptions.None);
    }

    private static List<KeyValuePair<string, byte[]>> ReadEntries(byte[] package)
    {
        var entries = new List<KeyValuePair<string, byte[]>>();
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries.Add(new(entry.FullName, copy.ToArray()));
        }

        return entries;
    }
}
