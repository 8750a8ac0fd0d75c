using System.Text;

namespace Minutes.Templating.Engine;

/// <summary>
/// Reads the text of a <see cref="StringBuilder"/> chunk by chunk, as a <see cref="StringReader"/> reads a string: the
/// rendered XML of a part is read where the engine wrote it, never copied into one string.
/// </summary>
/// <remarks>The builder must not change while it is read.</remarks>
internal sealed class BuilderReader(StringBuilder builder) : TextReader
{
    private StringBuilder.ChunkEnumerator _chunks = builder.GetChunks();
    private ReadOnlyMemory<char> _chunk = ReadOnlyMemory<char>.Empty;

    /// <inheritdoc />
    public override int Peek() => NextChunk() ? _chunk.Span[0] : -1;

    /// <inheritdoc />
    public override int Read()
    {
        if (!NextChunk())
        {
            return -1;
        }

        var c = _chunk.Span[0];
        _chunk = _chunk[1..];
        return c;
    }

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override int Read(Span<char> buffer)
    {
        var read = 0;
        while (read < buffer.Length && NextChunk())
        {
            var take = Math.Min(buffer.Length - read, _chunk.Length);
            _chunk.Span[..take].CopyTo(buffer[read..]);
            _chunk = _chunk[take..];
            read += take;
        }

        return read;
    }

    /// <summary>Moves to the next chunk that has text when the current one is used up; false at the end.</summary>
    private bool NextChunk()
    {
        while (_chunk.IsEmpty)
        {
            if (!_chunks.MoveNext())
            {
                return false;
            }

            _chunk = _chunks.Current;
        }

        return true;
    }
}
