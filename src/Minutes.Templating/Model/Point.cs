namespace Minutes.Templating.Model;

/// <summary>One entry of an agenda item's <c>points:</c>, in the meeting's order.</summary>
public abstract record Point
{
    private protected Point()
    {
    }
}

/// <summary>A statement, printed as a bullet, with its optional speaker and sub-points.</summary>
public sealed record StatementPoint : Point
{
    private readonly IReadOnlyList<Point> _points = ValueList<Point>.Empty;

    /// <summary>What was said.</summary>
    public required InlineText Text { get; init; }

    /// <summary>The speaker: an organisation's abbreviation or a person, as inline text (a name may be withheld); null when not given.</summary>
    public InlineText? By { get; init; }

    /// <summary>Nested sub-points, any depth; compared by content.</summary>
    public IReadOnlyList<Point> Points { get => _points; init => _points = ValueList.Of(value); }
}

/// <summary>An unnumbered sub-heading inside an item, with its own points.</summary>
public sealed record TopicPoint : Point
{
    private readonly IReadOnlyList<Point> _points = ValueList<Point>.Empty;

    /// <summary>The sub-heading.</summary>
    public required InlineText Title { get; init; }

    /// <summary>The points under it; topics nest. Compared by content.</summary>
    public IReadOnlyList<Point> Points { get => _points; init => _points = ValueList.Of(value); }
}

/// <summary>An agreement (Afspraak / Agreed).</summary>
public sealed record AgreementPoint : Point
{
    /// <summary>What was agreed.</summary>
    public required InlineText Text { get; init; }

    /// <summary>How it was voted on, or null.</summary>
    public Vote? Vote { get; init; }
}

/// <summary>A formal decision (Besluit / Resolved).</summary>
public sealed record DecisionPoint : Point
{
    /// <summary>What was decided.</summary>
    public required InlineText Text { get; init; }

    /// <summary>How it was voted on, or null.</summary>
    public Vote? Vote { get; init; }
}

/// <summary>An action (Actie / Action) with its owner and optional due date.</summary>
public sealed record ActionPoint : Point
{
    /// <summary>What is to be done.</summary>
    public required InlineText Text { get; init; }

    /// <summary>Who does it: an organisation's abbreviation or a person, as inline text (a name may be withheld).</summary>
    public required InlineText Owner { get; init; }

    /// <summary>When it is due; null when not given.</summary>
    public DateOnly? Due { get; init; }
}

/// <summary>A <c>table:</c> point: a small table of text and figures, with an optional caption and header row.</summary>
public sealed record TablePoint : Point
{
    private readonly IReadOnlyList<TableCell> _header = ValueList<TableCell>.Empty;
    private readonly IReadOnlyList<IReadOnlyList<TableCell>> _rows = ValueList<IReadOnlyList<TableCell>>.Empty;

    /// <summary>The caption, or null.</summary>
    public InlineText? Caption { get; init; }

    /// <summary>The header row; empty when the table has none. Compared by content.</summary>
    public IReadOnlyList<TableCell> Header { get => _header; init => _header = ValueList.Of(value); }

    /// <summary>The body rows, each as long as the header. Compared by content, cell by cell.</summary>
    public IReadOnlyList<IReadOnlyList<TableCell>> Rows { get => _rows; init => _rows = ValueList.OfRows(value); }
}

/// <summary>One cell of a <see cref="TablePoint"/>.</summary>
public sealed record TableCell
{
    /// <summary>The cell's text (a number is kept as written).</summary>
    public required InlineText Text { get; init; }

    /// <summary>True when the YAML gave a number: printed aligned to the right.</summary>
    public bool IsNumber { get; init; }
}

/// <summary>An <c>image:</c> point: a PNG or JPEG picture embedded in the document, with its text alternative.</summary>
public sealed record ImagePoint : Point
{
    /// <summary>The picture, read and checked when the minutes were parsed.</summary>
    public required ImageFile Image { get; init; }

    /// <summary>The text alternative read out by screen readers (required).</summary>
    public required InlineText Alt { get; init; }

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
public sealed record ImageFile
{
    private readonly Bytes _data;

    /// <summary>The path as written in the minutes, relative to the minutes file.</summary>
    public required string Path { get; init; }

    /// <summary>PNG or JPEG.</summary>
    public required ImageFormat Format { get; init; }

    /// <summary>The width in pixels.</summary>
    public required int PixelWidth { get; init; }

    /// <summary>The height in pixels.</summary>
    public required int PixelHeight { get; init; }

    /// <summary>The file's bytes, embedded as they are; compared by content.</summary>
    public required ReadOnlyMemory<byte> Data { get => _data.Memory; init => _data = new Bytes(value); }

    /// <summary>Bytes that equal other bytes with the same content, so two reads of one picture are equal.</summary>
    private readonly struct Bytes(ReadOnlyMemory<byte> memory) : IEquatable<Bytes>
    {
        public ReadOnlyMemory<byte> Memory { get; } = memory;

        public bool Equals(Bytes other) => Memory.Span.SequenceEqual(other.Memory.Span);

        public override bool Equals(object? obj) => obj is Bytes other && Equals(other);

        public override int GetHashCode() => Memory.Length;

        public override string ToString() => Memory.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";
    }
}

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
    private readonly IReadOnlyList<InlineText> _forBy = ValueList<InlineText>.Empty;
    private readonly IReadOnlyList<InlineText> _againstBy = ValueList<InlineText>.Empty;
    private readonly IReadOnlyList<InlineText> _abstainBy = ValueList<InlineText>.Empty;

    /// <summary>The number of votes for; with only <see cref="ForBy"/> given, the length of that list.</summary>
    public int? For { get; init; }

    /// <summary>The number of votes against.</summary>
    public int? Against { get; init; }

    /// <summary>The number of abstentions.</summary>
    public int? Abstain { get; init; }

    /// <summary>Who voted for: names or organisation codes; compared by content.</summary>
    public IReadOnlyList<InlineText> ForBy { get => _forBy; init => _forBy = ValueList.Of(value); }

    /// <summary>Who voted against; compared by content.</summary>
    public IReadOnlyList<InlineText> AgainstBy { get => _againstBy; init => _againstBy = ValueList.Of(value); }

    /// <summary>Who abstained; compared by content.</summary>
    public IReadOnlyList<InlineText> AbstainBy { get => _abstainBy; init => _abstainBy = ValueList.Of(value); }

    /// <summary>The outcome: as given, or derived from the counts.</summary>
    public VoteResult Result { get; init; }
}
