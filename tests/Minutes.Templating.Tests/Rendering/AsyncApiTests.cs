using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Engine;

namespace Minutes.Templating.Tests.Rendering;

/// <summary>
/// The stream APIs have asynchronous forms that never read or write synchronously (ASP.NET Core forbids it by
/// default), and a rendering can be cancelled.
/// </summary>
public sealed class AsyncApiTests
{
    private static readonly string Seed = Path.Combine(Repository.Root, "examples", "lrt-2023-04-21.yaml");

    [Fact]
    public async Task ParseAsync_reads_without_synchronous_IO_and_gives_what_Parse_gives()
    {
        var bytes = await File.ReadAllBytesAsync(Seed);
        var parsed = await MinutesParser.ParseAsync(new AsyncOnlyStream(bytes), Seed);
        var expected = MinutesParser.ParseFile(Seed);

        Assert.Equal(expected.Diagnostics, parsed.Diagnostics);
        Assert.Equal(Render(expected), Render(parsed));
        Assert.Equal(Render(expected), Render(await MinutesParser.ParseFileAsync(Seed)));
    }

    [Fact]
    public async Task LoadAsync_reads_without_synchronous_IO_and_gives_what_Load_gives()
    {
        var folder = Path.Combine(Repository.Root, "templates", "verslag");
        var template = await File.ReadAllBytesAsync(Path.Combine(folder, "verslag.xml"));
        var labels = await File.ReadAllBytesAsync(Path.Combine(folder, "verslag.labels.yaml"));

        var loaded = await WordTemplate.LoadAsync(new AsyncOnlyStream(template), "verslag", new AsyncOnlyStream(labels));

        Assert.Empty(loaded.Diagnostics);
        var minutes = MinutesParser.ParseFile(Seed).Document!;
        Assert.Equal(WordTemplate.BuiltIn("verslag").Render(minutes).ToArray(), loaded.Render(minutes).ToArray());
    }

    [Fact]
    public async Task LoadAsync_stops_reading_past_the_size_limit()
    {
        var tooLarge = new byte[4096];
        var limits = ReadLimits.Default with { TemplateSize = 1024 };
        var stream = new AsyncOnlyStream(tooLarge);

        var loaded = await WordTemplate.LoadAsync(stream, "large.docx", options: new TemplateOptions { Limits = limits });

        Assert.True(loaded.HasErrors);
        Assert.Equal(1025, stream.Position);
    }

    [Fact]
    public async Task WriteToAsync_writes_without_synchronous_IO()
    {
        var result = WordTemplate.BuiltIn("verslag").Render(MinutesParser.ParseFile(Seed).Document!);
        var output = new AsyncOnlyStream([]);

        await result.WriteToAsync(output);

        Assert.Equal(result.ToArray(), output.ToArray());
    }

    [Fact]
    public void Rendering_with_a_cancelled_token_throws()
    {
        var minutes = MinutesParser.ParseFile(Seed).Document!;
        Assert.Throws<OperationCanceledException>(() => WordTemplate.BuiltIn("verslag").Render(minutes, null, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_long_rendering_stops_when_cancelled()
    {
        var bytes = new TemplateBuilder().Lines("{{ for i in 1..100000000 }}{{ i }}{{ end }}").ToPackage();
        using var stream = new MemoryStream(bytes);
        var template = WordTemplate.Load(stream, "slow.docx");
        Assert.False(template.HasErrors, string.Join('\n', template.Diagnostics));
        var options = new RenderOptions { Limits = RenderLimits.Default with { Work = long.MaxValue, LoopIterations = int.MaxValue, OutputSize = int.MaxValue, Time = TimeSpan.FromMinutes(10) } };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() => template.Render(MinutesParser.ParseFile(Seed).Document!, options, cancellation.Token));
    }

    private static byte[] Render(MinutesParseResult parsed) => WordTemplate.BuiltIn("minutes").Render(parsed.Document!).ToArray();

    /// <summary>A stream that fails any synchronous read or write, as a request or response body in ASP.NET Core does.</summary>
    private sealed class AsyncOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = data.Length == 0 ? new MemoryStream() : new MemoryStream(data, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => data.Length == 0;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public byte[] ToArray() => _inner.ToArray();

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous reads are not allowed.");

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are not allowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous writes are not allowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _inner.WriteAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
