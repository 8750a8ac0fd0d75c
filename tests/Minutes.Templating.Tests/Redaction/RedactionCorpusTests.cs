using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Engine;

namespace Minutes.Templating.Tests.Redaction;

/// <summary>
/// A corpus of redaction cases rendered with every built-in template and a custom one: the publication version
/// holds no withheld text in any part of the package (tags stripped, runs joined, case ignored), the internal
/// version holds every one of them, marked, and a template that prints a name another way is refused.
/// </summary>
public sealed partial class RedactionCorpusTests
{
    /// <summary>Every withheld text of <see cref="Corpus"/>: the withheld attendees' names and each span's text.</summary>
    private static readonly string[] WithheldTexts =
    [
        "Kees Verborgen", "Anna Geheim", "Piet Pieters", "Titelnaam", "Onderwerpnaam", "Besluitnaam", "Actienaam",
        "Eigenaarnaam", "Sprekernaam", "Vervangennaam", "Inleidernaam", "Stuknaam", "Locatienaam", "Volgendelocatie",
        "Vetnaam", "Cursiefnaam", "Linknaam", "Afspraaknaam", "Notitienaam",
    ];

    private const string Corpus = """
        minutes: 1
        language: nl
        document:
          title: Verslag over [[Titelnaam|5.1.2e]]
        meeting:
          body: Stuurgroep Woo
          date: 2024-09-12
          location: Kantoor van [[Locatienaam|5.1.2e]]
        organisations:
          SZW: Ministerie van Sociale Zaken en Werkgelegenheid
        attendees:
          present:
            - { honorific: Dhr., name: Kees Verborgen, org: SZW, redact: 5.1.2e }
            - { honorific: Mevr., name: Anna Geheim, org: SZW, redact: 5.1.2e, note: "[[Notitienaam|5.1.2e]]" }
            - { honorific: Mevr., name: Els Open, org: SZW, on_behalf_of: "[[Vervangennaam|5.1.2e]]" }
            - { honorific: Dhr., name: Jan Open, org: SZW, on_behalf_of: kees verborgen }
        agenda:
          - title: Brief van [[Titelnaam|5.1.2e]]
            presenter: "[[Inleidernaam|5.1.2e]]"
            documents:
              - Notitie van [[Stuknaam|5.1.2e]]
            points:
              - text: Kees Verborgen geeft een toelichting.
                by: "[[Sprekernaam|5.1.2e]]"
              - text: Volgens KEES VERBORGEN en **[[Vetnaam|5.1.2e]]** en *[[Cursiefnaam|5.1.2e]]* gaat het goed.
                by: Anna Geheim
              - Mail [de heer [[Linknaam|5.1.2e]]](mailto:kees.verborgen@example.org) of [de staf](mailto:anna.geheim@example.org).
              - topic: Over [[Onderwerpnaam|5.1.2e]]
                points:
                  - agreement: Afspraak met [[Afspraaknaam|5.1.2e]].
              - decision: Besluit over [[Besluitnaam|5.1.2e]].
              - action: Bel [[Actienaam|5.1.2e]].
                owner: "[[Eigenaarnaam|5.1.2e]]"
              - action: Stuur de brief.
                owner: Kees Verborgen
              - text: Dit noemt [[Piet Pieters|5.1.1d]] alleen.
        next_meeting:
          date: 2024-11-14
          location: Bij [[Volgendelocatie|5.1.2e]]
        """;

    private static readonly MinutesDocument Minutes = Parse();

    public static TheoryData<string> Templates() => [.. WordTemplate.BuiltInNames.Append(Custom)];

