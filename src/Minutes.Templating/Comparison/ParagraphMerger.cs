using System.Text;
using System.Xml.Linq;
using DiffPlex;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Comparison;

/// <summary>
/// Merges the old and the new version of one paragraph into the new paragraph with the words removed
/// and inserted marked (<c>w:del</c>, <c>w:ins</c>), and formatting changes on unchanged words marked
/// (<c>w:rPrChange</c>). The words are compared by DiffPlex; a word keeps the run formatting and the
/// link it had.
/// </summary>
internal static class ParagraphMerger
{
    private enum State
    {
        Equal,
        Deleted,
        Inserted,
    }

    /// <summary>One character, tab, break or other run element of a paragraph, with its formatting.</summary>
    private sealed record Atom(char Symbol, XElement? Element, XElement? RunProperties, string Format, XElement? Link, bool Loose);

    /// <summary>The plain text of a paragraph as the comparison sees it (tabs and breaks included).</summary>
    public static string Text(XElement paragraph)
    {
        var builder = new StringBuilder();
        foreach (var atom in Atoms(paragraph, null))
        {
            if (atom.Element is null || atom.Symbol is '\t' or '\n')
            {
                builder.Append(atom.Symbol);
            }
        }

        return builder.ToString();
    }

    /// <summary>How alike two texts are, 0..1: the share of their characters in words they have in common.</summary>
    public static double Likeness(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var diff = Differ.Instance.CreateDiffs(a, b, false, false, WordChunker.Instance);
        var changed = diff.DiffBlocks.Sum(block =>
            Enumerable.Range(block.DeleteStartA, block.DeleteCountA).Sum(i => diff.PiecesOld[i].Length) +
            Enumerable.Range(block.InsertStartB, block.InsertCountB).Sum(i => diff.PiecesNew[i].Length));
        return 1 - ((double)changed / (a.Length + b.Length));
    }

    /// <summary>
    /// Replaces the content of <paramref name="merged"/> (a copy of the new paragraph) by the merge of the
    /// old paragraph (already imported into the new document) and the new one.
    /// </summary>
    public static void Merge(XElement old, XElement merged, Revisions revisions)
    {
        var symbols = new Dictionary<string, char>(StringComparer.Ordinal);
        var oldAtoms = Atoms(old, symbols).ToList();
        var newAtoms = Atoms(merged, symbols).ToList();
        var oldText = new string([.. oldAtoms.Select(a => a.Symbol)]);
        var newText = new string([.. newAtoms.Select(a => a.Symbol)]);
        var diff = Differ.Instance.CreateDiffs(oldText, newText, false, false, WordChunker.Instance);

        var steps = new List<(State State, Atom Atom, Atom? Before)>();
        int oldPiece = 0, newPiece = 0, oldAt = 0, newAt = 0;
        void Equal(int untilOldPiece)
        {
            for (; oldPiece < untilOldPiece; oldPiece++, newPiece++)
            {
                for (var c = 0; c < diff.PiecesOld[oldPiece].Length; c++)
                {
                    steps.Add((State.Equal, newAtoms[newAt++], oldAtoms[oldAt++]));
                }
            }
        }

        foreach (var block in diff.DiffBlocks)
        {
            Equal(block.DeleteStartA);
            for (var k = 0; k < block.DeleteCountA; k++, oldPiece++)
            {
                for (var c = 0; c < diff.PiecesOld[oldPiece].Length; c++)
                {
                    steps.Add((State.Deleted, oldAtoms[oldAt++], null));
                }
            }

            for (var k = 0; k < block.InsertCountB; k++, newPiece++)
            {
                for (var c = 0; c < diff.PiecesNew[newPiece].Length; c++)
                {
                    steps.Add((State.Inserted, newAtoms[newAt++], null));
                }
            }
        }

        Equal(diff.PiecesOld.Count);

        var properties = merged.Element(PPr);
        merged.RemoveNodes();
        if (properties is not null)
        {
            merged.Add(properties);
        }

        XElement? linkElement = null;
        XElement? linkSource = null;
        XElement? current = null;
        (State, string, string?)? currentKey = null;
        foreach (var (state, atom, before) in steps)
        {
            if (atom.Loose)
            {
                current = null;
                currentKey = null;
                if (state != State.Deleted)
                {
                    var loose = new XElement(atom.Element!);
                    if (state == State.Inserted)
                    {
                        revisions.MarkContent(loose, Revisions.Ins);
                    }

                    Container().Add(loose);
                }

                continue;
            }

            var formatChange = state == State.Equal && before!.Format != atom.Format ? before.Format : null;
            var key = (state, atom.Format, formatChange);
            if (atom.Link != linkSource)
            {
                linkSource = atom.Link;
                linkElement = atom.Link is null ? null : new XElement(atom.Link.Name, atom.Link.Attributes());
                if (linkElement is not null)
                {
                    merged.Add(linkElement);
                }

                current = null;
            }

            if (current is null || currentKey != key)
            {
                current = new XElement(Run);
                var runProperties = atom.RunProperties is null ? null : new XElement(atom.RunProperties);
                if (formatChange is not null)
                {
                    runProperties ??= new XElement(RPr);
                    runProperties.Add(revisions.Mark(Revisions.RPrChange, new XElement(RPr, before!.RunProperties?.Elements().Where(e => e.Name != Revisions.RPrChange).Select(e => new XElement(e)))));
                }

                if (runProperties is not null)
                {
                    current.Add(runProperties);
                }

                Container().Add(state switch
                {
                    State.Deleted => revisions.Mark(Revisions.Del, current),
                    State.Inserted => revisions.Mark(Revisions.Ins, current),
                    _ => current,
                });

                // The run added is a copy when it was wrapped: write into the copy.
                current = state == State.Equal ? current : ((XElement)Container().LastNode!).Element(Run)!;
                currentKey = key;
            }

            if (atom.Element is null)
            {
                var textName = state == State.Deleted ? Revisions.DelText : T;
                if (current.LastNode is XElement last && last.Name == textName)
                {
                    last.Value += atom.Symbol;
                }
                else
                {
                    current.Add(new XElement(textName, new XAttribute(XmlSpace, "preserve"), atom.Symbol.ToString()));
                }
            }
            else
            {
                var element = new XElement(atom.Element);
                if (state == State.Deleted && element.Name == Revisions.InstrText)
                {
                    element.Name = Revisions.DelInstrText;
                }

                current.Add(element);
            }
        }

        XElement Container() => linkElement ?? merged;
    }

