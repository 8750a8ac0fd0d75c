namespace Minutes.Templating.Tests.Cli;

/// <summary>
/// The command never writes over a file it reads, under any name, and a folder next to the command never hides
/// a built-in template.
/// </summary>
public sealed class FileSafetyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Dir(string name) => Directory.CreateDirectory(_temp[name]).FullName;

    private static string Example { get; } = Path.Join(Repository.Root, "examples", "lrt-2023-04-21.yaml");

    [Fact]
    public void Minutes_saved_as_docx_and_rendered_without_output_are_not_overwritten()
    {
        var minutes = Path.Join(Dir("in"), "notes.docx");
        File.Copy(Example, minutes);

        var run = CliRun.Of("render", minutes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{minutes} would overwrite {minutes}, which this run reads", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Example), File.ReadAllBytes(minutes));
    }

    [Fact]
    public void An_output_that_is_a_link_to_the_minutes_is_refused()
    {
        var minutes = Path.Join(Dir("in"), "notes.yaml");
        File.Copy(Example, minutes);
        var link = Path.Join(Dir("out"), "notes.docx");
        File.CreateSymbolicLink(link, minutes);

        var run = CliRun.Of("render", minutes, "-o", link);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{link} would overwrite {minutes}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Example), File.ReadAllBytes(minutes));
    }

    [Fact]
    public void An_output_that_is_a_hard_link_to_the_minutes_leaves_the_minutes_as_they_were()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // ln is the Unix way to make the link; Windows renames the same way.
        }

        var minutes = Path.Join(Dir("in"), "notes.yaml");
        File.Copy(Example, minutes);
        var link = Path.Join(Dir("out"), "notes.docx");
        using (var ln = System.Diagnostics.Process.Start("ln", [minutes, link]))
        {
            ln.WaitForExit();
            Assert.Equal(0, ln.ExitCode);
        }

        var run = CliRun.Of("render", minutes, "-o", link);

        // A document is written to a temporary file and renamed into place: the name is given to the new file, and
        // the other name of the old one, the minutes, keeps its bytes.
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllBytes(Example), File.ReadAllBytes(minutes));
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(link)[..2]);
    }

    [Fact]
    public void An_output_reached_through_a_linked_directory_that_is_the_minutes_is_refused()
    {
        var minutes = Path.Join(Dir("in"), "notes.docx");
        File.Copy(Example, minutes);
        var linkedDirectory = Path.Join(Dir("out"), "same");
        Directory.CreateSymbolicLink(linkedDirectory, Dir("in"));

        var run = CliRun.Of("render", minutes, "-o", linkedDirectory + Path.DirectorySeparatorChar);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"would overwrite {minutes}, which this run reads", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Example), File.ReadAllBytes(minutes));
    }

    [Fact]
    public void The_template_file_is_never_the_output()
    {
        var template = Path.Join(Dir("house"), "house.docx");
        Assert.Equal(0, CliRun.Of("template", "init", "verslag", Dir("house")).ExitCode);
        File.Move(Path.Join(Dir("house"), "verslag.docx"), template);
        var before = File.ReadAllBytes(template);

        var run = CliRun.Of("render", Example, "-t", template, "-o", template);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{template} would overwrite {template}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(template));
    }

    [Fact]
    public void A_folder_named_like_a_built_in_template_does_not_hide_it_and_dot_slash_selects_the_folder()
    {
        var work = Dir("work");
        Directory.CreateDirectory(Path.Join(work, "minutes"));
        File.Copy(Example, Path.Join(work, "seed.yaml"));

        var builtIn = Run(work, "render", "seed.yaml", "-t", "minutes", "-o", "out/");
        var folder = Run(work, "render", "seed.yaml", "-t", "./minutes", "-o", "out2/");

        Assert.Equal(0, builtIn.ExitCode);
        Assert.True(File.Exists(Path.Join(work, "out", "seed.docx")), builtIn.Stderr);
        Assert.Equal(1, folder.ExitCode);
        Assert.Contains("the folder holds no template", folder.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_init_into_a_folder_with_a_built_in_name_tells_to_render_it_as_a_path()
    {
        var work = Dir("work");

        var run = Run(work, "template", "init", "verslag", "verslag");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"--template {Path.Join(".", "verslag")}", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Runs the built minutes command in <paramref name="directory"/>.</summary>
    private static CliRun Run(string directory, params string[] args) =>
        CliRun.OutOfProcess(directory, new Dictionary<string, string?>(), args);
}
