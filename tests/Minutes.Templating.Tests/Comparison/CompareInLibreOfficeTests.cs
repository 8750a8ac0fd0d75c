using Minutes.Templating.Comparison;
using Minutes.Templating.Pdf;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Cli;
using Minutes.Templating.Tests.Pdf;

namespace Minutes.Templating.Tests.Comparison;

/// <summary>
/// LibreOffice opens an amended version and shows its revisions: with changes shown (as LibreOffice prints them),
/// the PDF holds both the words removed and the words inserted, beside the text that did not change.
/// </summary>
[Trait("Category", "WordProcessor")]
public sealed class CompareInLibreOfficeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task LibreOffice_shows_the_words_removed_and_inserted()
    {
        WordProcessor.Require(WordProcessor.Missing());
        var old = ComparisonTests.Load("lrt-2023-04-21.yaml");
        var @new = ComparisonTests.MapFirst(old, p => p is Model.StatementPoint s && s.Text.ToString().StartsWith("De Ministers", StringComparison.Ordinal)
            ? s with { Text = ComparisonTests.Plain("De Ministers van OCW en voor PVO en VRO zijn met kennisgeving afwezig.") }
            : null);
        var result = WordTemplate.BuiltIn("verslag").RenderChanges(old, @new, new ChangeOptions());
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Directory.CreateDirectory(_temp.Path);
        var docx = Path.Join(_temp.Path, "amended.docx");
        var pdf = Path.Join(_temp.Path, "amended.pdf");
        await File.WriteAllBytesAsync(docx, result.Document.ToArray());

        var conversion = await PdfConverter.FromEnvironment().ConvertAsync(docx, pdf);

        Assert.True(conversion.Succeeded, conversion.Error);
        var text = string.Join(" ", Poppler.Text(pdf).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Opening en mededelingen", text, StringComparison.Ordinal);
        Assert.Contains("verhinderd", text, StringComparison.Ordinal);
        Assert.Contains("met kennisgeving afwezig", text, StringComparison.Ordinal);
    }
}
