using System.Globalization;
using System.Text;

namespace Minutes.Templating.Engine;

/// <summary>Where copied text goes: counted, or written as UTF-8.</summary>
internal abstract class TextSink
{
    public abstract void Write(ReadOnlySpan<char> text);
}

/// <summary>
/// Writes the pieces <see cref="PieceScanner"/> found to copy: their text as it stands, with its edits made (markers
/// cut out, paragraph and drawing ids renumbered, a list level put in). A part of such pieces alone is written whole,
/// without an XML writer, into an array of its exact length.
/// </summary>
internal static class PieceCopier
{
    /// <summary>The XML declaration the XML writer writes for a part.</summary>
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>";

    /// <summary>Writes a copied piece; the ids it renumbers are taken from the counters given, in text order.</summary>
    public static void Copy(PieceScanner scanned, Piece piece, TextSink sink, ref int nextParagraphId, ref int nextDrawingId)
    {
        var text = scanned.Text.Span;
        var at = piece.Start;

        // Ids are formatted where they are written: a part of thousands of paragraphs makes no string for each.
        Span<char> number = stackalloc char[11];
        var paragraphId = -1;
        for (var i = piece.FirstEdit; i < piece.FirstEdit + piece.Edits; i++)
        {
            var edit = scanned.Edits[i];
            sink.Write(text[at..edit.Start]);
            switch (edit.Kind)
            {
                case EditKind.Level:
                    var prefix = scanned.WPrefix!;
                    if (piece.NewProperties)
                    {
                        Tag(sink, "<", prefix, ":pPr>");
                    }

                    Tag(sink, "<", prefix, ":numPr>");
                    Tag(sink, "<", prefix, ":ilvl ");
                    Tag(sink, string.Empty, prefix, ":val=\"");
                    sink.Write(text.Slice(piece.LevelStart, piece.LevelLength));
                    Tag(sink, "\" /></", prefix, ":numPr>");
                    if (piece.NewProperties)
                    {
                        Tag(sink, "</", prefix, ":pPr>");
                    }

                    break;
                case EditKind.NewParagraphId:
                    paragraphId = nextParagraphId++;
                    WriteParagraphId(sink, paragraphId, number);
                    break;
                case EditKind.SameParagraphId when paragraphId >= 0:
                    WriteParagraphId(sink, paragraphId, number);
                    break;
                case EditKind.DrawingId:
                    (nextDrawingId++).TryFormat(number, out var written, default, CultureInfo.InvariantCulture);
                    sink.Write(number[..written]);
                    break;
            }

            at = edit.Start + edit.Length;
        }

        sink.Write(text[at..(piece.Start + piece.Length)]);
    }

    /// <summary>A paragraph id as Word writes one: eight hexadecimal digits.</summary>
    private static void WriteParagraphId(TextSink sink, int id, Span<char> number)
    {
        id.TryFormat(number, out var written, "X8", CultureInfo.InvariantCulture);
        sink.Write(number[..written]);
    }

    /// <summary>Writes a qualified name with what stands before and after it.</summary>
    private static void Tag(TextSink sink, string before, string prefix, string after)
    {
        sink.Write(before);
        sink.Write(prefix);
        sink.Write(after);
    }

    /// <summary>
    /// Writes the whole part when every piece of it is copied and its root and body carry no attribute but namespace
    /// declarations: as the XML writer would write it, counted first so that the array is written once. Null otherwise.
    /// </summary>
    /// <remarks>What the fixes carry from piece to piece within a part (lists, loop iterations) matters only to pieces
    /// that are read, of which there are none here; the ids the parts share are given out.</remarks>
    public static byte[]? TryCopyAll(PieceScanner scanned, RenderState state)
    {
        if (!scanned.CopiesAll)
        {
            return null;
        }

        var (paragraphId, drawingId) = (state.NextParagraphId, state.NextDrawingId);
        var counter = new Counter();
        CopyAll(scanned, counter, ref paragraphId, ref drawingId);

        var bytes = new byte[counter.Bytes];
        var writer = new ArrayWriter(bytes);
        (paragraphId, drawingId) = (state.NextParagraphId, state.NextDrawingId);
        CopyAll(scanned, writer, ref paragraphId, ref drawingId);
        (state.NextParagraphId, state.NextDrawingId) = (paragraphId, drawingId);
        return writer.Written == bytes.Length ? bytes : throw new InvalidOperationException("The part was counted and written to different lengths.");
    }

    private static void CopyAll(PieceScanner scanned, TextSink sink, ref int paragraphId, ref int drawingId)
    {
        sink.Write(Declaration);
        StartTag(sink, scanned.RootElement, scanned.RootAttributes);
        if (scanned.RootEmpty)
        {
            sink.Write(" />");
            return;
        }

        sink.Write(">");
        foreach (var piece in scanned.Pieces)
        {
            switch (piece.Kind)
            {
                case PieceKind.Copy:
                    Copy(scanned, piece, sink, ref paragraphId, ref drawingId);
                    break;
                case PieceKind.BodyStart:
                    StartTag(sink, scanned.Body, scanned.BodyAttributes);
                    sink.Write(piece.Empty ? " />" : ">");
                    break;
                case PieceKind.BodyEnd:
                    EndTag(sink, scanned.Body);
                    break;
            }
        }

        EndTag(sink, scanned.RootElement);
    }

    private static void StartTag(TextSink sink, (string Prefix, string Local, string Namespace) name, IReadOnlyList<(string Prefix, string Local, string Namespace, string Value)> attributes)
    {
        sink.Write("<");
        QualifiedName(sink, name.Prefix, name.Local);
        for (var i = 0; i < attributes.Count; i++)
        {
            var (prefix, local, _, value) = attributes[i];
            sink.Write(" ");
            QualifiedName(sink, prefix, local);
            sink.Write("=\"");
            sink.Write(value);
            sink.Write("\"");
        }
    }

    private static void EndTag(TextSink sink, (string Prefix, string Local, string Namespace) name)
    {
        sink.Write("</");
        QualifiedName(sink, name.Prefix, name.Local);
        sink.Write(">");
    }

    private static void QualifiedName(TextSink sink, string prefix, string local)
    {
        if (prefix.Length > 0)
        {
            sink.Write(prefix);
            sink.Write(":");
        }

        sink.Write(local);
    }

    private sealed class Counter : TextSink
    {
        public int Bytes { get; private set; }

        public override void Write(ReadOnlySpan<char> text) => Bytes = checked(Bytes + Encoding.UTF8.GetByteCount(text));
    }

    private sealed class ArrayWriter(byte[] bytes) : TextSink
    {
        public int Written { get; private set; }

        public override void Write(ReadOnlySpan<char> text) => Written += Encoding.UTF8.GetBytes(text, bytes.AsSpan(Written));
    }
}
