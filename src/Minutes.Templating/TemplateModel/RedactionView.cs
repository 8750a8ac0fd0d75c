namespace Minutes.Templating.TemplateModel;

/// <summary>What templates are told about redaction: which version this is, and the grounds the document uses.</summary>
/// <param name="Publication">True for the publication version.</param>
/// <param name="Grounds">The Woo grounds used, in the Act's order.</param>
internal sealed record RedactionView(bool Publication, IReadOnlyList<string> Grounds)
{
    /// <summary>The internal version of a document that withholds nothing.</summary>
    public static RedactionView None { get; } = new(false, []);
}
