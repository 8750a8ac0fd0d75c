using System.Diagnostics;
using Minutes.Templating.Parsing;
using Minutes.Templating.Pdf;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Cli;

namespace Minutes.Templating.Tests.Pdf;

/// <summary>
/// <c>minutes render --pdf</c>, run as its own process so that each test sets the environment it needs (an empty
/// <c>PATH</c>, <c>MINUTES_SOFFICE</c>) without touching the tests running beside it.
/// </summary>
public sealed class PdfCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Example { get; } = Path.Join(Repository.Root, "examples", "lrt-2023-04-21.yaml");

    [SkippableFact]
    public void Without_LibreOffice_pdf_exits_2_with_install_instructions_before_rendering()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "macOS and Windows also look where LibreOffice's installer puts it");

        var run = Minutes(new() { ["PATH"] = string.Empty }, "render", Example, "-o", _temp["out/"], "--pdf");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            string.Join('\n', "minutes: error: --pdf needs LibreOffice: soffice (LibreOffice) was not found on PATH, and MINUTES_SOFFICE is not set.", PdfConverter.InstallInstructions.ReplaceLineEndings("\n"), string.Empty),
            run.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, run.Stdout);
        Assert.False(Directory.Exists(_temp["out"]), "something was written");
    }

    [SkippableFact]
    public void A_MINUTES_SOFFICE_that_names_nothing_exits_2()
    {
        var run = Minutes(new() { [PdfConverter.SofficeVariable] = _temp["nowhere/soffice"] }, "render", Example, "-o", _temp["out/"], "--pdf");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"minutes: error: --pdf needs LibreOffice: MINUTES_SOFFICE names {_temp["nowhere/soffice"]}, which does not exist.", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["out"]), "something was written");
    }

    [SkippableFact]
    public void A_failed_conversion_names_the_document_exits_1_and_keeps_the_docx()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake soffice is a shell script");
        var soffice = Soffices.Refusing(_temp);

        var run = Minutes(new() { [PdfConverter.SofficeVariable] = soffice }, "render", Example, "-o", _temp["out/"], "--pdf");

        var docx = Path.Join(_temp["out/"], "lrt-2023-04-21.docx");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{docx}: error: could not be converted to PDF: LibreOffice could not open it as a Word document\n", run.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal($"rendered {Example} -> {docx} (internal)\n", run.Stdout.ReplaceLineEndings("\n"));
        Assert.True(File.Exists(docx));
        Assert.False(File.Exists(Path.ChangeExtension(docx, ".pdf")));
    }

    [SkippableFact]
    public void A_failed_conversion_to_a_named_pdf_keeps_the_docx_beside_it()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake soffice is a shell script");
        var soffice = Soffices.Refusing(_temp);

        var run = Minutes(new() { [PdfConverter.SofficeVariable] = soffice }, "render", Example, "-o", _temp["out/verslag.pdf"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{Example}: error: could not be converted to PDF: LibreOffice could not open it as a Word document; the Word document is at {_temp["out/verslag.docx"]}\n", run.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(["verslag.docx"], Directory.GetFiles(_temp["out"]).Select(Path.GetFileName));
    }

    [SkippableFact]
    public void Both_versions_get_their_PDF_from_one_start()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake soffice is a shell script");
        var soffice = Soffices.Fake(_temp);
        var output = _temp["out/"];

        var run = Minutes(new() { [PdfConverter.SofficeVariable] = soffice }, "render", Example, "-o", output, "--mode", "both", "--pdf");

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        var name = Path.Join(output, "lrt-2023-04-21");
        Assert.Equal(
            [
                $"rendered {Example} -> {name}.docx (internal)",
                $"rendered {Example} -> {name}.publication.docx (publication)",
                $"converted {name}.docx -> {name}.pdf",
                $"converted {name}.publication.docx -> {name}.publication.pdf",
                "2 converted to PDF, 0 failed",
            ],
            run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.True(File.Exists(name + ".pdf"));
        Assert.True(File.Exists(name + ".publication.pdf"));
        Assert.Equal(1, Soffices.Starts(_temp));
    }

    [SkippableFact]
    public void With_keep_structure_each_PDF_goes_beside_its_document_in_the_inputs_folder()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake soffice is a shell script");
        var soffice = Soffices.Fake(_temp);
        var march = _temp.Write("archive/2024/03/minutes.yaml", File.ReadAllText(Example));
        var april = _temp.Write("archive/2024/04/minutes.yaml", File.ReadAllText(Example));
        var output = _temp["out"];

        var run = Minutes(new() { [PdfConverter.SofficeVariable] = soffice }, "render", _temp["archive/**/*.yaml"], "-o", output, "--keep-structure", "--pdf");

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        var (inMarch, inApril) = (Path.Join(output, "2024", "03", "minutes"), Path.Join(output, "2024", "04", "minutes"));
        Assert.Equal(
            [
                $"rendered {march} -> {inMarch}.docx (internal)",
                $"rendered {april} -> {inApril}.docx (internal)",
                "2 rendered, 0 failed",
                $"converted {inMarch}.docx -> {inMarch}.pdf",
                $"converted {inApril}.docx -> {inApril}.pdf",
                "2 converted to PDF, 0 failed",
            ],
            run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.True(File.Exists(inMarch + ".pdf"));
        Assert.True(File.Exists(inApril + ".pdf"));
        Assert.Equal(1, Soffices.Starts(_temp));
    }

    [SkippableFact]
    [Trait("Category", "WordProcessor")]
    public void With_keep_structure_LibreOffice_converts_documents_of_one_name_in_different_folders()
    {
        WordProcessor.Require(WordProcessor.Missing());
        _temp.Write("archive/2024/03/minutes.yaml", File.ReadAllText(Example));
        _temp.Write("archive/2024/04/minutes.yaml", File.ReadAllText(Example).Replace("Landelijke Regietafel", "Regionale Regietafel", StringComparison.Ordinal));
        var output = _temp["out"];

        var run = Minutes([], "render", _temp["archive/**/*.yaml"], "-o", output, "--keep-structure", "--pdf");

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Landelijke Regietafel", Poppler.Text(Path.Join(output, "2024", "03", "minutes.pdf")), StringComparison.Ordinal);
        Assert.Contains("Regionale Regietafel", Poppler.Text(Path.Join(output, "2024", "04", "minutes.pdf")), StringComparison.Ordinal);
    }

    [SkippableFact]
    [Trait("Category", "WordProcessor")]
    public void Render_with_pdf_writes_a_PDF_beside_each_document()
    {
        WordProcessor.Require(WordProcessor.Missing());
        var output = _temp["out/"];

        var run = Minutes([], "render", Path.Join(Repository.Root, "examples"), "-o", output, "--pdf");

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        var examples = Repository.Examples().Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(
            [
                .. examples.Select(e => $"rendered {Path.Join(Repository.Root, "examples", e + ".yaml")} -> {Path.Join(output, e + ".docx")} (internal)"),
                $"{examples.Count} rendered, 0 failed",
                .. examples.Select(e => $"converted {Path.Join(output, e + ".docx")} -> {Path.Join(output, e + ".pdf")}"),
                $"{examples.Count} converted to PDF, 0 failed",
            ],
            run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.All(examples, e => Assert.Contains("<pdfaid:part>2</pdfaid:part>", Poppler.Metadata(Path.Join(output, e + ".pdf")), StringComparison.Ordinal));
    }

    [SkippableFact]
    [Trait("Category", "WordProcessor")]
    public void Render_to_a_named_pdf_writes_only_the_PDF()
    {
        WordProcessor.Require(WordProcessor.Missing());

        var run = Minutes([], "render", Example, "-o", _temp["out/verslag.pdf"]);

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"converted {Example} -> {_temp["out/verslag.pdf"]}\n", run.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(["verslag.pdf"], Directory.GetFiles(_temp["out"]).Select(Path.GetFileName));
        Assert.Contains("Landelijke Regietafel", Poppler.Text(_temp["out/verslag.pdf"]), StringComparison.Ordinal);
    }

    [SkippableFact]
    [Trait("Category", "WordProcessor")]
    public async Task A_batch_of_50_documents_starts_LibreOffice_once()
    {
        WordProcessor.Require(WordProcessor.Missing());
        Skip.If(OperatingSystem.IsWindows(), "the wrapper that counts starts is a shell script");
        var soffice = Soffices.Wrapper(_temp, PdfConverter.FindSoffice()!);
        var rendered = WordTemplate.BuiltIn("verslag").Render(MinutesParser.ParseFile(Example).Document!);
        var jobs = Enumerable.Range(1, 50).Select(i =>
        {
            var docx = _temp[$"batch/{i:D2}.docx"];
            Directory.CreateDirectory(_temp["batch"]);
            rendered.Save(docx);
            return new PdfJob(docx, Path.ChangeExtension(docx, ".pdf"));
        }).ToList();

        var results = await new PdfConverter(soffice).ConvertAllAsync(jobs);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.All(jobs, j => Assert.StartsWith("%PDF-", File.ReadAllText(j.Pdf), StringComparison.Ordinal));
        Assert.Equal(1, Soffices.Starts(_temp));
    }

    /// <summary>Runs the built minutes command with <paramref name="environment"/> changed, and no <c>MINUTES_SOFFICE</c> but the test's own.</summary>
    private static CliRun Minutes(Dictionary<string, string> environment, params string[] args)
    {
        var variables = new Dictionary<string, string?> { [PdfConverter.SofficeVariable] = null };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return CliRun.OutOfProcess(null, variables, args);
    }
}
