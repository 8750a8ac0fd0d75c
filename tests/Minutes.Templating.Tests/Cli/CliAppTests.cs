namespace Minutes.Templating.Tests.Cli;

/// <summary>The command line itself: help, version, and every way it can be wrong (exit code 2).</summary>
public sealed class CliAppTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(new[] { "--help" }, "minutes [command] [options]", "minutes render examples/lrt-2023-04-21.yaml -o out/")]
    [InlineData(new[] { "-h" }, "minutes [command] [options]", "minutes validate examples/lrt-2023-04-21.yaml")]
    [InlineData(new[] { "render", "--help" }, "minutes render <FILE>... [options]", "minutes render examples/lrt-2023-04-21.yaml -o out/")]
    [InlineData(new[] { "validate", "--help" }, "minutes validate <FILE>... [options]", "minutes validate examples/lrt-2023-04-21.yaml")]
    [InlineData(new[] { "schema", "--help" }, "minutes schema [options]", "minutes schema > minutes.schema.json")]
    public void Help_shows_description_usage_and_example(string[] args, string usage, string example)
    {
        var run = CliRun.Of(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Description:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(usage, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Examples:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(example, run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Render_help_describes_the_template_and_output_options()
    {
        var run = CliRun.Of("render", "--help");

        Assert.Contains("-t, --template <NAME|PATH>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("-o, --output <FILE|DIR>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("verslag", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_help_lists_the_commands()
    {
        var run = CliRun.Of("--help");

        Assert.Contains("render", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("validate", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("schema", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_a_version()
    {
        var run = CliRun.Of("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout);
    }

    [Theory]
    [InlineData]
    [InlineData("bogus")]
    [InlineData("--bogus")]
    [InlineData("render", "--bogus", "x.yaml")]
    [InlineData("validate", "-x", "x.yaml")]
    [InlineData("schema", "extra")]
    [InlineData("render", "x.yaml", "--template")]
    public void A_wrong_command_line_exits_2_with_a_hint(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("minutes: error: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void An_unknown_option_is_named()
    {
        var run = CliRun.Of("render", "--bogus", "x.yaml");

        Assert.Contains("Unrecognized option '--bogus'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run 'minutes render --help' for usage.", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("render")]
    [InlineData("validate")]
    public void A_missing_FILE_exits_2(string command)
    {
        var run = CliRun.Of(command);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("FILE", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("render")]
    [InlineData("validate")]
    public void A_nonexistent_input_exits_2_and_names_it(string command)
    {
        var missing = _temp["nope.yaml"];

        var run = CliRun.Of(command, missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"minutes: error: {missing}: no such file or directory{Environment.NewLine}", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void One_nonexistent_input_among_good_ones_stops_before_any_work()
    {
        var good = _temp.Write("good.yaml");

        var run = CliRun.Of("render", good, _temp["missing.yaml"], "-o", _temp["out/"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing.yaml: no such file or directory", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]));
    }

    [Fact]
    public void An_empty_pattern_exits_2()
    {
        var run = CliRun.Of("validate", _temp["*.yaml"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no .yaml or .yml files match", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nonexistent_template_path_exits_2()
    {
        var input = _temp.Write("x.yaml");
        var template = _temp["house-style.dotx"];

        var run = CliRun.Of("render", input, "-t", template);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"minutes: error: template file not found: {template}{Environment.NewLine}", run.Stderr);
        Assert.False(File.Exists(_temp["x.docx"]));
    }

    [Fact]
    public void An_unknown_template_name_exits_2_and_lists_the_built_in_ones()
    {
        var input = _temp.Write("x.yaml");

        var run = CliRun.Of("render", input, "--template", "fancy");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown template 'fancy'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("verslag", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_folder_without_a_template_exits_1_with_the_reason()
    {
        var input = _temp.Write("x.yaml");
        Directory.CreateDirectory(_temp["templates"]);

        var run = CliRun.Of("render", input, "-t", _temp["templates"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the folder holds no template (.docx, .dotx or Flat OPC .xml) [MT2007]", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["x.docx"]));
    }

    [Fact]
    public void One_docx_output_for_several_inputs_exits_2()
    {
        var a = _temp.Write("a.yaml");
        var b = _temp.Write("b.yaml");

        var run = CliRun.Of("render", a, b, "-o", _temp["out.docx"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("names one file, but 2 inputs were given", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_that_would_overwrite_each_other_exit_2()
    {
        var a = _temp.Write("a/minutes.yaml");
        var b = _temp.Write("b/minutes.yaml");

        var run = CliRun.Of("render", a, b, "-o", _temp["out/"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("would both be written to", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_that_is_neither_a_directory_nor_a_docx_nor_a_pdf_exits_2()
    {
        var input = _temp.Write("x.yaml");

        var run = CliRun.Of("render", input, "-o", _temp["x.txt"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must be a directory, a .docx file or a .pdf file", run.Stderr, StringComparison.Ordinal);
    }
}
