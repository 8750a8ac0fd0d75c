using System.Diagnostics;

namespace Minutes.Templating.Tests.Pdf;

/// <summary>
/// Runs poppler-utils' pdfinfo, pdffonts and pdftotext on a PDF, the readers that say what a PDF holds without
/// trusting the program that wrote it.
/// </summary>
internal static class Poppler
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>The tools these tests need, with what to install when one is missing; null when all are there.</summary>
    public static string? Missing()
    {
        var missing = new[] { "pdfinfo", "pdffonts", "pdftotext" }.Where(tool => Find(tool) is null).ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing) + " (poppler-utils) not on PATH";
    }

    /// <summary>pdfinfo's report: <c>Title:</c>, <c>Tagged:</c>, <c>Pages:</c>…</summary>
    public static string Info(string pdf) => Run("pdfinfo", pdf);

    /// <summary>The XMP metadata, as pdfinfo reads it from the file.</summary>
    public static string Metadata(string pdf) => Run("pdfinfo", "-meta", pdf);

    /// <summary>pdffonts' table: one line per font, with its embedded, subset and Unicode columns.</summary>
    public static string Fonts(string pdf) => Run("pdffonts", pdf);

    /// <summary>The text of the pages in reading order.</summary>
    public static string Text(string pdf) => Run("pdftotext", "-enc", "UTF-8", pdf, "-");

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(Find(tool) ?? throw new InvalidOperationException(tool + " is not on PATH"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} did not finish within {Timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
