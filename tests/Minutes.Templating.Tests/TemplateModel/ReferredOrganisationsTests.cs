using Minutes.Templating.Parsing;
using Minutes.Templating.TemplateModel;
using Scriban.Runtime;

namespace Minutes.Templating.Tests.TemplateModel;

/// <summary><c>organisations_referred</c>: the declared organisations named by a person, speaker or owner, or standing as a word in a text.</summary>
public sealed class ReferredOrganisationsTests
{
    [Fact]
    public void An_abbreviation_counts_where_it_stands_as_a_whole_word_of_letters_digits_and_apostrophes_or_hyphens()
    {
        var referred = Referred("""
            language: nl
            meeting: { body: Regietafel, date: 2023-04-21 }
            organisations:
              CdK´s: Commissarissen van de Koning
              VNG: Vereniging van Nederlandse Gemeenten
              ÖVP: Österreichische Volkspartei
              A-1: Afdeling een
              Ⅻ: Twaalf
              IPO: Interprovinciaal Overleg
              ZZ: Zuid-Zeeland
              MSZW: Minister van Sociale Zaken en Werkgelegenheid
              X: Niet genoemd
            attendees:
              present:
                - { name: Van Gennip, org: MSZW }
            agenda:
              - title: "De CdK´s en VNGs; (ÖVP) stemt, A-1 ook, hoofdstuk Ⅻ, IPO_x en ZZ’s."
            """);

        Assert.Equal(["CdK´s", "ÖVP", "A-1", "Ⅻ", "IPO", "MSZW"], referred);
    }

    [Fact]
    public void An_abbreviation_inside_a_longer_word_does_not_hide_the_same_abbreviation_standing_alone_later()
    {
        var referred = Referred("""
            language: nl
            meeting: { body: Regietafel, date: 2023-04-21 }
            organisations:
              VNG: Vereniging van Nederlandse Gemeenten
              NG: Nergens Genoemd
              VB: Veiligheidsberaad
            attendees:
              present:
                - Dhr. Kolff
            agenda:
              - title: "XVNGs, VNGVNG en dan: de VNG; daarna VBVB."
            """);

        Assert.Equal(["VNG"], referred);
    }

    /// <summary>The abbreviations of <c>organisations_referred</c> in the model of <paramref name="yaml"/>, in order.</summary>
    private static IEnumerable<string?> Referred(string yaml) =>
        Assert.IsType<ScriptArray>(TemplateModelBuilder.Build(MinutesParser.Parse(yaml).Document!)["organisations_referred"])
            .Cast<IDictionary<string, object?>>().Select(o => o["abbreviation"] as string);
}
