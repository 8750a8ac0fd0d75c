using Minutes.Templating.Rendering;

namespace Minutes.Templating.Tests.Engine;

/// <summary>
/// Templates saved by LibreOffice (<c>soffice --headless --convert-to docx</c>), checked in as fixtures:
/// <c>actielijst</c> and <c>koptekst</c> from the .fodt files beside them, <c>verslag</c> from the built-in
/// template. LibreOffice writes runs, styles and settings its own way; the engine must not care.
/// </summary>
public sealed class LibreOfficeTemplateTests
{
    private static string Fixture(string name) => Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "Engine", "Fixtures", "LibreOffice", name);

    [Fact]
    public void A_table_row_loop_saved_by_LibreOffice_repeats_its_row()
    {
        var rendered = Rendered.From(WordTemplate.Load(Fixture("actielijst.docx")));

        Assert.Equal(
            [
                "Actielijst LRT",
                "Vergadering van 21 april 2023, Landelijke Regietafel",
                "Nr.", "Actie", "Actiehouder",
                "1", "Brief opstellen.", "SJenV (1 mei 2023)",
                "2", "Bestuur informeren.", "VNG",
                "Besluiten",
                "De taakstelling wordt vastgesteld.",
            ],
            rendered.Lines);
    }

    [Fact]
    public void Headers_and_footers_saved_by_LibreOffice_are_filled()
    {
        var rendered = Rendered.From(WordTemplate.Load(Fixture("koptekst.docx")));

        Assert.Contains("Landelijke Regietafel – Verslag", rendered.Headers.Values.Select(h => string.Concat(Rendered.ParagraphTexts(h.Root!))));
        Assert.Contains(rendered.Footers.Values.Select(f => string.Concat(Rendered.ParagraphTexts(f.Root!))), t => t.StartsWith("Pagina ", StringComparison.Ordinal) && t.EndsWith(" – 21 april 2023", StringComparison.Ordinal));
        Assert.Equal("1. Opening en mededelingen", rendered.Lines[1]);
        Assert.Contains("Afspraak: Vervolgafspraak wordt gepland.", rendered.Lines);
        Assert.Contains("2. Huisvesting", rendered.Lines);
    }

    [Fact]
    public void The_built_in_template_resaved_by_LibreOffice_still_renders()
    {
        var rendered = Rendered.From(WordTemplate.Load(Fixture("verslag.docx")));

        Assert.Contains("Vergaderdatum", rendered.Lines);
        Assert.Contains("21 april 2023", rendered.Lines);
        Assert.Contains("Afspraak: Vervolgafspraak wordt gepland.", rendered.Lines);
    }
}
