namespace Minutes.Templating.Engine;

/// <summary>
/// Reads pieces of text one after the other, as a <see cref="StringReader"/> reads one string: the rendered XML of a
/// part, or the pieces of it that are read into trees, is read where it stands, never copied into one string.
/// </summary>
/// <remarks>The text must not change while it is read.</remarks>
internal sealed class MemoryReader(IReadOnlyList<ReadOnlyMemory<char>> pieces) : TextReader
{
    private int _next;
    private ReadOnlyMemory<char> _piece = ReadOnlyMemory<char>.Empty;

    /// <inheritdoc />
    public override int Peek() => NextPiece() ? _piece.Span[0] : -1;

    /// <inheritdoc />
    public override int Read()
    {
        if (!NextPiece())
        {
            return -1;
        }

        var c = _piece.Span[0];
        _piece = _piece[1..];
        return c;
    }

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override int Read(Span<char> buffer)
    {
        var read = 0;
        while (read < buffer.Length && NextPiece())
        {
            var take = Math.Min(buffer.Length - read, _piece.Length);
            _piece.Span[..take].CopyTo(buffer[read..]);
            _piece = _piece[take..];
            read += take;
        }

        return read;
    }

    /// <summary>Moves to the next piece that has text when the current one is used up; false at the end.</summary>
    private bool NextPiece()
    {
        while (_piece.IsEmpty)
        {
            if (_next >= pieces.Count)
            {
                return false;
            }

            _piece = pieces[_next++];
        }

        return true;
    }
}
