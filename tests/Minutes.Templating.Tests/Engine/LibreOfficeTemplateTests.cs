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

        // The fixture is the built-in template of its day, saved by LibreOffice: every line it printed then, it prints now.
        Assert.Equal(
            [
                "CONCEPT",
                "Landelijke Regietafel",
                "Verslag LRT",
                "Vergaderdatum",
                "21 april 2023",
                "Tijd",
                "10:00–12:30",
                "Locatie",
                "Den Haag",
                "Aanwezig",
                "Dhr. Van der Burg (SJenV, voorzitter), Mevr. Mulder (VNG), secretariaat",
                "Afwezig",
                "Klijnsma (m.k.)",
                "1.\tOpening en mededelingen",
                "De voorzitter opent de vergadering.",
                "Verzending stukken",
                "VNG spreekt zorg uit.",
                "Stukken kwamen te laat.",
                "Afspraak: Vervolgafspraak wordt gepland.",
                "2.\tHuisvesting",
                "Besluit: De taakstelling wordt vastgesteld.",
                "Actie: Brief opstellen.",
                "Actie: Bestuur informeren.",
                "Acties",
                "#",
                "Actie",
                "Actiehouder",
                "Gereed",
                "2",
                "Brief opstellen.",
                "SJenV",
                "1 mei 2023",
                "2",
                "Bestuur informeren.",
                "VNG",
                "–",
            ],
            rendered.Lines);
    }
}
