using Minutes.Templating.Cli;

namespace Minutes.Templating.Tests.Cli;

/// <summary>How the FILE arguments become minutes files: files, directories and patterns.</summary>
public sealed class InputExpanderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public InputExpanderTests()
    {
        _temp.Write("minutes/b.yaml");
        _temp.Write("minutes/a.yml");
        _temp.Write("minutes/C.YAML");
        _temp.Write("minutes/notes.txt");
        _temp.Write("minutes/2022/old.yaml");
        _temp.Write("minutes/2022/q4/older.yml");
        _temp.Write("single.yaml");
        _temp.Write("readme.md");
        Directory.CreateDirectory(_temp["empty"]);
    }

    public void Dispose() => _temp.Dispose();

    private static List<string> Paths(IReadOnlyList<InputFile> files) => [.. files.Select(file => file.Path)];

    private static List<string> RelativePaths(IReadOnlyList<InputFile> files) => [.. files.Select(file => file.RelativePath)];

    [Fact]
    public void Each_file_comes_with_its_path_relative_to_the_base_of_its_argument()
    {
        var files = InputExpander.Expand([_temp["single.yaml"], _temp["minutes"], _temp["minutes/**/*.yml"]]);

        Assert.Equal(
            [
                (_temp["single.yaml"], "single.yaml"),
                (Path.Join(_temp["minutes"], "C.YAML"), "C.YAML"),
                (Path.Join(_temp["minutes"], "a.yml"), "a.yml"),
                (Path.Join(_temp["minutes"], "b.yaml"), "b.yaml"),
                (Path.Join(_temp["minutes"], "2022/q4/older.yml"), Path.Join("2022", "q4", "older.yml")),
            ],
            files.Select(file => (file.Path, file.RelativePath)));
    }

    [Fact]
    public void A_pattern_with_wildcards_in_several_segments_is_relative_to_its_fixed_folders()
    {
        var files = InputExpander.Expand([_temp["minutes/*/q*/*.yml"]]);

        Assert.Equal([Path.Join("2022", "q4", "older.yml")], RelativePaths(files));
    }

    [Fact]
    public void A_pattern_that_goes_up_after_a_wildcard_is_reported_and_one_that_goes_up_before_is_followed()
    {
        var e = Assert.Throws<UsageException>(() => InputExpander.Expand([_temp["minutes/*/../single.yaml"]]));
        var files = InputExpander.Expand([_temp["minutes/2022/../*.yml"]]);

        Assert.Equal([$"{_temp["minutes/*/../single.yaml"]}: a pattern cannot go up with '..' after its first '*'"], e.Problems);
        Assert.Equal(["a.yml"], RelativePaths(files));
    }

    [Fact]
    public void A_file_stands_for_itself_whatever_its_extension()
    {
        Assert.Equal([_temp["readme.md"]], Paths(InputExpander.Expand([_temp["readme.md"]])));
    }

    [Fact]
    public void A_directory_stands_for_the_yaml_files_directly_inside_it_in_name_order()
    {
        var files = Paths(InputExpander.Expand([_temp["minutes"]]));

        Assert.Equal(
            [Path.Join(_temp["minutes"], "C.YAML"), Path.Join(_temp["minutes"], "a.yml"), Path.Join(_temp["minutes"], "b.yaml")],
            files);
    }

    [Fact]
    public void A_directory_with_a_trailing_separator_gives_clean_paths()
    {
        var files = Paths(InputExpander.Expand([_temp["minutes/"]]));

        Assert.Contains(Path.Join(_temp["minutes"], "b.yaml"), files);
    }

    [Fact]
    public void A_pattern_matches_yaml_files_in_one_directory()
    {
        var files = Paths(InputExpander.Expand([_temp["minutes/*.y*ml"]]));

        Assert.Equal([Path.Join(_temp["minutes"], "a.yml"), Path.Join(_temp["minutes"], "b.yaml")], files);
    }

    [Fact]
    public void A_double_star_pattern_descends_into_subdirectories()
    {
        var files = Paths(InputExpander.Expand([_temp["minutes/**/*.yml"]]));

        Assert.Equal([Path.Join(_temp["minutes"], "2022/q4/older.yml"), Path.Join(_temp["minutes"], "a.yml")], files);
    }

    [Fact]
    public void A_pattern_keeps_only_minutes_files()
    {
        var files = Paths(InputExpander.Expand([_temp["minutes/*"]]));

        Assert.DoesNotContain(files, f => f.EndsWith(".txt", StringComparison.Ordinal));
        Assert.Equal(3, files.Count);
    }

    [Fact]
    public void Arguments_keep_their_order_and_each_file_comes_once()
    {
        var files = Paths(InputExpander.Expand([_temp["single.yaml"], _temp["minutes/b.yaml"], _temp["minutes"], _temp["single.yaml"]]));

        Assert.Equal(
            [
                _temp["single.yaml"],
                _temp["minutes/b.yaml"],
                Path.Join(_temp["minutes"], "C.YAML"),
                Path.Join(_temp["minutes"], "a.yml"),
            ],
            files);
    }

    [Fact]
    public void Every_missing_argument_is_reported_at_once()
    {
        var e = Assert.Throws<UsageException>(
            () => Paths(InputExpander.Expand([_temp["nope.yaml"], _temp["single.yaml"], _temp["gone/"]])));

        Assert.Equal(
            [$"{_temp["nope.yaml"]}: no such file or directory", $"{_temp["gone/"]}: no such file or directory"],
            e.Problems);
    }

    [Fact]
    public void A_directory_without_minutes_is_reported()
    {
        var e = Assert.Throws<UsageException>(() => Paths(InputExpander.Expand([_temp["empty"]])));

        Assert.Contains("holds no .yaml or .yml files", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minutes/*.json")]
    [InlineData("nowhere/*.yaml")]
    public void A_pattern_that_matches_nothing_is_reported(string pattern)
    {
        var e = Assert.Throws<UsageException>(() => Paths(InputExpander.Expand([_temp[pattern]])));

        Assert.Contains("no .yaml or .yml files match", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_argument_is_reported()
    {
        Assert.Throws<UsageException>(() => Paths(InputExpander.Expand([""])));
    }

    [Theory]
    [InlineData("*.yaml", true)]
    [InlineData("minutes/**/x.yml", true)]
    [InlineData("minutes/x.yaml", false)]
    public void Only_arguments_with_a_star_are_patterns(string argument, bool expected)
    {
        Assert.Equal(expected, InputExpander.IsPattern(argument));
    }
}
