namespace Minutes.Templating.Model;

/// <summary>One entry of an agenda item's <c>points:</c>, in the meeting's order.</summary>
public abstract record Point
{
    private protected Point()
    {
    }
}

/// <summary>A statement, printed as a bullet, with its optional speaker and sub-points.</summary>
/// <param name="Text">What was said.</param>
/// <param name="By">The speaker: an organisation's abbreviation or a person, as inline text (a name may be withheld); null when not given.</param>
/// <param name="Points">Nested sub-points, any depth.</param>
public sealed record StatementPoint(InlineText Text, InlineText? By, IReadOnlyList<Point> Points) : Point;

/// <summary>An unnumbered sub-heading inside an item, with its own points.</summary>
/// <param name="Title">The sub-heading.</param>
/// <param name="Points">The points under it; topics nest.</param>
public sealed record TopicPoint(InlineText Title, IReadOnlyList<Point> Points) : Point;

/// <summary>An agreement (Afspraak / Agreed).</summary>
/// <param name="Text">What was agreed.</param>
public sealed record AgreementPoint(InlineText Text) : Point
{
    /// <summary>How it was voted on, or null.</summary>
    public Vote? Vote { get; init; }
}

/// <summary>A formal decision (Besluit / Resolved).</summary>
/// <param name="Text">What was decided.</param>
public sealed record DecisionPoint(InlineText Text) : Point
{
    /// <summary>How it was voted on, or null.</summary>
    public Vote? Vote { get; init; }
}

/// <summary>An action (Actie / Action) with its owner and optional due date.</summary>
/// <param name="Text">What is to be done.</param>
/// <param name="Owner">Who does it: an organisation's abbreviation or a person, as inline text (a name may be withheld).</param>
/// <param name="Due">When it is due.</param>
public sealed record ActionPoint(InlineText Text, InlineText Owner, DateOnly? Due) : Point;

/// <summary>A <c>table:</c> point: a small table of text and figures, with an optional caption and header row.</summary>
/// <param name="Caption">The caption, or null.</param>
/// <param name="Header">The header row; empty when the table has none.</param>
/// <param name="Rows">The body rows, each as long as the header.</param>
public sealed record TablePoint(InlineText? Caption, IReadOnlyList<TableCell> Header, IReadOnlyList<IReadOnlyList<TableCell>> Rows) : Point;

/// <summary>One cell of a <see cref="TablePoint"/>.</summary>
/// <param name="Text">The cell's text (a number is kept as written).</param>
/// <param name="IsNumber">True when the YAML gave a number: printed aligned to the right.</param>
public sealed record TableCell(InlineText Text, bool IsNumber);

/// <summary>An <c>image:</c> point: a PNG or JPEG picture embedded in the document, with its text alternative.</summary>
/// <param name="Image">The picture, read and checked when the minutes were parsed.</param>
/// <param name="Alt">The text alternative read out by screen readers (required).</param>
public sealed record ImagePoint(ImageFile Image, InlineText Alt) : Point
{
    /// <summary>The caption printed under the picture, or null.</summary>
    public InlineText? Caption { get; init; }

    /// <summary>The width asked for, in centimetres; null for the picture's own size, within the text width.</summary>
    public double? WidthCentimetres { get; init; }
}

/// <summary>The picture formats an <see cref="ImagePoint"/> may hold.</summary>
public enum ImageFormat
{
    /// <summary>PNG.</summary>
    Png,

    /// <summary>JPEG.</summary>
    Jpeg,
}

/// <summary>A picture file read from beside the minutes.</summary>
/// <param name="Path">The path as written in the minutes, relative to the minutes file.</param>
/// <param name="Format">PNG or JPEG.</param>
/// <param name="PixelWidth">The width in pixels.</param>
/// <param name="PixelHeight">The height in pixels.</param>
/// <param name="Data">The file's bytes, embedded as they are.</param>
public sealed record ImageFile(string Path, ImageFormat Format, int PixelWidth, int PixelHeight, ReadOnlyMemory<byte> Data);

/// <summary>The outcome of a vote.</summary>
public enum VoteResult
{
    /// <summary>Carried (aangenomen): more votes for than against.</summary>
    Carried,

    /// <summary>Rejected (verworpen): not more votes for than against.</summary>
    Rejected,

    /// <summary>Carried unanimously (met algemene stemmen): nobody voted against.</summary>
    Unanimous,
}

/// <summary>
/// How a decision or agreement was voted on (<c>vote:</c>). Each side is a count, a list of who voted
/// that way (names or organisation codes), or both.
/// </summary>
public sealed record Vote
{
    /// <summary>The number of votes for; with only <see cref="ForBy"/> given, the length of that list.</summary>
    public int? For { get; init; }

    /// <summary>The number of votes against.</summary>
    public int? Against { get; init; }

    /// <summary>The number of abstentions.</summary>
    public int? Abstain { get; init; }

    /// <summary>Who voted for: names or organisation codes.</summary>
    public IReadOnlyList<InlineText> ForBy { get; init; } = [];

    /// <summary>Who voted against.</summary>
    public IReadOnlyList<InlineText> AgainstBy { get; init; } = [];

    /// <summary>Who abstained.</summary>
    public IReadOnlyList<InlineText> AbstainBy { get; init; } = [];

    /// <summary>The outcome: as given, or derived from the counts.</summary>
    public VoteResult Result { get; init; }
}
