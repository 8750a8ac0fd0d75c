using System.Text;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Tests.Engine;

/// <summary>The engine's output for a part: one pooled array, grown as the part is written, read by the fixer as it stands.</summary>
public sealed class PartOutputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5_000)]
    public void Holds_every_write_in_order_across_its_growth(int capacity)
    {
        var expected = new StringBuilder();
        using var output = new PartOutput(capacity);
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var text = new string((char)('a' + (i % 26)), random.Next(0, 700)) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var offset = random.Next(0, text.Length);
            var count = random.Next(0, text.Length - offset + 1);
            output.Write(text, offset, count);
            expected.Append(text, offset, count);
        }

        Assert.Equal(expected.Length, output.Length);
        Assert.Equal(expected.ToString(), output.Written.ToString());
    }

    [Fact]
    public void Once_disposed_holds_nothing_and_can_be_disposed_again()
    {
        var output = new PartOutput(16);
        output.Write("<w:p />", 0, 7);
        output.Dispose();
        output.Dispose();

        Assert.Equal(0, output.Length);
        Assert.True(output.Written.IsEmpty);
    }

    [Fact]
    public async Task Writes_asynchronously_as_it_writes()
    {
        using var output = new PartOutput(0);
        await output.WriteAsync("<w:body>", 3, 4, CancellationToken.None);

        Assert.Equal("body", output.Written.ToString());
    }
}
