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

    /// <summary>
    /// The rich example in a real word processor: the footnote stands at the foot of the page whose text refers
    /// to it, and the table, the picture's caption and the vote sentence are all there.
    /// </summary>
    [SkippableTheory]
    [InlineData("verslag")]
    [InlineData("minutes")]
    [InlineData("besluitenlijst")]
    public void LibreOffice_shows_the_footnote_at_the_foot_of_its_page_and_the_table_picture_and_vote(string templateName)
    {
        var soffice = FindOnPath("soffice");
        var pdftotext = FindOnPath("pdftotext");
        Assert.False(
            (soffice is null || pdftotext is null) && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            "soffice and pdftotext must be installed in CI");
        Skip.If(soffice is null || pdftotext is null, "soffice (LibreOffice) or pdftotext (poppler-utils) is not on PATH");

        var parsed = MinutesParser.ParseFile(Path.Combine(Repository.Root, "examples", "gemeenteraad-2025-03-13.yaml"));
        var result = WordTemplate.BuiltIn(templateName).Render(parsed.Document!);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var work = Directory.CreateTempSubdirectory("minutes-soffice-");
        try
        {
            var docx = Path.Combine(work.FullName, templateName + ".docx");
            result.Save(docx);
            var profile = new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri;
            Run(soffice!, work.FullName, $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work.FullName, docx);
            var pages = Run(pdftotext!, work.FullName, "-enc", "UTF-8", Path.ChangeExtension(docx, ".pdf"), "-")
                .Split('\f')
                .Select(p => string.Join(' ', p.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)))
                .ToList();
            var all = string.Join(' ', pages);

            Assert.Contains("Aangenomen met 21 stemmen voor en 8 tegen (tegen: VVD)", all, StringComparison.Ordinal);
            Assert.Contains("Met algemene stemmen aangenomen", all, StringComparison.Ordinal);
            if (templateName == "besluitenlijst")
            {
                return; // a decision list prints the outcomes only
            }

            var page = Assert.Single(pages, p => p.Contains("ten opzichte van 2024", StringComparison.Ordinal));
            var footnote = page.IndexOf("1 Exclusief de post onvoorzien, zie bijlage 2 van het raadsvoorstel.", StringComparison.Ordinal);
            Assert.True(footnote > page.IndexOf("ten opzichte van 2024", StringComparison.Ordinal), $"the footnote is not below the text that refers to it:\n{page}");
            Assert.Contains("4%1 ten opzichte van 2024", page, StringComparison.Ordinal);
            Assert.Contains("Stemming per fractie Fractie Zetels Voor Tegen GroenLinks 9 9 0 VVD 8 0 8", all, StringComparison.Ordinal);
            Assert.Contains("Woningbouw per jaar", all, StringComparison.Ordinal);
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
