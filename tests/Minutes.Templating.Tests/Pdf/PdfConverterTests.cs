using Minutes.Templating.Pdf;
using Minutes.Templating.Tests.Cli;

namespace Minutes.Templating.Tests.Pdf;

/// <summary>
/// How <see cref="PdfConverter"/> drives soffice, with a fake soffice that behaves as each document asks:
/// one start per batch, a document that cannot be loaded, one that hangs, one on which soffice stops, and a
/// soffice that does not work at all. Each failure names its document; the others are still converted.
/// </summary>
public sealed class PdfConverterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task A_batch_is_converted_by_one_start_and_a_document_that_cannot_be_loaded_fails_alone()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake soffice is a shell script");
        var jobs = new[] { Job("a/minutes", "good"), Job("b/minutes", "fake-soffice-bad"), Job("c/minutes", "good") };
        var progress = new List<PdfConversion>();

        var results = await new PdfConverter(Soffices.Fake(_temp)).ConvertAllAsync(jobs, new Collect(progress));

        Assert.Equal(1, Soffices.Starts(_temp));
        Assert.Equal(jobs, results.Select(r => r.Job));
        Assert.Equal(results, progress);
        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.Equal("LibreOffice could not open it as a Word document", results[1].Error);
        Assert.True(results[2].Succeeded, results[2].Error);
        // Documents of one name from different folders each get their own PDF.
        Assert.StartsWith("%PDF", File.ReadAllText(_temp["a/minutes.pdf"]), StringComparison.Ordinal);
        Assert.StartsWith("%PDF", File.ReadAllText(_temp["c/minutes.pdf"]), StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["b/minutes.pdf"]));
    }

    [SkippableFact]
    public async Task A_document_over_the_time_limit_is_given_up_and_the_next_ones_are_converted_by_a_new_start()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake soffice is a shell script");
        var converter = new PdfConverter(Soffices.Fake(_temp)) { TimeLimit = TimeSpan.FromSeconds(2) };

        var results = await converter.ConvertAllAsync([Job("one", "good"), Job("two", "fake-soffice-hang"), Job("three", "good")]);

        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.Equal("LibreOffice took longer than the time limit of 2 s for it, and was stopped", results[1].Error);
        Assert.True(results[2].Succeeded, results[2].Error);
        Assert.Equal(2, Soffices.Starts(_temp));
    }

    [SkippableFact]
    public async Task A_soffice_that_stops_while_writing_fails_that_document_and_the_rest_are_converted()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake soffice is a shell script");

        var results = await new PdfConverter(Soffices.Fake(_temp)).ConvertAllAsync([Job("one", "good"), Job("two", "fake-soffice-crash"), Job("three", "good")]);

        Assert.True(results[0].Succeeded, results[0].Error);
        Assert.Equal("LibreOffice stopped with exit code 3 while converting it", results[1].Error);
        Assert.False(File.Exists(_temp["two.pdf"]));
        Assert.True(results[2].Succeeded, results[2].Error);
        Assert.Equal(2, Soffices.Starts(_temp));
    }

    [SkippableFact]
    public async Task A_soffice_that_does_not_work_fails_every_document_once_with_its_words()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake soffice is a shell script");

        var results = await new PdfConverter(Soffices.Broken(_temp)).ConvertAllAsync([Job("one", "good"), Job("two", "good")]);

        Assert.All(results, r => Assert.Equal("LibreOffice stopped with exit code 5 before converting anything: soffice: cannot open display", r.Error));
        Assert.Equal(1, Soffices.Starts(_temp));
    }

    [SkippableFact]
    public async Task A_missing_document_fails_without_stopping_the_others()
    {
        Skip.If(OperatingSystem.IsWindows(), "the fake soffice is a shell script");
        var missing = new PdfJob(_temp["missing.docx"], _temp["missing.pdf"]);

        var results = await new PdfConverter(Soffices.Fake(_temp)).ConvertAllAsync([missing, Job("one", "good")]);

        Assert.Equal($"{missing.Document} does not exist", results[0].Error);
        Assert.True(results[1].Succeeded, results[1].Error);
    }

    [Fact]
    public void Soffice_is_found_where_MINUTES_SOFFICE_points_before_PATH()
    {
        var named = _temp.Write("named/soffice-7.6", "#!/bin/sh\n");
        var onPath = _temp.Write(Path.Join("bin", OperatingSystem.IsWindows() ? "soffice.exe" : "soffice"), "#!/bin/sh\n");

        Assert.Equal(named, PdfConverter.FindSoffice(named, _temp["bin"]));
        Assert.Equal(onPath, PdfConverter.FindSoffice(null, string.Join(Path.PathSeparator, _temp["empty"], _temp["bin"])));
        Assert.Null(PdfConverter.FindSoffice(_temp["named/none"], _temp["bin"]));
    }

    [SkippableFact]
    public void Soffice_is_not_found_with_an_empty_PATH()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "macOS and Windows also look where LibreOffice's installer puts it");

        Assert.Null(PdfConverter.FindSoffice(null, string.Empty));
    }

    [Fact]
    public void The_install_instructions_name_the_package_of_each_system()
    {
        Assert.Contains("apt-get install libreoffice-writer-nogui", PdfConverter.InstallInstructions, StringComparison.Ordinal);
        Assert.Contains("brew install --cask libreoffice", PdfConverter.InstallInstructions, StringComparison.Ordinal);
        Assert.Contains("winget install TheDocumentFoundation.LibreOffice", PdfConverter.InstallInstructions, StringComparison.Ordinal);
        Assert.Contains(PdfConverter.SofficeVariable, PdfConverter.InstallInstructions, StringComparison.Ordinal);
    }

    /// <summary>A "document" for the fake soffice: a file holding the word that says how it behaves.</summary>
    private PdfJob Job(string name, string behaviour) => new(_temp.Write(name + ".docx", behaviour), _temp[name + ".pdf"]);

    private sealed class Collect(List<PdfConversion> list) : IProgress<PdfConversion>
    {
        public void Report(PdfConversion value) => list.Add(value);
    }
}
