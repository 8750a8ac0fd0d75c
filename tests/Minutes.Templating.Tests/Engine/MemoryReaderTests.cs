using System.Text;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Pieces of text are read where they stand, one after the other, as their text in one string would be read.</summary>
public sealed class MemoryReaderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7_999)]
    [InlineData(50_000)]
    public void Many_pieces_read_as_their_text_does(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append((char)('a' + (i % 26)), Math.Min(1 + (i % 300), length - builder.Length));
        }

        var text = builder.ToString();
        var pieces = Pieces(builder);
        Assert.True(length < 20_000 || pieces.Count > 2, "the text is in several pieces");

        Assert.Equal(text, new MemoryReader(pieces).ReadToEnd());
        Assert.Equal(text, ReadInBlocks(new MemoryReader(pieces), 4_093));
        Assert.Equal(text, ReadByCharacter(new MemoryReader(pieces)));
    }

    [Fact]
    public void Peek_looks_without_moving_and_says_minus_one_at_the_end()
    {
        var builder = new StringBuilder("a").Append('b', 10_000).Append('c');
        var reader = new MemoryReader([.. Pieces(builder), ReadOnlyMemory<char>.Empty]);

        Assert.Equal('a', reader.Peek());
        Assert.Equal('a', reader.Read());
        Assert.Equal(10_000, reader.Read(new char[10_000], 0, 10_000));
        Assert.Equal('c', reader.Peek());
        Assert.Equal('c', reader.Read());
        Assert.Equal(-1, reader.Peek());
        Assert.Equal(-1, reader.Read());
        Assert.Equal(0, reader.Read(new char[4], 0, 4));
    }

    /// <summary>The builder's chunks, with an empty piece between each two: empty pieces are passed over.</summary>
    private static List<ReadOnlyMemory<char>> Pieces(StringBuilder builder)
    {
        var pieces = new List<ReadOnlyMemory<char>>();
        foreach (var chunk in builder.GetChunks())
        {
            pieces.Add(chunk);
            pieces.Add(ReadOnlyMemory<char>.Empty);
        }

        return pieces;
    }

    private static string ReadInBlocks(TextReader reader, int size)
    {
        var result = new StringBuilder();
        var buffer = new char[size];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            result.Append(buffer, 0, read);
        }

        return result.ToString();
    }

    private static string ReadByCharacter(TextReader reader)
    {
        var result = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            result.Append((char)c);
        }

        return result.ToString();
    }
}
