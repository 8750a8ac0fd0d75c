using Minutes.Templating.Cli;

namespace Minutes.Templating.Tests.Cli;

/// <summary>What one run of the minutes command printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Minutes with two errors: an impossible date (line 4) and a misspelt key (line 5).</summary>
    public const string InvalidMinutes = """
        minutes: 1
        meeting:
          body: Landelijke Regietafel
          date: 2023-02-30
        agendaa:
          - title: Opening
        """;

    /// <summary>Runs the command line in-process, capturing both streams.</summary>
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CliApp.Run(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}
