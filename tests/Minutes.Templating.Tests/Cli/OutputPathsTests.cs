using Minutes.Templating.Cli;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Tests.Cli;

/// <summary>Where <c>minutes render</c> writes, for each combination of inputs and <c>--output</c>.</summary>
public sealed class OutputPathsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Inputs given as files, each placed by its name alone.</summary>
    private static InputFile[] Files(params string[] paths) => [.. paths.Select(path => new InputFile(path, Path.GetFileName(path)))];

    [Fact]
    public void Without_output_each_document_goes_next_to_its_input()
    {
        var inputs = new[] { Path.Join("examples", "lrt-2023-04-21.yaml"), Path.Join("other", "b.yml"), "c" };

        var outputs = OutputPaths.Resolve(Files(inputs), output: null);

        Assert.Equal([Path.Join("examples", "lrt-2023-04-21.docx"), Path.Join("other", "b.docx"), "c.docx"], outputs);
    }

    [Theory]
    [InlineData("out/")]
    [InlineData("deeper/out/")]
    public void An_output_ending_in_a_separator_is_a_directory(string output)
    {
        var outputs = OutputPaths.Resolve(Files(Path.Join("examples", "lrt-2023-04-21.yaml")), _temp[output]);

        Assert.Equal([Path.Join(_temp[output], "lrt-2023-04-21.docx")], outputs);
    }

    [Fact]
    public void An_existing_directory_is_a_directory_even_without_a_separator()
    {
        Directory.CreateDirectory(_temp["out.docx"]);

        var outputs = OutputPaths.Resolve(Files("a.yaml"), _temp["out.docx"]);

        Assert.Equal([Path.Join(_temp["out.docx"], "a.docx")], outputs);
    }

    [Fact]
    public void A_new_output_without_extension_is_a_directory()
    {
        var outputs = OutputPaths.Resolve(Files("a.yaml"), _temp["out"]);

        Assert.Equal([Path.Join(_temp["out"], "a.docx")], outputs);
    }

    [Fact]
    public void A_docx_output_with_one_input_is_that_file()
    {
        var outputs = OutputPaths.Resolve(Files("a.yaml"), _temp["report.docx"]);

        Assert.Equal([_temp["report.docx"]], outputs);
    }

    [Fact]
    public void Several_inputs_go_into_the_output_directory_by_name()
    {
        var outputs = OutputPaths.Resolve(Files(Path.Join("x", "a.yaml"), Path.Join("y", "b.yml")), _temp["out"]);

        Assert.Equal([Path.Join(_temp["out"], "a.docx"), Path.Join(_temp["out"], "b.docx")], outputs);
    }

    [Fact]
    public void With_keep_structure_each_input_goes_below_the_directory_at_its_relative_path()
    {
        InputFile[] inputs =
        [
            new(Path.Join("archive", "2024", "03", "minutes.yaml"), Path.Join("2024", "03", "minutes.yaml")),
            new(Path.Join("archive", "loose.yml"), "loose.yml"),
        ];

        var outputs = OutputPaths.Resolve(inputs, _temp["out"], keepStructure: true);

        Assert.Equal([Path.Join(_temp["out"], "2024", "03", "minutes.docx"), Path.Join(_temp["out"], "loose.docx")], outputs);
    }

    [Fact]
    public void Without_keep_structure_the_relative_path_is_not_used()
    {
        InputFile[] inputs = [new(Path.Join("archive", "2024", "03", "minutes.yaml"), Path.Join("2024", "03", "minutes.yaml"))];

        Assert.Equal([Path.Join(_temp["out"], "minutes.docx")], OutputPaths.Resolve(inputs, _temp["out"]));
    }

    [Fact]
    public void A_docx_output_with_several_inputs_is_refused()
    {
        var e = Assert.Throws<UsageException>(() => OutputPaths.Resolve(Files("a.yaml", "b.yaml"), _temp["out.docx"]));

        Assert.Contains("2 inputs", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("out.pdf")]
    [InlineData("out.doc")]
    public void An_output_with_another_extension_is_refused(string output)
    {
        Assert.Throws<UsageException>(() => OutputPaths.Resolve(Files("a.yaml"), _temp[output]));
    }

    [Fact]
    public void An_existing_file_that_is_not_a_docx_is_refused()
    {
        var existing = _temp.Write("out");

        var e = Assert.Throws<UsageException>(() => OutputPaths.Resolve(Files("a.yaml"), existing));

        Assert.Contains("existing file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_output_is_refused()
    {
        Assert.Throws<UsageException>(() => OutputPaths.Resolve(Files("a.yaml"), ""));
    }

    [Fact]
    public void Two_inputs_with_one_name_in_one_directory_are_refused()
    {
        var e = Assert.Throws<UsageException>(
            () => OutputPaths.Plan(Files(Path.Join("a", "minutes.yaml"), Path.Join("b", "minutes.yaml")), _temp["out/"], [RenderMode.Internal], keepStructure: false));

        Assert.Equal(
            [$"{Path.Join("a", "minutes.yaml")} and {Path.Join("b", "minutes.yaml")} would both be written to {Path.Join(_temp["out/"], "minutes.docx")}; "
                + "give --keep-structure with a pattern over the folder that holds both, such as '**/*.yaml', or render them to different directories"],
            e.Problems);
    }

    [Fact]
    public void Yaml_and_yml_of_one_name_beside_each_other_are_refused()
    {
        var e = Assert.Throws<UsageException>(() => OutputPaths.Plan(Files("minutes.yaml", "minutes.yml"), output: null, [RenderMode.Internal], keepStructure: false));

        Assert.Equal(["minutes.yaml and minutes.yml would both be written to minutes.docx; rename one of them"], e.Problems);
    }

    [Fact]
    public void No_inputs_give_no_outputs()
    {
        Assert.Empty(OutputPaths.Resolve(Files(), _temp["out/"]));
    }

    [Fact]
    public void The_publication_version_goes_beside_the_internal_one_as_name_publication_docx()
    {
        Assert.Equal(
            [(Path.Join("out", "a.docx"), RenderMode.Internal), (Path.Join("out", "a.publication.docx"), RenderMode.Publication)],
            OutputPaths.Versions(Path.Join("out", "a.docx"), [RenderMode.Internal, RenderMode.Publication]));
        Assert.Equal([("report.publication.docx", RenderMode.Publication)], OutputPaths.Versions("report.docx", [RenderMode.Publication]));
    }

    [Fact]
    public void Two_inputs_whose_versions_would_share_a_file_are_a_usage_error()
    {
        var inputs = Files(Path.Join("in", "a.yaml"), Path.Join("in", "a.publication.yaml"));

        var e = Assert.Throws<UsageException>(() => OutputPaths.Plan(inputs, _temp["out/"], [RenderMode.Internal, RenderMode.Publication], keepStructure: false));

        Assert.Equal(
            [$"{inputs[0].Path} and {inputs[1].Path} would both be written to {Path.Join(_temp["out/"], "a.publication.docx")}; rename one of them"],
            e.Problems);
    }
}
