using System.Buffers;
using Scriban.Runtime;

namespace Minutes.Templating.Engine;

/// <summary>
/// Where the engine writes a part's XML: one array from the shared pool, grown by doubling, that the fixer reads as it
/// stands and that is given back once the part is fixed. A builder's chunks would live through the whole rendering,
/// each copied by the garbage collector as it ages, and be copied once more into one block for the fixer.
/// </summary>
internal sealed class PartOutput : IScriptOutput, IDisposable
{
    /// <summary>
    /// The largest array given back to the pool when the output outgrows it: a very large part's smaller arrays go
    /// to the garbage collector rather than stay in the pool for the rest of the process.
    /// </summary>
    private const int LargestReturnedOnGrowth = 1 << 20;

    private char[] _buffer;

    /// <summary>Starts an output with room for <paramref name="capacity"/> characters (the part's last length, so that the same template writes without growing).</summary>
    public PartOutput(int capacity) => _buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 1024));

    /// <summary>How many characters were written.</summary>
    public int Length { get; private set; }

    /// <summary>The characters written, valid until the output is disposed.</summary>
    public ReadOnlyMemory<char> Written => _buffer.AsMemory(0, Length);

    /// <inheritdoc />
    public void Write(string text, int offset, int count)
    {
        if (_buffer.Length - Length < count)
        {
            Grow(count);
        }

        text.CopyTo(offset, _buffer, Length, count);
        Length += count;
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Gives the array back to the pool, where the next rendering of the part, started at this length, finds it; what
    /// was written is no longer readable.
    /// </summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        Length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void Grow(int count)
    {
        var needed = (long)Length + count;
        var size = (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _buffer.Length));
        if (needed > size)
        {
            throw new InvalidOperationException("A part's XML is longer than the longest array .NET can hold.");
        }

        var next = ArrayPool<char>.Shared.Rent(size);
        _buffer.AsSpan(0, Length).CopyTo(next);
        if (_buffer.Length <= LargestReturnedOnGrowth)
        {
            ArrayPool<char>.Shared.Return(_buffer);
        }

        _buffer = next;
    }
}
