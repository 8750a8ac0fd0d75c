using System.IO.Compression;
using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Engine;

namespace Minutes.Templating.Tests.Redaction;

/// <summary>The publication version withholds names in the model, so no template can bring them back.</summary>
public sealed class PublicationTests
{
    /// <summary>Minutes with a withheld attendee (Jan Jansen) and a withheld name in a point (Piet Pieters).</summary>
    internal static readonly MinutesDocument Minutes = MinutesParser.Parse("""
        language: nl
        meeting: { body: Regietafel, date: 2023-04-21 }
        attendees:
          present:
            - { honorific: Dhr., name: Jan Jansen, org: SZW, redact: 5.1.2e }
            - { honorific: Mevr., name: Els Smit, org: VNG }
        agenda:
          - title: Opening
            points:
              - "[[Piet Pieters|5.1.2e]] (**DGM**) licht de brief toe."
        """).Document!;

    [Fact]
    public void String_functions_and_plain_values_cannot_reach_a_withheld_name()
    {
        var template = new TemplateBuilder().Lines(
            "{{ attendees.present_text }}",
            "{{ for p in attendees.present }}{{ p.name }}/{{ p.honorific }}/{{ p.display | string.upcase }};{{ end }}",
            "{{ agenda[0].points[0].text | string.upcase }}",
            "{{ agenda[0].points[0].text }}");

        var rendered = Rendered.From(template, Minutes, new RenderOptions { Mode = RenderMode.Publication });

        Assert.Equal(
            [
                " 5.1.2e  (SZW), Mevr. Els Smit (VNG)",
                "//5.1.2E (SZW);Els Smit/Mevr./MEVR. ELS SMIT (VNG);",
                "5.1.2E (DGM) LICHT DE BRIEF TOE.",
                " 5.1.2e  (DGM) licht de brief toe.",
            ],
            rendered.Lines);
        Assert.DoesNotContain("Jansen", Everything(rendered.Bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("Pieters", Everything(rendered.Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void The_internal_version_prints_every_name_marked_with_its_ground()
    {
        var rendered = Rendered.From(new TemplateBuilder().Lines("{{ attendees.present_text }}", "{{ agenda[0].points[0].text }}"), Minutes);

        Assert.Equal(["Dhr. Jan Jansen 5.1.2e (SZW), Mevr. Els Smit (VNG)", "Piet Pieters 5.1.2e (DGM) licht de brief toe."], rendered.Lines);
        var name = Assert.Single(rendered.RunsWithText("Piet Pieters"));
        Assert.Equal("D9D9D9", (string?)name.Element(Wml.W + "rPr")!.Element(Wml.W + "shd")!.Attribute(Wml.W + "fill"));
        var ground = Assert.Single(rendered.RunsWithText(" 5.1.2e"), r => r.ElementsBeforeSelf().LastOrDefault() == name);
        Assert.Equal("superscript", (string?)ground.Element(Wml.W + "rPr")!.Element(Wml.W + "vertAlign")!.Attribute(Wml.W + "val"));
    }

    [Fact]
    public void A_withheld_span_is_shown_as_its_ground_in_a_black_box()
    {
        var rendered = Rendered.From(new TemplateBuilder().Lines("{{ agenda[0].points[0].text }}"), Minutes, new RenderOptions { Mode = RenderMode.Publication });

        var box = Assert.Single(rendered.RunsWithText(" 5.1.2e "));
        var properties = box.Element(Wml.W + "rPr")!;
        Assert.Equal("000000", (string?)properties.Element(Wml.W + "shd")!.Attribute(Wml.W + "fill"));
        Assert.Equal("FFFFFF", (string?)properties.Element(Wml.W + "color")!.Attribute(Wml.W + "val"));
    }

    /// <summary>Every entry of the package as text, so a name left anywhere in the file is found.</summary>
    private static string Everything(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}
