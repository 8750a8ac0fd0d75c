using System.Xml.Linq;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Packaging;

/// <summary>
/// The language a rendered document declares (Word's default <c>w:lang</c> in the styles), set from the
/// minutes' language so that spelling, hyphenation, screen readers and a PDF's <c>/Lang</c> follow the text
/// rather than the template. A template's regional variant is kept when the language is the same:
/// <c>en</c> minutes in an <c>en-GB</c> template stay <c>en-GB</c>; <c>en</c> minutes in an <c>nl-NL</c>
/// template become <c>en</c>.
/// </summary>
internal static class DocumentLanguage
{
    private static readonly XName DocDefaults = WordNames.W + "docDefaults";
    private static readonly XName RPrDefault = WordNames.W + "rPrDefault";
    private static readonly XName Lang = WordNames.W + "lang";

    /// <summary>The language tag the template's styles declare by default, or null when they declare none.</summary>
    public static string? Declared(XDocument? styles) =>
        styles?.Root?.Element(DocDefaults)?.Element(RPrDefault)?.Element(WordNames.RPr)?.Element(Lang)?.Attribute(WordNames.Val)?.Value;

    /// <summary>The tag the document should declare: <paramref name="declared"/> when it is the same language, else <paramref name="language"/>.</summary>
    /// <param name="declared">The template's default language, or null.</param>
    /// <param name="language">The minutes' BCP 47 language tag.</param>
    public static string Choose(string? declared, string language) =>
        declared is not null && string.Equals(Primary(declared), Primary(language), StringComparison.OrdinalIgnoreCase) ? declared : language;

    /// <summary>
    /// The styles part with <paramref name="language"/> as the default language, or null when the part already
    /// declares that language (and needs no change) or there is no styles part.
    /// </summary>
    /// <param name="styles">The template's styles part.</param>
    /// <param name="language">The minutes' BCP 47 language tag.</param>
    public static XDocument? Apply(XDocument? styles, string language)
    {
        if (styles?.Root is not { } root)
        {
            return null;
        }

        var declared = Declared(styles);
        var chosen = Choose(declared, language);
        if (string.Equals(chosen, declared, StringComparison.Ordinal))
        {
            return null;
        }

        var copy = new XDocument(styles);
        root = copy.Root!;
        var docDefaults = Child(root, DocDefaults);
        var rPrDefault = Child(docDefaults, RPrDefault);
        var rPr = Child(rPrDefault, WordNames.RPr);
        var lang = rPr.Element(Lang);
        if (lang is null)
        {
            // The schema's order puts w:lang before these three, and after every other run property.
            lang = new XElement(Lang);
            if (rPr.Elements().FirstOrDefault(e => e.Name.Namespace == WordNames.W && e.Name.LocalName is "eastAsianLayout" or "specVanish" or "oMath") is { } next)
            {
                next.AddBeforeSelf(lang);
            }
            else
            {
                rPr.Add(lang);
            }
        }

        lang.SetAttributeValue(WordNames.Val, chosen);
        return copy;
    }

    /// <summary>The child <paramref name="name"/> of <paramref name="parent"/>, added as its first child when missing.</summary>
    private static XElement Child(XElement parent, XName name)
    {
        if (parent.Element(name) is { } existing)
        {
            return existing;
        }

        var created = new XElement(name);
        parent.AddFirst(created);
        return created;
    }

    private static string Primary(string tag)
    {
        var dash = tag.IndexOfAny(['-', '_']);
        return dash < 0 ? tag : tag[..dash];
    }
}
