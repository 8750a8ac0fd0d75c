namespace Minutes.Templating.Diagnostics;

/// <summary>
/// The stable codes of the diagnostics the minutes parser reports. Codes are never reused or
/// renumbered: users search for them and scripts filter on them.
/// </summary>
internal static class DiagnosticCodes
{
    /// <summary>The text is not well-formed YAML.</summary>
    public const string SyntaxError = "MT1001";

    /// <summary>A key the contract does not know (with a suggestion when one is close).</summary>
    public const string UnknownKey = "MT1002";

    /// <summary>A key given twice in the same mapping.</summary>
    public const string DuplicateKey = "MT1003";

    /// <summary>A mapping, list, text, number or yes/no value was expected and something else was found.</summary>
    public const string WrongType = "MT1004";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "MT1005";

    /// <summary>A date that is not ISO <c>YYYY-MM-DD</c> or does not exist.</summary>
    public const string InvalidDate = "MT1006";

    /// <summary>A time that is not <c>HH:MM</c> or does not exist.</summary>
    public const string InvalidTime = "MT1007";

    /// <summary>A value outside the allowed set (document type, status, mode, role, item number).</summary>
    public const string InvalidValue = "MT1008";

    /// <summary>A point mapping with none, or more than one, of the point forms.</summary>
    public const string PointForm = "MT1009";

    /// <summary>A <c>minutes:</c> version this library does not support.</summary>
    public const string UnsupportedVersion = "MT1010";

    /// <summary>An <c>org</c>, <c>by</c> or <c>owner</c> that names no declared organisation (a warning).</summary>
    public const string UndeclaredOrganisation = "MT1011";

    /// <summary>The input is too large, too deep or has too many nodes.</summary>
    public const string LimitExceeded = "MT1012";

    /// <summary>A <c>language</c> that is not a well-formed BCP 47 tag.</summary>
    public const string InvalidLanguage = "MT1013";

    /// <summary>A YAML feature the contract does not allow: aliases, custom tags, several documents.</summary>
    public const string UnsupportedYaml = "MT1014";

    /// <summary>Malformed inline markup, such as a redaction span without its ground.</summary>
    public const string InvalidInlineMarkup = "MT1015";

    /// <summary>The document is empty (a top level that is not a mapping is <see cref="WrongType"/>).</summary>
    public const string EmptyDocument = "MT1016";

    /// <summary>A <c>redact:</c> or <c>[[text|ground]]</c> ground that is not one of the Woo's, or not written the way practice writes it.</summary>
    public const string UnknownGround = "MT1100";

    /// <summary>
    /// The name of an attendee marked <c>redact:</c> written without markup elsewhere (a warning): the publication
    /// version withholds it there too; marking it confirms that.
    /// </summary>
    public const string UnmarkedWithheldName = "MT1101";

    /// <summary>
    /// The finished publication package still holds withheld text (in any part: text, attributes, relationships,
    /// properties), so it is not written. Reported by the last check every rendering goes through.
    /// </summary>
    public const string WithheldTextInPackage = "MT3000";
}
