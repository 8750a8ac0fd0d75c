using System.Text;
using Minutes.Templating.Parsing;
using Minutes.Templating.Tests.Cli;

namespace Minutes.Templating.Tests.Safety;

/// <summary>Minutes and command lines from anywhere: read within limits, bad bytes located, limits raised by flag.</summary>
public sealed class InputSafetyTests
{
    private const string Minimal = "minutes: 1\nmeeting:\n  body: Raad\n  date: 2024-03-14\nagenda:\n  - title: Opening\n";

    [Fact]
    public void Minutes_larger_than_the_limit_are_refused_while_reading()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Minimal + "# " + new string('x', 5000) + "\n"));

        var result = MinutesParser.Parse(stream, "big.yaml", ReadLimits.Default with { MinutesSize = 4096 });

        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal(("MT1012", "big.yaml", 1), (problem.Code, problem.Location.File, problem.Location.Line));
        Assert.Contains("minutes-size", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_stream_of_minutes_is_refused()
    {
        using var endless = new BufferedStream(new EndlessStream());

        var problem = Assert.Single(MinutesParser.Parse(endless, "/dev/zero", ReadLimits.Default).Diagnostics);

        Assert.Equal("MT1012", problem.Code);
    }

    [Fact]
    public void An_endless_stream_of_random_bytes_is_refused_by_its_size_before_it_is_decoded()
    {
        using var urandom = new RandomStream();

        var problem = Assert.Single(MinutesParser.Parse(urandom, "/dev/urandom", ReadLimits.Default).Diagnostics);

        Assert.Equal(("MT1012", 1, 1), (problem.Code, problem.Location.Line, problem.Location.Column));
        Assert.True(urandom.BytesRead <= ReadLimits.Default.MinutesSize + (1 << 20), $"read {urandom.BytesRead} bytes");
    }

    /// <summary>Random bytes without end, as <c>/dev/urandom</c>, counting what was read.</summary>
    private sealed class RandomStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Random.Shared.NextBytes(buffer.AsSpan(offset, count));
            BytesRead += count;
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Invalid_UTF8_is_an_error_at_its_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes(Minimal + "  - title: Caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();

        var problem = Assert.Single(MinutesParser.Parse(new MemoryStream(bytes), "latin1.yaml").Diagnostics);

        Assert.Equal(("MT1001", 7, 15), (problem.Code, problem.Location.Line, problem.Location.Column));
        Assert.Contains("not valid UTF-8: byte 0xE9", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_is_not_an_error()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Minimal)).ToArray();

        Assert.Empty(MinutesParser.Parse(new MemoryStream(bytes), "bom.yaml").Diagnostics);
    }

    [Fact]
    public void Control_characters_from_the_input_are_escaped_in_diagnostics()
    {
        var yaml = Minimal + "\"a\\e[31mred\\nfake.yaml:1:1: error: forged\": 1\n";

        var problem = Assert.Single(MinutesParser.Parse(yaml, "keys.yaml").Diagnostics);
        var line = problem.ToString();

        Assert.Equal("MT1002", problem.Code);
        Assert.DoesNotContain(line, char.IsControl);
        Assert.Contains("a\\u001B[31mred\\nfake.yaml", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_diagnostic_not_an_exception()
    {
        using var folder = new TempDirectory();
        var path = folder["nowhere.yaml"];

        var parsed = MinutesParser.ParseFile(path);
        var parsedAsync = await MinutesParser.ParseFileAsync(path, CancellationToken.None);

        foreach (var result in new[] { parsed, parsedAsync })
        {
            Assert.Null(result.Document);
            Assert.True(result.HasErrors);
            Assert.Equal($"{path}:1:1: error: the file does not exist [MT1018]", Assert.Single(result.Diagnostics).ToString());
        }
    }

    [Fact]
    public void A_folder_given_as_minutes_is_a_diagnostic()
    {
        using var folder = new TempDirectory();

        var problem = Assert.Single(MinutesParser.ParseFile(folder.Path).Diagnostics);

        Assert.Equal(("MT1018", "this is a folder, not a minutes file"), (problem.Code, problem.Message));
    }

    [Fact]
    public async Task The_asynchronous_forms_read_within_the_limit_and_refuse_bytes_that_are_not_UTF8()
    {
        var cancel = CancellationToken.None;
        using var endless = new EndlessStream();
        var bytes = Encoding.UTF8.GetBytes(Minimal + "  - title: Caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        using var folder = new TempDirectory();
        var latin1 = folder["latin1.yaml"];
        await File.WriteAllBytesAsync(latin1, bytes, cancel);

        var fromEndless = Assert.Single((await MinutesParser.ParseAsync(endless, "endless", cancel)).Diagnostics);
        var fromStream = Assert.Single((await MinutesParser.ParseAsync(new MemoryStream(bytes), "latin1.yaml", cancel)).Diagnostics);
        var fromFile = Assert.Single((await MinutesParser.ParseFileAsync(latin1, cancel)).Diagnostics);

        Assert.Equal("MT1012", fromEndless.Code);
        Assert.Contains("minutes-size", fromEndless.Message, StringComparison.Ordinal);
        Assert.Equal(("MT1001", 7, 15), (fromStream.Code, fromStream.Location.Line, fromStream.Location.Column));
        Assert.Equal(("MT1001", 7, 15), (fromFile.Code, fromFile.Location.Line, fromFile.Location.Column));
    }

    [Fact]
    public void The_command_line_raises_a_limit_with_limit_NAME_VALUE()
    {
        using var folder = new TempDirectory();
        var minutes = folder.Write("big.yaml", Minimal + "# " + new string('x', 5000) + "\n");

        var refused = CliRun.Of("validate", minutes, "--limit", "minutes-size=4KiB");
        var raised = CliRun.Of("validate", minutes, "--limit", "minutes-size=1MiB");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("minutes-size", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, raised.ExitCode);
    }

    [Fact]
    public void Template_check_names_the_limit_a_template_exceeds()
    {
        var run = CliRun.Of("template", "check", Path.Combine(Repository.Root, "examples", "gemeente-zeedorp", "template"), "--limit", "template-size=1KiB");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("[MT2006]", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("template-size", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minutes-size")]
    [InlineData("no-such-limit=3")]
    [InlineData("template-size=-1")]
    [InlineData("template-entries=99999999999")]
    public void A_wrong_limit_is_a_usage_error(string value)
    {
        var run = CliRun.Of("validate", Path.Combine(Repository.Root, "examples", "lrt-2023-04-21.yaml"), "--limit", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--limit", run.Stderr, StringComparison.Ordinal);
    }
}
