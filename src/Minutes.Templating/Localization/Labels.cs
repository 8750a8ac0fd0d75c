using System.Collections.Frozen;
using System.Globalization;

namespace Minutes.Templating.Localization;

/// <summary>
/// The words templates print around the minutes ("Aanwezig", "Present", "Afspraak", "Agreed"…),
/// built in for Dutch and English and overridable per document with <c>labels:</c>.
/// </summary>
internal static class Labels
{
    private static readonly FrozenDictionary<string, string> English = new Dictionary<string, string>
    {
        ["title_minutes"] = "Minutes",
        ["title_decisions"] = "Decision list",
        ["title_actions"] = "Action list",
        ["date"] = "Date",
        ["time"] = "Time",
        ["location"] = "Location",
        ["reference"] = "Reference",
        ["classification"] = "Classification",
        ["present"] = "Present",
        ["absent"] = "Apologies",
        ["guests"] = "In attendance",
        ["chair"] = "chair",
        ["secretary"] = "secretary",
        ["minute_taker"] = "minutes",
        ["support"] = "support",
        ["guest"] = "guest",
        ["excused"] = "with apologies",
        ["not_excused"] = "without notice",
        ["on_behalf_of"] = "on behalf of",
        ["redaction_legend"] = "Withheld under the Open Government Act (Woo)",
        ["item"] = "Item",
        ["presenter"] = "Presented by",
        ["documents"] = "Papers",
        ["agreement"] = "Agreed",
        ["decision"] = "Resolved",
        ["action"] = "Action",
        ["agreements"] = "Agreements",
        ["decisions"] = "Decisions",
        ["actions"] = "Actions",
        ["owner"] = "Owner",
        ["due"] = "Due",
        ["status"] = "Status",
        ["status_draft"] = "Draft",
        ["status_approved"] = "Approved",
        ["approved_on"] = "Approved on",
        ["next_meeting"] = "Next meeting",
        ["mode_in_person"] = "in person",
        ["mode_online"] = "online",
        ["mode_hybrid"] = "hybrid",
        ["page"] = "Page",
        ["page_of"] = "of",
        ["outcomes"] = "Decisions, agreements and actions",
        ["decisions_and_agreements"] = "Decisions and agreements",
        ["no_outcomes"] = "No decisions, agreements or actions were recorded.",
        ["action_log"] = "Action log",
        ["kind"] = "Type",
        ["description"] = "Description",
        ["meeting_number"] = "meeting",
        ["signed"] = "Signed",
        ["vote"] = "Vote",
        ["vote_carried"] = "Carried",
        ["vote_rejected"] = "Rejected",
        ["vote_unanimous"] = "Carried unanimously",
        ["vote_counts"] = "{result}, {for} for, {against} against",
        ["vote_counts_abstain"] = "{result}, {for} for, {against} against, {abstain} abstaining",
        ["vote_votes_one"] = "vote",
        ["vote_votes_many"] = "votes",
        ["vote_for"] = "for",
        ["vote_against"] = "against",
        ["vote_abstain"] = "abstaining",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Dutch = new Dictionary<string, string>
    {
        ["title_minutes"] = "Verslag",
        ["title_decisions"] = "Besluitenlijst",
        ["title_actions"] = "Actielijst",
        ["date"] = "Vergaderdatum",
        ["time"] = "Tijd",
        ["location"] = "Locatie",
        ["reference"] = "Kenmerk",
        ["classification"] = "Rubricering",
        ["present"] = "Aanwezig",
        ["absent"] = "Afwezig",
        ["guests"] = "Te gast",
        ["chair"] = "voorzitter",
        ["secretary"] = "secretaris",
        ["minute_taker"] = "notulist",
        ["support"] = "ondersteuning",
        ["guest"] = "gast",
        ["excused"] = "m.k.",
        ["not_excused"] = "z.k.",
        ["on_behalf_of"] = "namens",
        ["redaction_legend"] = "Weigeringsgronden Woo",
        ["item"] = "Agendapunt",
        ["presenter"] = "Inleider",
        ["documents"] = "Stukken",
        ["agreement"] = "Afspraak",
        ["decision"] = "Besluit",
        ["action"] = "Actie",
        ["agreements"] = "Afspraken",
        ["decisions"] = "Besluiten",
        ["actions"] = "Acties",
        ["owner"] = "Actiehouder",
        ["due"] = "Gereed",
        ["status"] = "Status",
        ["status_draft"] = "Concept",
        ["status_approved"] = "Vastgesteld",
        ["approved_on"] = "Vastgesteld op",
        ["next_meeting"] = "Volgende vergadering",
        ["mode_in_person"] = "fysiek",
        ["mode_online"] = "online",
        ["mode_hybrid"] = "hybride",
        ["page"] = "Pagina",
        ["page_of"] = "van",
        ["outcomes"] = "Besluiten, afspraken en acties",
        ["decisions_and_agreements"] = "Besluiten en afspraken",
        ["no_outcomes"] = "Er zijn geen besluiten, afspraken of acties vastgelegd.",
        ["action_log"] = "Actiepunten",
        ["kind"] = "Soort",
        ["description"] = "Omschrijving",
        ["meeting_number"] = "vergadering",
        ["signed"] = "Getekend",
        ["vote"] = "Stemming",
        ["vote_carried"] = "Aangenomen",
        ["vote_rejected"] = "Verworpen",
        ["vote_unanimous"] = "Met algemene stemmen aangenomen",
        ["vote_counts"] = "{result} met {for} {votes} voor en {against} tegen",
        ["vote_counts_abstain"] = "{result} met {for} {votes} voor, {against} tegen en {abstain} onthoudingen",
        ["vote_votes_one"] = "stem",
        ["vote_votes_many"] = "stemmen",
        ["vote_for"] = "voor",
        ["vote_against"] = "tegen",
        ["vote_abstain"] = "onthouden",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The label keys every language defines.</summary>
    public static IReadOnlyCollection<string> Keys => English.Keys;

    /// <summary>
    /// The labels for a language: the built-in ones for its primary subtag (Dutch for <c>nl</c>,
    /// <c>nl-BE</c>…; English otherwise), then a template's own labels for that language (its primary
    /// subtag, then the full tag), then <paramref name="overrides"/> from the document itself.
    /// </summary>
    /// <param name="language">A BCP 47 language tag.</param>
    /// <param name="overrides">Labels that replace built-in ones; may add new keys.</param>
    /// <param name="templateLabels">A template's labels: language tag → label key → text.</param>
    public static IReadOnlyDictionary<string, string> For(
        string language,
        IReadOnlyDictionary<string, string>? overrides = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? templateLabels = null)
    {
        ArgumentNullException.ThrowIfNull(language);
        var builtIn = IsDutch(language) ? Dutch : English;
        var layers = new List<IReadOnlyDictionary<string, string>>(4);
        if (templateLabels is not null)
        {
            var primary = language.Split('-')[0];
            layers.AddRange(templateLabels.Where(t => t.Key.Equals(primary, StringComparison.OrdinalIgnoreCase)).Select(t => t.Value));
            layers.AddRange(templateLabels
                .Where(t => t.Key.Equals(language, StringComparison.OrdinalIgnoreCase) && !t.Key.Equals(primary, StringComparison.OrdinalIgnoreCase))
                .Select(t => t.Value));
        }

        if (overrides is { Count: > 0 })
        {
            layers.Add(overrides);
        }

        if (layers.Count == 0)
        {
            return builtIn;
        }

        var merged = new Dictionary<string, string>(builtIn, StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    /// <summary>The built-in labels of a language, for a starting point of a template's own labels file.</summary>
    /// <param name="language">A BCP 47 language tag.</param>
    public static IReadOnlyDictionary<string, string> BuiltIn(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return IsDutch(language) ? Dutch : English;
    }

    /// <summary>
    /// The culture used for dates, times and numbers in a document of <paramref name="language"/>;
    /// the invariant culture when the tag is not known to the platform.
    /// </summary>
    /// <param name="language">A BCP 47 language tag.</param>
    public static CultureInfo CultureFor(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        try
        {
            var culture = CultureInfo.GetCultureInfo(language);
            return culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(culture.Name) : culture;
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <summary>True when <paramref name="language"/> is Dutch (<c>nl</c>, <c>nl-BE</c>…).</summary>
    public static bool IsDutch(string language) =>
        language.Equals("nl", StringComparison.OrdinalIgnoreCase) || language.StartsWith("nl-", StringComparison.OrdinalIgnoreCase);
}
