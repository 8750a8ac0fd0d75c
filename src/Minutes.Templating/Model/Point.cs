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
public sealed record AgreementPoint(InlineText Text) : Point;

/// <summary>A formal decision (Besluit / Resolved).</summary>
/// <param name="Text">What was decided.</param>
public sealed record DecisionPoint(InlineText Text) : Point;

/// <summary>An action (Actie / Action) with its owner and optional due date.</summary>
/// <param name="Text">What is to be done.</param>
/// <param name="Owner">Who does it: an organisation's abbreviation or a person, as inline text (a name may be withheld).</param>
/// <param name="Due">When it is due.</param>
public sealed record ActionPoint(InlineText Text, InlineText Owner, DateOnly? Due) : Point;
