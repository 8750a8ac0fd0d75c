using System.Text;
using Minutes.Templating.Tests.Cli;

namespace Minutes.Templating.Tests.Snapshots;

/// <summary>Locks down what users read from the command: the help of every command, the diagnostics of invalid minutes, the schema.</summary>
public sealed class CliSnapshotTests
{
    private static readonly string InvalidFolder = Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "Snapshots", "Invalid");

    public static TheoryData<string> Commands() =>
        ["", "render", "validate", "schema", "template", "template list", "template init", "template check", "snapshot", "compare"];

    public static TheoryData<string> InvalidExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(InvalidFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_matches_its_snapshot(string command)
    {
        string[] args = [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"];
        var run = CliRun.Of(args);

        Assert.Equal(0, run.ExitCode);
        TextSnapshot.Match(Transcript(args, run), "cli.help" + (command.Length == 0 ? string.Empty : "." + command.Replace(' ', '-')));
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void Diagnostics_of_invalid_minutes_match_their_snapshot(string example)
    {
        var path = Path.Combine(InvalidFolder, example + ".yaml");
        var run = CliRun.Of("validate", path);

        Assert.Equal(1, run.ExitCode);
        var relative = Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
        TextSnapshot.Match(Transcript(["validate", relative], run).Replace(path, relative, StringComparison.Ordinal), "cli.validate." + example);
    }

    [Fact]
    public void Schema_matches_its_snapshot()
    {
        var run = CliRun.Of("schema");

        Assert.Equal(0, run.ExitCode);
        TextSnapshot.Match(Transcript(["schema"], run), "cli.schema");
    }

    /// <summary>The command line, its exit code and both streams, as one text.</summary>
    private static string Transcript(string[] args, CliRun run)
    {
        var builder = new StringBuilder();
        builder.Append("$ minutes ").AppendJoin(' ', args).Append('\n');
        builder.Append("exit code: ").Append(run.ExitCode).Append('\n');
        builder.Append("--- stdout\n").Append(run.Stdout.ReplaceLineEndings("\n"));
        builder.Append("--- stderr\n").Append(run.Stderr.ReplaceLineEndings("\n"));
        return builder.ToString();
    }
}