    private const string Custom = "custom";

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_publication_version_holds_no_withheld_text_in_any_part(string template)
    {
        var result = Load(template).Render(Minutes, new RenderOptions { Mode = RenderMode.Publication });

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var parts = PartTexts(result.ToArray());
        foreach (var text in WithheldTexts)
        {
            var leaks = parts.Where(p => p.Value.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(p => p.Key).ToList();
            Assert.True(leaks.Count == 0, $"'{text}' is still in {string.Join(", ", leaks)}");
        }

        var everything = string.Concat(parts.Values);
        Assert.DoesNotContain("mailto:", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("verborgen", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("geheim", everything, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("5.1.2e", parts["word/document.xml"], StringComparison.Ordinal);
        Assert.Contains("(SZW)", parts["word/document.xml"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_internal_version_holds_every_withheld_text_marked(string template)
    {
        var result = Load(template).Render(Minutes);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var document = XDocument.Load(new MemoryStream(Part(result.ToArray(), "word/document.xml")));
        var marked = document.Descendants(Wml.W + "r")
            .Where(r => (string?)r.Element(Wml.W + "rPr")?.Element(Wml.W + "shd")?.Attribute(Wml.W + "fill") == "D9D9D9")
            .Select(r => string.Concat(r.Elements(Wml.W + "t").Select(t => t.Value)))
            .ToList();
        var shown = WithheldTexts.Where(t => template == Custom || Printed(template, t)).ToList();
        foreach (var text in shown)
        {
            Assert.True(marked.Any(m => m.Contains(text, StringComparison.OrdinalIgnoreCase)), $"'{text}' is not marked in {template}: {string.Join(" | ", marked)}");
        }

        Assert.Contains(marked, m => m == " 5.1.2e");
        Assert.Equal(shown.Contains("Piet Pieters"), marked.Contains(" 5.1.1d"));
    }

    [Fact]
    public void Every_built_in_template_prints_the_legend_of_the_grounds_used_in_the_documents_language()
    {
        foreach (var name in WordTemplate.BuiltInNames)
        {
            var text = Rendered.From(WordTemplate.BuiltIn(name), Minutes, new RenderOptions { Mode = RenderMode.Publication }).Paragraphs;

            Assert.Contains("Weigeringsgronden Woo", text);
            Assert.Contains(" 5.1.1d  — bijzondere persoonsgegevens", text);
            Assert.Contains(" 5.1.2e  — eerbiediging van de persoonlijke levenssfeer", text);

            var english = Rendered.From(WordTemplate.BuiltIn(name), Minutes, new RenderOptions { Mode = RenderMode.Publication, Language = "en" }).Paragraphs;
            Assert.Contains(" 5.1.2e  — respect for personal privacy", english);
            Assert.DoesNotContain("Weigeringsgronden Woo", Rendered.From(WordTemplate.BuiltIn(name), Minutes).Paragraphs);
        }
    }

    [Theory]
    [InlineData("Notulist: {{ 'Kees' }} {{ 'VERBORGEN' }}", "word/document.xml")]
    [InlineData("Notulist: Kees Verborgen", "word/document.xml")]
    [InlineData("{{ labels.secretary }}", "word/document.xml")]
    public void A_template_that_prints_a_withheld_name_another_way_is_refused_and_nothing_is_written(string line, string part)
    {
        var minutes = Minutes with { Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["secretary"] = "notulist kees verborgen" } };
        var template = WordTemplate.Load(new MemoryStream(new TemplateBuilder().Lines("{{ attendees.present_text }}", line).ToPackage()), "house.docx");

        var result = template.Render(minutes, new RenderOptions { Mode = RenderMode.Publication });

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.WithheldTextInPackage, error.Code);
        Assert.Equal(("house.docx", part), (error.Location.File, error.Location.Part));
        Assert.DoesNotContain("Verborgen", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<InvalidOperationException>(() => result.ToArray());
    }

    [Fact]
    public void A_withheld_name_in_a_document_property_of_the_template_is_refused()
    {
        using var package = new MemoryStream();
        package.Write(new TemplateBuilder().Lines("{{ agenda[0].title }}").ToPackage());
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(package, true))
        {
            word.PackageProperties.Creator = "k.  verborgen";
        }

        package.Position = 0;
        var template = WordTemplate.Load(package, "house.docx");
        var minutes = Minutes with { Attendees = Minutes.Attendees with { Present = [new Person { Name = "K. Verborgen", Organisation = "SZW", Redact = "5.1.2e" }] } };

        var result = template.Render(minutes, new RenderOptions { Mode = RenderMode.Publication });

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.WithheldTextInPackage, error.Code);
        Assert.Equal("house.docx", error.Location.File);
        Assert.Matches("^package/services/metadata/core-properties/.+$", error.Location.Part);
    }

    /// <summary>Whether a built-in template prints the field that holds <paramref name="text"/> at all.</summary>
    private static bool Printed(string template, string text)
    {
        var rendered = Rendered.From(WordTemplate.BuiltIn(template), Minutes);
        var all = string.Join('\n', rendered.Paragraphs) + string.Join('\n', rendered.Headers.Values.Concat(rendered.Footers.Values).Select(d => d.ToString()));
        return all.Contains(text, StringComparison.OrdinalIgnoreCase);
    }

    private static WordTemplate Load(string name) => name == Custom
        ? WordTemplate.Load(new MemoryStream(CustomTemplate()), "custom.docx")
        : WordTemplate.BuiltIn(name);

    /// <summary>A custom template that prints every field of the model that can hold a name.</summary>
    private static byte[] CustomTemplate() => new TemplateBuilder().Lines(
        "{{ document.title }}",
        "{{ meeting.location }}",
        "{{ attendees.present_text }}",
        "{{ for p in attendees.present }}{{ p.display }}|{{ p.name }}|{{ p.on_behalf_of }}|{{ p.note }};{{ end }}",
        "{{ for item in agenda }}{{ item.title }}|{{ item.presenter }}|{{ for d in item.documents }}{{ d }}{{ end }}{{ end }}",
        "{{ for p in agenda[0].outline }}{{ p.text }}|{{ p.by }}|{{ p.owner }};{{ end }}",
        "{{ for o in outcomes }}{{ o.text }}|{{ o.owner }}{{ end }}",
        "{{ next_meeting.location }}",
        "{{ if redaction.is_publication }}{{ for g in redaction.grounds }}{{ g.text }}{{ end }}{{ end }}").ToPackage();

    /// <summary>Each part of the package as text: tags stripped, so text split over runs joins up.</summary>
    private static Dictionary<string, string> PartTexts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return zip.Entries.ToDictionary(
            e => e.FullName,
            e =>
            {
                using var reader = new StreamReader(e.Open(), Encoding.UTF8);
                var xml = reader.ReadToEnd();
                // Attributes kept (a link target is one), tags gone, entities read.
                var attributes = string.Join(' ', Attribute().Matches(xml).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)));
                return System.Net.WebUtility.HtmlDecode(Tag().Replace(xml, string.Empty)) + "\n" + attributes;
            },
            StringComparer.Ordinal);
    }

    private static byte[] Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static MinutesDocument Parse()
    {
        var result = MinutesParser.Parse(Corpus, "corpus.yaml");
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        return result.Document!;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
