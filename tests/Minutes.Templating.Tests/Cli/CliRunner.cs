using System.Diagnostics;
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

    /// <summary>
    /// Runs the built command (minutes.dll beside the tests) as its own process, for a test that needs its own
    /// working directory or environment without touching the tests running beside it.
    /// </summary>
    /// <param name="workingDirectory">Where it runs, or null for here.</param>
    /// <param name="environment">Variables to set; a variable named with a null value is removed.</param>
    /// <param name="args">The command line.</param>
    public static CliRun OutOfProcess(string? workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Join(AppContext.BaseDirectory, "minutes.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("minutes did not finish within 5 minutes");
        }

        process.WaitForExit();
        return new CliRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
