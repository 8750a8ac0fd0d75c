namespace Minutes.Templating.Redaction;

/// <summary>
/// The grounds on which the Dutch Open Government Act (Wet open overheid, Woo) lets information be withheld,
/// written the way Dutch practice cites them: article 5.1, first paragraph, a–e (<c>5.1.1a</c>…<c>5.1.1e</c>),
/// second paragraph, a–i (<c>5.1.2a</c>…<c>5.1.2i</c>), fifth paragraph (<c>5.1.5</c>), and article 5.2
/// (<c>5.2</c>). The one list of grounds and their meanings; the parser checks against it and the legend
/// prints from it.
/// </summary>
internal static class WooGrounds
{
    /// <summary>Every ground, in the Act's order, with its meaning in Dutch and in English.</summary>
    public static IReadOnlyList<WooGround> All { get; } =
    [
        new("5.1.1a", "de eenheid van de Kroon", "the unity of the Crown"),
        new("5.1.1b", "de veiligheid van de Staat", "the security of the State"),
        new("5.1.1c", "vertrouwelijk meegedeelde bedrijfs- en fabricagegegevens", "business and manufacturing data given to the government in confidence"),
        new("5.1.1d", "bijzondere persoonsgegevens", "special categories of personal data"),
        new("5.1.1e", "nationale identificatienummers", "national identification numbers"),
        new("5.1.2a", "de betrekkingen van Nederland met andere staten en internationale organisaties", "the relations of the Netherlands with other states and international organisations"),
        new("5.1.2b", "de economische of financiële belangen van de Staat en andere overheden", "the economic or financial interests of the State and other public bodies"),
        new("5.1.2c", "de opsporing en vervolging van strafbare feiten", "the investigation and prosecution of criminal offences"),
        new("5.1.2d", "inspectie, controle en toezicht door bestuursorganen", "inspection, control and supervision by administrative authorities"),
        new("5.1.2e", "eerbiediging van de persoonlijke levenssfeer", "respect for personal privacy"),
        new("5.1.2f", "concurrentiegevoelige bedrijfs- en fabricagegegevens", "commercially sensitive business and manufacturing data"),
        new("5.1.2g", "de bescherming van het milieu", "the protection of the environment"),
        new("5.1.2h", "de beveiliging van personen en bedrijven en het voorkomen van sabotage", "the security of persons and businesses and the prevention of sabotage"),
        new("5.1.2i", "het goed functioneren van de Staat en andere overheden", "the proper functioning of the State and other public bodies"),
        new("5.1.5", "onevenredige benadeling", "disproportionate harm"),
        new("5.2", "persoonlijke beleidsopvattingen in documenten voor intern beraad", "personal policy views in documents for internal consultation"),
    ];

    /// <summary>The valid forms, as the error that meets an unknown ground lists them.</summary>
    public const string ValidForms = "5.1.1a–5.1.1e, 5.1.2a–5.1.2i, 5.1.5 or 5.2";

    /// <summary>The ground written exactly so (<c>5.1.2e</c>), or null.</summary>
    public static WooGround? Find(string code) => All.FirstOrDefault(g => g.Code == code);

    /// <summary>
    /// The ground <paramref name="written"/> probably means, when it is one written another way
    /// (<c>5.1.2.e</c>, <c>5.1.2 e</c>, <c>5.1.2E</c>, <c>art. 5.1.2e</c>), or null.
    /// </summary>
    public static WooGround? Suggest(string written)
    {
        var compact = new string([.. written.ToLowerInvariant().Replace("art.", string.Empty, StringComparison.Ordinal).Replace("artikel", string.Empty, StringComparison.Ordinal).Where(c => !char.IsWhiteSpace(c) && c != '(' && c != ')')]);
        compact = compact.Replace("lid", ".", StringComparison.Ordinal).Replace("sub", string.Empty, StringComparison.Ordinal).TrimEnd('.');
        return All.FirstOrDefault(g => g.Code == compact || g.Code == RemoveLastDot(compact));
    }

    /// <summary>The message for a ground that is not one of the Woo's.</summary>
    public static string UnknownMessage(string written) =>
        Suggest(written) is { } suggestion
            ? $"'{written}' is not written as a ground of the Woo; did you mean '{suggestion.Code}'? Valid grounds: {ValidForms}"
            : $"'{written}' is not a ground of the Woo; valid grounds: {ValidForms} (for example 5.1.2e, the protection of privacy)";

    /// <summary>The meaning of <paramref name="ground"/> in <paramref name="language"/> (Dutch for <c>nl</c>, English otherwise).</summary>
    public static string Meaning(WooGround ground, string language) =>
        Localization.Labels.IsDutch(language) ? ground.Dutch : ground.English;

    private static string RemoveLastDot(string code)
    {
        var last = code.LastIndexOf('.');
        return last > 0 && last == code.Length - 2 && char.IsLetter(code[^1]) ? code[..last] + code[^1] : code;
    }
}

/// <summary>One ground of the Woo.</summary>
/// <param name="Code">How it is cited: <c>5.1.2e</c>.</param>
/// <param name="Dutch">Its meaning in Dutch.</param>
/// <param name="English">Its meaning in English.</param>
internal sealed record WooGround(string Code, string Dutch, string English);
