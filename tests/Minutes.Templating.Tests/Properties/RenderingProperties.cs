using CsCheck;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.TemplateModel;
using Xunit.Abstractions;

namespace Minutes.Templating.Tests.Properties;

/// <summary>
/// Random valid minutes, written as YAML and parsed, render with every built-in template, internally and for
/// publication, to documents the OpenXML validator finds no error in, that hold every text of the minutes the
/// template prints, and whose publication version holds none of the withheld texts. A failure prints the seed that
/// reproduces it: set the environment variable <c>CsCheck_Seed</c> to it (and <c>CsCheck_Iter</c> to run longer).
/// </summary>
public sealed class RenderingProperties(ITestOutputHelper output)
{
    /// <summary>Where the generated minutes say they are: the kitchen sink's folder, which holds the picture they show.</summary>
    private static readonly string MinutesPath = Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "generated.yaml");

    private static readonly Lazy<(string Name, WordTemplate Template)[]> Templates =
        new(() => [.. WordTemplate.BuiltInNames.Select(n => (n, WordTemplate.BuiltIn(n)))]);

    /// <summary>What a template leaves out besides what <see cref="KitchenSinkTests"/> declares, and why.</summary>
    private static readonly Dictionary<string, string[]> AlsoLeftOut = new(StringComparer.Ordinal)
    {
        // A decision list names an item only by its number beside each of the item's outcomes.
        ["besluitenlijst"] = [Expectations.NumberWithoutOutcomes],
    };

    [Fact]
    public void Valid_minutes_render_with_every_built_in_template_to_valid_documents_that_hold_their_text()
    {
        MinutesGen.Minutes.Sample(
            minutes =>
            {
                var yaml = minutes.ToYaml();
                var parsed = MinutesParser.Parse(yaml, MinutesPath);
                Assert.False(parsed.HasErrors, "valid minutes were refused:\n" + string.Join('\n', parsed.Diagnostics));
                Assert.DoesNotContain(parsed.Diagnostics, d => d.Code == DiagnosticCodes.UnmarkedWithheldName);

                foreach (var (name, template) in Templates.Value)
                {
                    foreach (var mode in new[] { RenderMode.Internal, RenderMode.Publication })
                    {
                        var result = template.Render(parsed.Document!, new RenderOptions { Mode = mode });
                        Assert.True(result.Succeeded, $"{name} ({mode}) did not render:\n" + string.Join('\n', result.Diagnostics));
                        var bytes = result.ToArray();

                        var errors = Validate(bytes);
                        Assert.True(errors.Count == 0, $"{name} ({mode}): {errors.Count} validation errors:\n" + string.Join('\n', errors.Take(10)));

                        var expected = Expectations.Of(minutes, mode == RenderMode.Publication);
                        var leftOut = KitchenSinkTests.LeftOut[name].Keys.Concat(AlsoLeftOut.GetValueOrDefault(name, [])).ToHashSet(StringComparer.Ordinal);
                        var text = DocumentText.Visible(bytes);
                        var missing = expected.Present
                            .Where(e => !leftOut.Contains(e.Key))
                            .Where(e => !text.Contains(e.Text, e.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                            .ToList();
                        Assert.True(missing.Count == 0, $"{name} ({mode}) lost text:\n" + string.Join('\n', missing.Select(m => $"{m.Key}: '{m.Text}'")) + "\n--- document text:\n" + text);

                        var everything = DocumentText.Everything(bytes);
                        var leaked = expected.WithheldTexts.Select(Expectations.Normalize).Where(w => everything.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
                        Assert.True(leaked.Count == 0, $"{name} ({mode}) holds withheld text: " + string.Join(", ", leaked));
                    }
                }
            },
            writeLine: output.WriteLine,
            iter: Iterations(10));
    }

    [ThreadStatic]
    private static OpenXmlValidator? _validator;

    /// <summary>The OpenXML validator's errors (one validator a thread, made once: making one costs more than a small document's check).</summary>
    private static List<string> Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        _validator ??= new OpenXmlValidator(FileFormatVersions.Office2019);
        return [.. _validator.Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>The iterations of a property: <paramref name="fast"/> in the test suite, or <c>CsCheck_Iter</c> when that is set.</summary>
    internal static long Iterations(long fast) =>
        Environment.GetEnvironmentVariable("CsCheck_Iter") is null ? fast : Check.Iter;
}
