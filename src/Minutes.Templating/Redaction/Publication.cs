using Minutes.Templating.Model;

namespace Minutes.Templating.Redaction;

/// <summary>
/// The publication version of minutes under the Dutch Open Government Act (Woo): the same minutes with every
/// withheld text taken out of the model itself, before any template sees it. A person marked <c>redact</c> keeps
/// only the organisation; a <c>[[text|ground]]</c> span (and each withheld attendee's name, marked by
/// <see cref="Redactions.Mark"/>) keeps only its ground; a link whose text is withheld, or whose address holds a
/// withheld text, loses its address. Nothing a template does, not even a string function, can bring the
/// withheld text back; the last check of the package (<see cref="PackageCheck"/>) guards what it might add.
/// </summary>
internal static class Publication
{
    /// <summary>The minutes as they may be published.</summary>
    /// <param name="marked">The minutes after <see cref="Redactions.Mark"/>.</param>
    /// <param name="withheld">What they withhold.</param>
    public static MinutesDocument Prepare(MinutesDocument marked, Withheld withheld) =>
        TextMap.Apply(
            marked,
            text => Text(text, withheld),
            person => person.Redact is null ? person : person with { Name = null, Honorific = null, OnBehalfOf = null });

    /// <summary>The text with each redaction span's text replaced by its ground.</summary>
    private static InlineText Text(InlineText text, Withheld withheld) =>
        !RedactionSpans.OrLinksIn(text.Inlines) ? text : new InlineText(Inlines(text.Inlines, withheld));

    private static Inline[] Inlines(IReadOnlyList<Inline> inlines, Withheld withheld) => [.. inlines.SelectMany(i => Withhold(i, withheld))];

    private static Inline[] Withhold(Inline inline, Withheld withheld) => inline switch
    {
        RedactionInline redaction => [new RedactionInline { Text = redaction.Ground, Ground = redaction.Ground }],
        StrongInline strong => [new StrongInline { Content = Inlines(strong.Content, withheld) }],
        EmphasisInline emphasis => [new EmphasisInline { Content = Inlines(emphasis.Content, withheld) }],
        LinkInline link when Inline.HoldsRedaction(link.Content) || PackageCheck.AddressHolds(link.Url, withheld) =>
            Inlines(link.Content, withheld),
        LinkInline link => [new LinkInline { Content = Inlines(link.Content, withheld), Url = link.Url }],
        FootnoteInline footnote => [new FootnoteInline { Content = Inlines(footnote.Content, withheld) }],
        _ => [inline],
    };
}
