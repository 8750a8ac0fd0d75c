namespace Minutes.Templating.Diagnostics;

/// <summary>
/// The catalogue of diagnostic codes: every code the library reports, minutes (<c>MT1xxx</c>) and templates
/// (<c>MT2xxx</c>) alike, each documented with an example and its fix in <c>docs/diagnostics.md</c>, under its code
/// as the heading. Codes are never reused or renumbered: users search for them and scripts filter on them.
/// Compare <see cref="Diagnostic.Code"/> with these constants rather than with literal strings.
/// </summary>
public static class DiagnosticCodes
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

    /// <summary>
    /// A value with no visible text where text must be printed: an item's title, a point, a person, a name, an owner,
    /// an entry of a list, or any key given as <c>""</c> (leave an optional key out instead).
    /// </summary>
    public const string EmptyText = "MT1017";

    /// <summary>The minutes file does not exist, is a folder, or cannot be read (reported at line 1, column 1).</summary>
    public const string UnreadableFile = "MT1018";

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

    /// <summary>A table whose rows are not all as long as its header (or, without a header, as its first row).</summary>
    public const string TableShape = "MT1200";

    /// <summary>The file of an <c>image:</c> point does not exist or cannot be read.</summary>
    public const string ImageNotFound = "MT1201";

    /// <summary>The file of an <c>image:</c> point is not a PNG or JPEG picture.</summary>
    public const string ImageFormat = "MT1202";

    /// <summary>The path of an <c>image:</c> point leads outside the minutes' folder.</summary>
    public const string ImageOutsideFolder = "MT1203";

    /// <summary>The picture of an <c>image:</c> point is over the size or pixel limit.</summary>
    public const string ImageTooLarge = "MT1204";

    /// <summary>A <c>vote:</c> that cannot be right: a negative count, names given twice, a count smaller than its list of names.</summary>
    public const string InvalidVote = "MT1205";

    /// <summary>A Scriban syntax error inside a template's tag.</summary>
    public const string TemplateSyntaxError = "MT2001";

    /// <summary>A <c>{{</c> in a template not closed by <c>}}</c> in the same paragraph.</summary>
    public const string UnclosedTag = "MT2002";

    /// <summary>A block tag at the wrong level: it opens inside a paragraph and closes in another.</summary>
    public const string BlockPlacement = "MT2003";

    /// <summary>A block without <c>{{ end }}</c>, or an <c>{{ end }}</c> without a block.</summary>
    public const string UnbalancedBlock = "MT2004";

    /// <summary>An error while rendering a template: a wrong type, a failing function.</summary>
    public const string TemplateRuntimeError = "MT2005";

    /// <summary>A template reached a limit while rendering: time, loop count, recursion, output size.</summary>
    public const string TemplateLimitExceeded = "MT2006";

    /// <summary>The template file is not a Word document or template, or a folder holds no single template.</summary>
    public const string InvalidTemplatePackage = "MT2007";

    /// <summary>A template uses a name the template model does not have (with a suggestion when one is close).</summary>
    public const string UnknownName = "MT2008";

    /// <summary>A template's labels file is not a mapping of languages to labels (an error), or names a label that does not exist (a warning).</summary>
    public const string InvalidLabels = "MT2009";

    /// <summary>A link to something outside the package, other than a hyperlink, was taken out of the template (a warning).</summary>
    public const string ExternalLinkRemoved = "MT2101";

    /// <summary>Macros were taken out of a macro-enabled template; the documents are macro-free (a warning).</summary>
    public const string MacrosRemoved = "MT2102";

    /// <summary>
    /// A template uses a value as what it is not: <c>[…]</c> on a value that is neither a list nor a text, <c>with</c> on
    /// a value that is not an object, <c>for</c> over a value that is not a list.
    /// </summary>
    public const string ValueMisused = "MT2103";
}
