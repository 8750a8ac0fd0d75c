using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Tests.EndToEnd;

/// <summary>Every example, rendered with every built-in template, is a valid document holding every text of its YAML in order.</summary>
public sealed class ExamplesTests
{
    public static TheoryData<string, string> Renderings()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in Repository.Examples())
        {
            foreach (var template in WordTemplate.BuiltInNames)
            {
                data.Add(Path.GetFileName(example), template);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Example_renders_to_a_valid_document_with_every_text_in_order(string example, string templateName)
    {
        var path = Path.Combine(Repository.Root, "examples", example);
        var parsed = MinutesParser.ParseFile(path);
        Assert.False(parsed.HasErrors, string.Join('\n', parsed.Diagnostics));

        var template = WordTemplate.BuiltIn(templateName);
        Assert.Empty(template.Diagnostics);
        var result = template.Render(parsed.Document!);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var bytes = result.ToArray();
        var errors = Validate(bytes);
        Assert.True(errors.Count == 0, string.Join('\n', errors));

        YamlTexts.AssertInOrder(BodyText(bytes), path, templateName);
    }

    [Fact]
    public void Seed_example_reads_like_the_seed()
    {
        var parsed = MinutesParser.ParseFile(Path.Combine(Repository.Root, "examples", "lrt-2023-04-21.yaml"));
        var result = WordTemplate.BuiltIn("verslag").Render(parsed.Document!);
        var text = BodyText(result.ToArray());

        Assert.Contains("Vergaderdatum\n21 april 2023", text, StringComparison.Ordinal);
        Assert.Contains("Aanwezig\nDhr. Van der Burg (SJenV), Mevr. Van Gennip (MSZW), Dhr. Oosters (CdK´s), Dhr De Reus (IPO)", text, StringComparison.Ordinal);
        Assert.Contains("5.1.2e (SZW), 5.1.2e (DGM), 5.1.2e (OCW), 5.1.2e (VNG), 5.1.2e (JenV), 5.1.2e (JenV), secretariaat, ondersteuning", text, StringComparison.Ordinal);
        Assert.Contains("1.\tOpening en mededelingen", text, StringComparison.Ordinal);
        Assert.Contains("3.\tW.v.t.t.k.", text, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(text, "Afspraak: "));
        Assert.Contains("Afspraak: JenV verzorgt gevraagde informatievoorziening.", text, StringComparison.Ordinal);
    }

    internal static List<ValidationErrorInfo> Validate(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
    }

    /// <summary>The main document's text in reading order: one line a paragraph, breaks and tabs as characters.</summary>
    internal static string BodyText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var builder = new StringBuilder();
        foreach (var paragraph in document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>())
        {
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case Text t:
                        builder.Append(t.Text);
                        break;
                    case Break:
                        builder.Append('\n');
                        break;
                    case TabChar when element.Parent is Run:
                        builder.Append('\t');
                        break;
                }
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