    /// <summary>Markup as text without namespace declarations, so a copy compares equal wherever it stands.</summary>
    public static string Canonical(XElement element)
    {
        var builder = new StringBuilder();
        Append(element);
        return builder.ToString();

        void Append(XElement e)
        {
            builder.Append('<').Append(e.Name);
            foreach (var attribute in e.Attributes().Where(a => !a.IsNamespaceDeclaration))
            {
                builder.Append(' ').Append(attribute.Name).Append("=\"").Append(attribute.Value).Append('"');
            }

            builder.Append('>');
            foreach (var node in e.Nodes())
            {
                if (node is XElement child)
                {
                    Append(child);
                }
                else if (node is XText text)
                {
                    builder.Append(text.Value);
                }
            }

            builder.Append("</>");
        }
    }

    /// <summary>
    /// The paragraph's content as atoms: each character of text one atom, each other run element (tab,
    /// break, field character, drawing) one atom with a symbol of its own, and each element outside runs
    /// (bookmarks, simple fields) one loose atom.
    /// </summary>
    private static IEnumerable<Atom> Atoms(XElement paragraph, Dictionary<string, char>? symbols)
    {
        return Of(paragraph, null);

        IEnumerable<Atom> Of(XElement parent, XElement? link)
        {
            foreach (var child in parent.Elements())
            {
                if (child.Name == PPr)
                {
                    continue;
                }

                if (child.Name == Hyperlink)
                {
                    foreach (var atom in Of(child, child))
                    {
                        yield return atom;
                    }
                }
                else if (child.Name == Run)
                {
                    var runProperties = child.Element(RPr);
                    var format = runProperties is null ? string.Empty : Canonical(runProperties);
                    foreach (var content in child.Elements().Where(e => e.Name != RPr))
                    {
                        if (content.Name == T || content.Name == Revisions.DelText)
                        {
                            foreach (var c in content.Value)
                            {
                                yield return new Atom(c, null, runProperties, format, link, false);
                            }
                        }
                        else
                        {
                            var symbol = content.Name.LocalName switch
                            {
                                "tab" => '\t',
                                "br" or "cr" => '\n',
                                _ => Symbol(content),
                            };
                            yield return new Atom(symbol, content, runProperties, format, link, false);
                        }
                    }
                }
                else
                {
                    yield return new Atom(Symbol(child), child, null, string.Empty, link, true);
                }
            }
        }

        // Elements other than text stand for a character of the Unicode private use area, the same for
        // the same markup in both versions.
        char Symbol(XElement element)
        {
            if (symbols is null)
            {
                return '\uFFFC';
            }

            var xml = Canonical(element);
            if (!symbols.TryGetValue(xml, out var symbol))
            {
                symbols[xml] = symbol = (char)(0xE000 + (symbols.Count % 0x1900));
            }

            return symbol;
        }
    }
}

/// <summary>
/// Cuts text into the pieces compared, as Word's own comparison does: each word with the punctuation
/// that clings to it and the spaces after it. The pieces put together are the text.
/// </summary>
internal sealed class WordChunker : DiffPlex.IChunker
{
    public static WordChunker Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            pieces.Add(text[start..end]);
            start = end;
        }

        return pieces;
    }
}
