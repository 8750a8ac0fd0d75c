using System.Text;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Tests.Engine;

/// <summary>The engine's output is read where it was written, chunk by chunk, as a string would be read.</summary>
public sealed class BuilderReaderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7_999)]
    [InlineData(50_000)]
    public void A_builder_of_many_chunks_reads_as_its_text_does(int length)
    {
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < length; i++)
        {
            builder.Append((char)('a' + (i % 26)), Math.Min(1 + (i % 300), length - builder.Length));
        }

        var text = builder.ToString();
        var chunks = 0;
        foreach (var chunk in builder.GetChunks())
        {
            chunks++;
        }

        Assert.True(length < 20_000 || chunks > 2, "the builder holds several chunks");

        Assert.Equal(text, new BuilderReader(builder).ReadToEnd());
        Assert.Equal(text, ReadInBlocks(new BuilderReader(builder), 4_093));
        Assert.Equal(text, ReadByCharacter(new BuilderReader(builder)));
    }

    [Fact]
    public void Peek_looks_without_moving_and_says_minus_one_at_the_end()
    {
        var builder = new StringBuilder("a").Append('b', 10_000).Append('c');
        var reader = new BuilderReader(builder);

        Assert.Equal('a', reader.Peek());
        Assert.Equal('a', reader.Read());
        Assert.Equal(10_000, reader.Read(new char[10_000], 0, 10_000));
        Assert.Equal('c', reader.Peek());
        Assert.Equal('c', reader.Read());
        Assert.Equal(-1, reader.Peek());
        Assert.Equal(-1, reader.Read());
        Assert.Equal(0, reader.Read(new char[4], 0, 4));
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
