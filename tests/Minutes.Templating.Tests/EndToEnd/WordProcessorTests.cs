using System.Diagnostics;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Tests.EndToEnd;

/// <summary>
/// A real word processor opens what we write: LibreOffice converts each built-in template's rendering of each
/// example to PDF, and the PDF's text holds every text of the YAML that the template prints, in order. Without LibreOffice (soffice) and pdftotext
/// the test fails when CI=true (CI installs them, see .ci/run), and is skipped elsewhere, saying why.
/// </summary>
[Trait("Category", "WordProcessor")]
public sealed class WordProcessorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static TheoryData<string, string> Renderings()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in Repository.Examples())
        {
            foreach (var template in WordTemplate.BuiltInNames)
            {
                data.Add(template, Path.GetFileName(example));
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Renderings))]
    public void LibreOffice_opens_the_rendering_and_prints_every_text_in_order(string templateName, string example)
    {
        var soffice = FindOnPath("soffice");
        var pdftotext = FindOnPath("pdftotext");
        if (soffice is null || pdftotext is null)
        {
            var missing = $"{(soffice is null ? "soffice (LibreOffice)" : "pdftotext (poppler-utils)")} is not on PATH";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"{missing}; CI must install it (apt-get install libreoffice-writer-nogui poppler-utils).");
            Skip.If(true, $"{missing}: install libreoffice-writer-nogui and poppler-utils to run this test (it fails instead of skipping when CI=true).");
        }

        var minutes = Path.Combine(Repository.Root, "examples", example);
        var parsed = MinutesParser.ParseFile(minutes);
        var result = WordTemplate.BuiltIn(templateName).Render(parsed.Document!);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var work = Directory.CreateTempSubdirectory("minutes-soffice-");
        try
        {
            var docx = Path.Combine(work.FullName, templateName + ".docx");
            result.Save(docx);
            var profile = new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri;
            Run(soffice!, work.FullName, $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.FullName, docx);
            var pdf = Path.ChangeExtension(docx, ".pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice wrote no {pdf}");

            var text = Run(pdftotext!, work.FullName, "-enc", "UTF-8", pdf, "-");
            YamlTexts.AssertInOrder(text, minutes, templateName, collapseWhitespace: true);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Run(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
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
            Assert.Fail($"{Path.GetFileName(program)} did not finish within {Timeout.TotalMinutes} minutes");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
