using System.Text.RegularExpressions;
using System.Xml.Linq;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Engine;

/// <summary>Formatting that inline text adds to a tag's own formatting.</summary>
[Flags]
internal enum RunStyle
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Link = 4,
    Redacted = 8,
    Withheld = 16,
    WithheldGround = 32,
}

/// <summary>
/// Builds run properties: the tag's own, with bold, italic, link or redaction added in schema order. The looks of
/// redaction: in the publication version the ground in a black box (white on black shading, <see cref="RunStyle.Redacted"/>),
/// in the internal version the withheld text on grey shading (<see cref="RunStyle.Withheld"/>) followed by its ground,
/// raised and dark grey (<see cref="RunStyle.WithheldGround"/>).
/// </summary>
internal static partial class RunStyles
{
    // The order of w:rPr children that the schema (CT_RPr) requires.
    private static readonly string[] Order =
    [
        "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
        "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
        "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
        "em", "lang", "eastAsianLayout", "specVanish", "oMath",
    ];

    public static string Build(XElement? baseProperties, RunStyle style)
    {
        var properties = baseProperties is null ? new XElement(RPr) : new XElement(baseProperties);
        properties.Elements(W + "rPrChange").Remove();
        if (style.HasFlag(RunStyle.Bold))
        {
            Set(properties, new XElement(W + "b"));
        }

        if (style.HasFlag(RunStyle.Italic))
        {
            Set(properties, new XElement(W + "i"));
        }

        if (style.HasFlag(RunStyle.Link))
        {
            Set(properties, new XElement(W + "color", new XAttribute(Val, "0563C1")));
            Set(properties, new XElement(W + "u", new XAttribute(Val, "single")));
        }

        if (style.HasFlag(RunStyle.Redacted))
        {
            Set(properties, new XElement(W + "color", new XAttribute(Val, "FFFFFF")));
            Set(properties, new XElement(W + "shd", new XAttribute(Val, "clear"), new XAttribute(W + "color", "auto"), new XAttribute(W + "fill", "000000")));
        }

        if (style.HasFlag(RunStyle.Withheld) || style.HasFlag(RunStyle.WithheldGround))
        {
            Set(properties, new XElement(W + "shd", new XAttribute(Val, "clear"), new XAttribute(W + "color", "auto"), new XAttribute(W + "fill", "D9D9D9")));
        }

        if (style.HasFlag(RunStyle.WithheldGround))
        {
            Set(properties, new XElement(W + "color", new XAttribute(Val, "404040")));
            Set(properties, new XElement(W + "vertAlign", new XAttribute(Val, "superscript")));
        }

        var ordered = properties.Elements().OrderBy(e => Rank(e.Name)).ToList();
        properties.RemoveNodes();
        properties.Add(ordered);
        properties.SetAttributeValue(XNamespace.Xmlns + "w", W.NamespaceName);
        return ordered.Count == 0
            ? string.Empty
            : NamespaceDeclaration().Replace(properties.ToString(SaveOptions.DisableFormatting), string.Empty);
    }

    private static void Set(XElement properties, XElement value)
    {
        properties.Element(value.Name)?.Remove();
        properties.Add(value);
    }

    private static int Rank(XName name)
    {
        if (name.Namespace != W)
        {
            return Order.Length;
        }

        var index = Array.IndexOf(Order, name.LocalName);
        return index < 0 ? Order.Length : index;
    }

    // The part's root declares the namespaces; the markup is inserted into that part.
    [GeneratedRegex(@" xmlns:[A-Za-z0-9]+=""[^""]*""")]
    private static partial Regex NamespaceDeclaration();
}
