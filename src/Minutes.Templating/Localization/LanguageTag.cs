using System.Text.RegularExpressions;

namespace Minutes.Templating.Localization;

/// <summary>What a well-formed BCP 47 language tag is, for <c>language:</c> and for the language a rendering overrides it with.</summary>
internal static partial class LanguageTag
{
    /// <summary>True when <paramref name="tag"/> is a well-formed BCP 47 tag (<c>nl</c>, <c>en-GB</c>, <c>sr-Latn-RS</c>).</summary>
    public static bool IsWellFormed(string tag) => Pattern().IsMatch(tag);

    [GeneratedRegex(@"^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
