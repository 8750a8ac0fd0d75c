namespace Minutes.Templating.Tests.Cli;

/// <summary>
/// <c>minutes render … -o DIR --keep-structure</c>: an archive with one folder per meeting rendered into one folder,
/// each document at its input's path; and, without the option, a clear refusal when two inputs share a name.
/// </summary>
public sealed class KeepStructureTests : IDisposable
{
    private static readonly string Seed = File.ReadAllText(Path.Join(Repository.Root, "examples", "lrt-2023-04-21.yaml"));

    private readonly TempDirectory _temp = new();

    public KeepStructureTests()
    {
        _temp.Write("archive/2024/03/minutes.yaml", Seed);
        _temp.Write("archive/2024/04/minutes.yaml", Seed);
        _temp.Write("archive/2024/04/extra/notes.yml", Seed);
        _temp.Write("archive/loose.yaml", Seed);
    }

    public void Dispose() => _temp.Dispose();

    private string March => _temp["archive/2024/03/minutes.yaml"];

    private string April => _temp["archive/2024/04/minutes.yaml"];

    /// <summary>Every file below <paramref name="directory"/>, as paths relative to it with '/', in order.</summary>
    private static List<string> FilesBelow(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(directory, file).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)]
            : [];

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    [Fact]
    public void A_pattern_over_nested_folders_keeps_each_documents_folder_below_the_output()
    {
        var output = _temp["out"];

        var run = CliRun.Of("render", _temp["archive/**/*.yaml"], "-o", output, "--keep-structure");

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2024/03/minutes.docx", "2024/04/minutes.docx", "loose.docx"], FilesBelow(output));
        Assert.Equal(
            [
                $"rendered {March} -> {Path.Join(output, "2024", "03", "minutes.docx")} (internal)",
                $"rendered {April} -> {Path.Join(output, "2024", "04", "minutes.docx")} (internal)",
                $"rendered {_temp["archive/loose.yaml"]} -> {Path.Join(output, "loose.docx")} (internal)",
                "3 rendered, 0 failed",
            ],
            Lines(run.Stdout));
    }

    [Fact]
    public void The_structure_kept_is_below_the_patterns_fixed_folders_however_deep_its_wildcards_start()
    {
        var output = _temp["out/"];

        var run = CliRun.Of("render", _temp["archive/2024/*/*.y*ml"], _temp["archive/2024/*/extra/*.yml"], "-o", output, "--keep-structure");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["03/minutes.docx", "04/extra/notes.docx", "04/minutes.docx"], FilesBelow(output));
    }

    [Fact]
    public void Without_keep_structure_two_inputs_of_one_name_are_refused_naming_both_and_the_way_out()
    {
        var output = _temp["out"];

        var run = CliRun.Of("render", _temp["archive/**/*.yaml"], "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"minutes: error: {March} and {April} would both be written to {Path.Join(output, "minutes.docx")}; give --keep-structure to write each below {output} in its own folder\n",
            run.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Empty(FilesBelow(output));
    }

    [Fact]
    public void Without_keep_structure_inputs_of_distinct_names_still_go_directly_into_the_output()
    {
        var output = _temp["out"];

        var run = CliRun.Of("render", _temp["archive/2024/03"], _temp["archive/2024/04/extra"], _temp["archive/loose.yaml"], "-o", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["loose.docx", "minutes.docx", "notes.docx"], FilesBelow(output));
    }

    [Fact]
    public void Folders_given_one_by_one_are_each_their_own_base_so_same_names_in_them_still_clash()
    {
        var output = _temp["out"];

        var run = CliRun.Of("render", _temp["archive/2024/03"], _temp["archive/2024/04"], "-o", output, "--keep-structure");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"minutes: error: {March} and {April} would both be written to {Path.Join(output, "minutes.docx")}; "
                + $"give --keep-structure with a pattern over the folder that holds both, such as '{_temp["archive/2024"]}/**/*.yaml', or render them to different directories\n",
            run.Stderr.ReplaceLineEndings("\n"));
        Assert.Empty(FilesBelow(output));
    }

    [Fact]
    public void Every_clash_is_reported_at_once()
    {
        _temp.Write("archive/2025/03/minutes.yaml", Seed);
        _temp.Write("archive/2025/loose.yaml", Seed);
        var output = _temp["out"];

        var run = CliRun.Of("render", _temp["archive/**/*.yaml"], "-o", output);

        Assert.Equal(2, run.ExitCode);
        var lines = Lines(run.Stderr);
        Assert.Equal(3, lines.Length);
        Assert.Contains($"{March} and {April} would both be written to", lines[0], StringComparison.Ordinal);
        Assert.Contains($"{March} and {_temp["archive/2025/03/minutes.yaml"]} would both be written to", lines[1], StringComparison.Ordinal);
        Assert.Contains($"{_temp["archive/2025/loose.yaml"]} and {_temp["archive/loose.yaml"]} would both be written to", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_file_goes_directly_into_the_output_by_its_name()
    {
        var output = _temp["out"];

        var run = CliRun.Of("render", April, "-o", output, "--keep-structure");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["minutes.docx"], FilesBelow(output));
    }

    [Fact]
    public void Both_versions_go_side_by_side_in_each_inputs_folder()
    {
        var output = _temp["out"];

        var run = CliRun.Of("render", _temp["archive/2024/**/minutes.yaml"], "-o", output, "--keep-structure", "--mode", "both");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["03/minutes.docx", "03/minutes.publication.docx", "04/minutes.docx", "04/minutes.publication.docx"],
            FilesBelow(output));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("out/report.docx")]
    public void Keep_structure_without_an_output_directory_is_refused_before_anything_is_written(string? output)
    {
        string[] args = ["render", April, "--keep-structure"];
        var run = CliRun.Of(output is null ? args : [.. args, "-o", _temp[output]]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("minutes: error: --keep-structure places each document under the directory given with -o DIR", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.ChangeExtension(April, ".docx")));
        Assert.False(Directory.Exists(_temp["out"]));
    }
}
