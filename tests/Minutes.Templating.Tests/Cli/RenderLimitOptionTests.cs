using Minutes.Templating.Tests.Engine;

namespace Minutes.Templating.Tests.Cli;

/// <summary><c>--limit NAME=VALUE</c> sets the render limits of the commands that render, in the units each limit takes.</summary>
public sealed class RenderLimitOptionTests
{
    private const string Minimal = "minutes: 1\nmeeting:\n  body: Raad\n  date: 2024-03-14\nagenda:\n  - title: Opening\n";

    [Fact]
    public void Render_stops_at_a_lowered_render_limit_and_renders_within_a_raised_one()
    {
        using var folder = new TempDirectory();
        var minutes = folder.Write("m.yaml", Minimal);
        var template = folder["loop.docx"];
        File.WriteAllBytes(template, new TemplateBuilder().Lines("Regels: {{ for i in 1..150000 }}.{{ end }}").ToPackage());

        var stopped = CliRun.Of("render", minutes, "-t", template, "-o", folder["out/"]);
        var lowered = CliRun.Of("render", minutes, "-t", template, "-o", folder["low/"], "--limit", "loop-iterations=1000");
        var raised = CliRun.Of("render", minutes, "-t", template, "-o", folder["high/"], "--limit", "loop-iterations=200000", "--limit", "time=2min");

        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("loop.docx[document]:1:", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains("the limit loop-iterations is 100,000 iterations; raise it with --limit loop-iterations=", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains("[MT2006]", stopped.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder["out"]) && Directory.EnumerateFiles(folder["out"]).Any());
        Assert.Contains("the limit loop-iterations is 1,000 iterations", lowered.Stderr, StringComparison.Ordinal);
        Assert.True(raised.ExitCode == 0, raised.Stderr);
        Assert.True(File.Exists(folder["high/m.docx"]));
    }

    [Fact]
    public void Compare_takes_the_render_limits_too()
    {
        using var folder = new TempDirectory();
        var old = folder.Write("old.yaml", Minimal);
        var @new = folder.Write("new.yaml", Minimal.Replace("Opening", "Opening en mededelingen", StringComparison.Ordinal));

        var run = CliRun.Of("compare", old, @new, "-o", folder["changes.docx"], "--limit", "output-size=100");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the limit output-size is 100 characters; raise it with --limit output-size=", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["changes.docx"]));
    }

    [Theory]
    [InlineData("render", "loops=5", "work, loop-iterations, recursion-depth, string-size, output-size, regex-time, time")]
    [InlineData("render", "time=fast", "positive whole number of milliseconds, or with ms, min, s")]
    [InlineData("render", "regex-time=2MiB", "positive whole number of milliseconds")]
    [InlineData("render", "string-size=1GiB", "optionally with KiB, MiB")]
    [InlineData("render", "loop-iterations=0", "positive whole number")]
    [InlineData("render", "recursion-depth=99999999999", "too large for recursion-depth")]
    [InlineData("validate", "work=5", "work limits a rendering, which this command does not do")]
    public void A_wrong_render_limit_is_a_usage_error_that_lists_the_names(string command, string value, string expected)
    {
        var run = CliRun.Of(command, Path.Combine(Repository.Root, "examples", "lrt-2023-04-21.yaml"), "--limit", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--limit " + value + ": ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time=500ms", 500)]
    [InlineData("time=3s", 3000)]
    [InlineData("time=2min", 120_000)]
    [InlineData("time=750", 750)]
    public void Times_are_given_in_milliseconds_or_with_a_unit(string value, int milliseconds)
    {
        var (_, render) = Minutes.Templating.Cli.CliApp.ParseLimits([value], renders: true);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), render.Time);
    }

    [Fact]
    public void Sizes_of_render_limits_are_characters_or_KiB_and_MiB_of_them()
    {
        var (read, render) = Minutes.Templating.Cli.CliApp.ParseLimits(["string-size=2MiB", "output-size=100000", "minutes-size=8MiB"], renders: true);

        Assert.Equal((2 * 1024 * 1024, 100_000), (render.StringSize, render.OutputSize));
        Assert.Equal(8L * 1024 * 1024, read.MinutesSize);
    }
}
