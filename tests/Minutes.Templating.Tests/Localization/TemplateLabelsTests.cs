using System.Text;
using Minutes.Templating.Diagnostics;
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

    [Theory]
    [InlineData("nl:\n  present: [Aanwezigen\n", "labels.yaml:3:1: error: YAML syntax error: ")]
    [InlineData("nl:\n  present: Aanwezigen\n  present: Deelnemers\n", "labels.yaml:3:3: error: duplicate key 'present'; it is already defined on line 2, column 3 [MT1003]")]
    [InlineData("nl: &a\n  present: Aanwezigen\nen: *a\n", "labels.yaml:3:5: error: YAML reads '*a' as an alias, and minutes do not support aliases: if the '*' starts bold or italic text, put the whole text in quotes (\"**Let op**: …\"); otherwise write the value out in full [MT1014]")]
    [InlineData("nl:\n  present: [Aanwezigen, Deelnemers]\n", "labels.yaml:2:12: error: a label is a text, such as 'present: Aanwezig', not a list [MT2009]")]
    [InlineData("nl:\n  present:\n", "labels.yaml:2:11: error: a label is a text, such as 'present: Aanwezig', not nothing (null) [MT2009]")]
    [InlineData("- nl\n- en\n", "labels.yaml:1:1: error: a labels file maps language tags (nl, en, …) to labels, not a list [MT2009]")]
    public void A_broken_labels_file_is_read_by_the_YAML_reader_of_minutes_and_located(string labels, string expected)
    {
        var diagnostics = LoadWithLabels(Encoding.UTF8.GetBytes(labels)).Diagnostics;

        var diagnostic = Assert.Single(diagnostics);
        if (expected.EndsWith(' '))
        {
            Assert.StartsWith(expected, diagnostic.ToString(), StringComparison.Ordinal);
            Assert.Equal("MT1001", diagnostic.Code);
        }
        else
        {
            Assert.Equal(expected, diagnostic.ToString());
        }
    }

    [Fact]
    public void A_labels_file_that_is_not_UTF8_is_an_error_at_the_byte()
    {
        var labels = Encoding.UTF8.GetBytes("nl:\n  present: Aanwezig\u00e9n\n").Concat(new byte[] { (byte)'e', (byte)':', (byte)' ', 0xFF, (byte)'\n' }).ToArray();

        var diagnostic = Assert.Single(LoadWithLabels(labels).Diagnostics);

        Assert.Equal("labels.yaml:3:4: error: the file is not valid UTF-8: byte 0xFF cannot be read as text; save the file as UTF-8 [MT1001]", diagnostic.ToString());
    }

    [Fact]
    public void A_labels_file_is_held_to_the_minutes_size_limit()
    {
        var limits = ReadLimits.Default with { MinutesSize = 64 };
        var fits = Encoding.UTF8.GetBytes("nl:\n  present: " + new string('a', 64 - 16) + "\n");
        var over = Encoding.UTF8.GetBytes("nl:\n  present: " + new string('a', 64 - 15) + "\n");
        Assert.Equal(64, fits.Length);

        Assert.Empty(LoadWithLabels(fits, limits).Diagnostics);
        var diagnostic = Assert.Single(LoadWithLabels(over, limits).Diagnostics);
        Assert.Equal(new SourceLocation("labels.yaml", 1, 1), diagnostic.Location);
        Assert.Equal("MT1012", diagnostic.Code);
        Assert.StartsWith("the file is larger than 64 bytes: ", diagnostic.Message, StringComparison.Ordinal);
    }

    private static WordTemplate LoadWithLabels(byte[] labels, ReadLimits? limits = null)
    {
        using var template = new MemoryStream(new TemplateBuilder().Lines("x").ToPackage());
        using var labelsStream = new MemoryStream(labels);
        return WordTemplate.Load(template, "t.docx", labelsStream, "labels.yaml", new TemplateOptions { Limits = limits ?? ReadLimits.Default });
    }
}
