using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Minutes.Templating.Model;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Template files of each kind Word saves, and the bytes that come out.</summary>
public sealed class PackageTests
{
    private static TemplateBuilder Template() => new TemplateBuilder()
        .Lines("{{ meeting.body }}", "{{ for item in agenda }}", "{{ item.number }}. {{ item.title }}", "{{ end }}")
        .Header("default", Wml.Para("{{ meeting.abbreviation }}"));

    private static WordTemplate Load(byte[] template)
    {
        using var stream = new MemoryStream(template);
        return WordTemplate.Load(stream, "template.docx");
    }

    [Fact]
    public void Rendering_the_same_input_twice_gives_the_same_bytes()
    {
        // The SDK gives new parts random relationship ids, so the template is built once.
        var template = Template().ToPackage();
        var first = Load(template).Render(Samples.Minutes()).ToArray();
        var again = Load(template);
        var second = again.Render(Samples.Minutes()).ToArray();
        var third = again.Render(Samples.Minutes()).ToArray();

        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }

    [Fact]
    public void A_dotx_template_renders_to_a_valid_docx()
    {
        var rendered = Rendered.From(Template().ToPackage(WordprocessingDocumentType.Template));

        Assert.Equal(WordprocessingDocumentType.Document, rendered.DocumentType);
        Assert.Equal(["Landelijke Regietafel", "1. Opening en mededelingen", "2. Huisvesting"], rendered.Lines);
        Assert.Equal(["LRT"], Rendered.ParagraphTexts(rendered.Headers["default"]));
    }

    [Fact]
    public void A_Flat_OPC_template_renders_to_a_valid_docx()
    {
        var flat = Template().ToFlatOpc();
        Assert.StartsWith("<?mso-application", flat, StringComparison.Ordinal);

        var rendered = Rendered.From(Encoding.UTF8.GetBytes(flat));

        Assert.Equal(WordprocessingDocumentType.Document, rendered.DocumentType);
        Assert.Equal(["Landelijke Regietafel", "1. Opening en mededelingen", "2. Huisvesting"], rendered.Lines);
        Assert.Equal(["LRT"], Rendered.ParagraphTexts(rendered.Headers["default"]));
    }

    [Fact]
    public void A_template_saved_from_a_file_renders_like_one_from_a_stream()
    {
        var path = Path.Combine(Path.GetTempPath(), "minutes-engine-" + Guid.NewGuid().ToString("N") + ".docx");
        try
        {
            var template = Template().ToPackage();
            File.WriteAllBytes(path, template);
            var fromFile = WordTemplate.Load(path).Render(Samples.Minutes()).ToArray();

            Assert.Equal(Load(template).Render(Samples.Minutes()).ToArray(), fromFile);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_template_built_by_the_SDK_without_Words_namespace_declarations_can_hold_links()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("{{ meeting.location }}")))));
        }

        var minutes = Samples.Minutes() with
        {
            Meeting = Samples.Meeting() with { Location = Samples.Inline(new LinkInline { Content = [new TextInline { Text = "kaart" }], Url = "https://example.org/" }) },
        };

        var rendered = Rendered.From(stream.ToArray(), minutes);

        Assert.Equal(["kaart"], rendered.Lines);
        Assert.Equal("https://example.org/", Assert.Single(rendered.Links).Value);
    }
}
