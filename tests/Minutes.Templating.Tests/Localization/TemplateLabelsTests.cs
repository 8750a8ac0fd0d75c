using System.Text;
using Minutes.Templating.Model;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Engine;

namespace Minutes.Templating.Tests.Localization;

/// <summary>Labels come from the language, then the template's labels file, then the document's own <c>labels:</c>.</summary>
public sealed class TemplateLabelsTests
{
    private const string LabelsFile = """
        nl:
          present: Aanwezigen
          date: Datum
        nl-BE:
          date: Datum vergadering
        de:
          present: Anwesend
        """;

    private static List<string> Render(string language, IReadOnlyDictionary<string, string>? documentLabels = null, string labels = LabelsFile)
    {
        using var template = new MemoryStream(new TemplateBuilder().Lines("{{ labels.present }}|{{ labels.date }}|{{ labels.absent }}").ToPackage());
        using var labelsStream = new MemoryStream(Encoding.UTF8.GetBytes(labels));
        var loaded = WordTemplate.Load(template, "t.docx", labelsStream, "labels.yaml");
        var minutes = Samples.Minutes() with { Language = language, Labels = documentLabels ?? new Dictionary<string, string>() };
        return Rendered.From(loaded, minutes).Lines;
    }

    [Fact]
    public void A_templates_labels_replace_the_built_in_ones_of_their_language()
    {
        Assert.Equal(["Aanwezigen|Datum|Afwezig"], Render("nl"));
        Assert.Equal(["Present|Date|Apologies"], Render("en"));
    }

    [Fact]
    public void A_full_language_tag_refines_its_primary_language()
    {
        Assert.Equal(["Aanwezigen|Datum vergadering|Afwezig"], Render("nl-BE"));
    }

    [Fact]
    public void A_template_may_add_a_language_on_top_of_the_English_labels()
    {
        Assert.Equal(["Anwesend|Date|Apologies"], Render("de"));
    }

    [Fact]
    public void The_documents_own_labels_win()
    {
        Assert.Equal(["Deelnemers|Datum|Afwezig"], Render("nl", new Dictionary<string, string> { ["present"] = "Deelnemers" }));
    }

    [Fact]
    public void A_misspelt_label_key_is_a_warning_with_a_suggestion_and_a_broken_file_an_error()
    {
        using var template = new MemoryStream(new TemplateBuilder().Lines("x").ToPackage());
        using var labels = new MemoryStream(Encoding.UTF8.GetBytes("nl:\n  presnt: Aanwezigen\nen: [oops]\n"));

        var loaded = WordTemplate.Load(template, "t.docx", labels, "labels.yaml");

        Assert.Collection(
            loaded.Diagnostics,
            d => Assert.Equal("labels.yaml:2:3: warning: 'presnt' is not a built-in label; did you mean 'present'? [MT2009]", d.ToString()),
            d => Assert.Equal("labels.yaml:3:5: error: each language maps label keys to texts, such as 'present: Aanwezig' [MT2009]", d.ToString()));
    }
}
