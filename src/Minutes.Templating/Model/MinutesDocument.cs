namespace Minutes.Templating.Model;

/// <summary>
/// Meeting minutes as parsed from YAML (contract version 1): immutable, checked, and ready to render.
/// </summary>
/// <remarks>
/// Compares by value, lists by content, at every depth: two parses of the same file are equal, and a change anywhere
/// makes them unequal. A list given to an <c>init</c> property is copied, so changing it afterwards changes nothing.
/// </remarks>
public sealed record MinutesDocument
{
    private readonly IReadOnlyList<Organisation> _organisations = ValueList<Organisation>.Empty;
    private readonly IReadOnlyList<AgendaItem> _agenda = ValueList<AgendaItem>.Empty;
    private readonly IReadOnlyDictionary<string, string> _labels = ValueList.Of<string, string>(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The contract version the YAML was written against (<c>minutes:</c>).</summary>
    public int Version { get; init; } = 1;

    /// <summary>The BCP 47 language tag of the document (<c>language:</c>); <c>en</c> by default.</summary>
    public string Language { get; init; } = "en";

    /// <summary>What kind of document this is (<c>document:</c>).</summary>
    public DocumentInfo Document { get; init; } = new();

    /// <summary>The meeting itself (<c>meeting:</c>).</summary>
    public required Meeting Meeting { get; init; }

    /// <summary>The abbreviations used in the text with their full names, in the YAML's order.</summary>
    public IReadOnlyList<Organisation> Organisations { get => _organisations; init => _organisations = ValueList.Of(value); }

    /// <summary>Who was present, absent, or a guest.</summary>
    public Attendees Attendees { get; init; } = new();

    /// <summary>The agenda items in meeting order.</summary>
    public IReadOnlyList<AgendaItem> Agenda { get => _agenda; init => _agenda = ValueList.Of(value); }

    /// <summary>The next meeting, when announced.</summary>
    public NextMeeting? NextMeeting { get; init; }

    /// <summary>Labels overridden for this one document (label key → text).</summary>
    public IReadOnlyDictionary<string, string> Labels { get => _labels; init => _labels = ValueList.Of(value); }
}

/// <summary>The kind of document the minutes are rendered as.</summary>
public enum DocumentType
{
    /// <summary>Minutes (verslag); the default.</summary>
    Minutes,

    /// <summary>A decision list (besluitenlijst).</summary>
    Decisions,

    /// <summary>An action list (actielijst).</summary>
    Actions,
}

/// <summary>Whether the minutes are still a draft.</summary>
public enum DocumentStatus
{
    /// <summary>A draft (concept); the default.</summary>
    Draft,

    /// <summary>Approved (vastgesteld).</summary>
    Approved,
}

/// <summary>The <c>document:</c> mapping.</summary>
public sealed record DocumentInfo
{
    /// <summary>The kind of document.</summary>
    public DocumentType Type { get; init; }

    /// <summary>A title that replaces the default one given by <see cref="Type"/> and the language.</summary>
    public InlineText? Title { get; init; }

    /// <summary>The document's reference (kenmerk).</summary>
    public string? Reference { get; init; }

    /// <summary>Draft or approved.</summary>
    public DocumentStatus Status { get; init; }

    /// <summary>The date the minutes were approved.</summary>
    public DateOnly? ApprovedOn { get; init; }

    /// <summary>A marking such as <c>Departementaal Vertrouwelijk</c>.</summary>
    public string? Classification { get; init; }
}

/// <summary>How the meeting was held.</summary>
public enum MeetingMode
{
    /// <summary>Everyone in one room.</summary>
    InPerson,

    /// <summary>Everyone online.</summary>
    Online,

    /// <summary>Some in the room, some online.</summary>
    Hybrid,
}

/// <summary>The <c>meeting:</c> mapping.</summary>
public sealed record Meeting
{
    /// <summary>The committee's or board's full name.</summary>
    public required InlineText Body { get; init; }

    /// <summary>The body's abbreviation, such as <c>LRT</c>.</summary>
    public string? Abbreviation { get; init; }

    /// <summary>The meeting's number in its series.</summary>
    public string? Number { get; init; }

    /// <summary>The day of the meeting.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The start time.</summary>
    public TimeOnly? Start { get; init; }

    /// <summary>The end time.</summary>
    public TimeOnly? End { get; init; }

    /// <summary>Where the meeting was held.</summary>
    public InlineText? Location { get; init; }

    /// <summary>In person, online or hybrid.</summary>
    public MeetingMode? Mode { get; init; }
}

/// <summary>An organisation named by its abbreviation in the minutes.</summary>
public sealed record Organisation
{
    /// <summary>The abbreviation used in the text, such as <c>VNG</c>.</summary>
    public required string Abbreviation { get; init; }

    /// <summary>The full name.</summary>
    public required InlineText Name { get; init; }
}

/// <summary>The <c>attendees:</c> mapping.</summary>
public sealed record Attendees
{
    private readonly IReadOnlyList<Person> _present = ValueList<Person>.Empty;
    private readonly IReadOnlyList<Person> _absent = ValueList<Person>.Empty;
    private readonly IReadOnlyList<Person> _guests = ValueList<Person>.Empty;

    /// <summary>Those present.</summary>
    public IReadOnlyList<Person> Present { get => _present; init => _present = ValueList.Of(value); }

    /// <summary>Those absent, with or without notice.</summary>
    public IReadOnlyList<Person> Absent { get => _absent; init => _absent = ValueList.Of(value); }

    /// <summary>Guests and others in attendance.</summary>
    public IReadOnlyList<Person> Guests { get => _guests; init => _guests = ValueList.Of(value); }
}

/// <summary>The part a person plays in the meeting.</summary>
public enum PersonRole
{
    /// <summary>A member; the default.</summary>
    Member,

    /// <summary>The chair (voorzitter).</summary>
    Chair,

    /// <summary>The secretary.</summary>
    Secretary,

    /// <summary>The person taking the minutes (notulist).</summary>
    MinuteTaker,

    /// <summary>A guest.</summary>
    Guest,

    /// <summary>Supporting staff.</summary>
    Support,
}

/// <summary>
/// An attendee. Either <see cref="Text"/> is set (a plain string in the YAML, printed as written)
/// or the structured fields are.
/// </summary>
public sealed record Person
{
    /// <summary>The entry as written, when it was a plain string.</summary>
    public InlineText? Text { get; init; }

    /// <summary>The person's name.</summary>
    public string? Name { get; init; }

    /// <summary>Printed before the name: <c>Dhr.</c>, <c>Mevr.</c>, <c>Ms</c>…</summary>
    public string? Honorific { get; init; }

    /// <summary>The abbreviation of the organisation represented.</summary>
    public string? Organisation { get; init; }

    /// <summary>The person's part in the meeting.</summary>
    public PersonRole Role { get; init; }

    /// <summary>The person this one replaces, as inline text (a name may be withheld).</summary>
    public InlineText? OnBehalfOf { get; init; }

    /// <summary>For an absentee: true when absent with notice, false without; null when not said.</summary>
    public bool? Excused { get; init; }

    /// <summary>The Woo ground under which the name is withheld in a publication rendering, such as <c>5.1.2e</c>.</summary>
    public string? Redact { get; init; }

    /// <summary>Free text printed after the entry.</summary>
    public InlineText? Note { get; init; }
}

/// <summary>One item of the agenda.</summary>
public sealed record AgendaItem
{
    private readonly IReadOnlyList<InlineText> _documents = ValueList<InlineText>.Empty;
    private readonly IReadOnlyList<Point> _points = ValueList<Point>.Empty;

    /// <summary>The item's title.</summary>
    public required InlineText Title { get; init; }

    /// <summary>The item's number as printed (<c>1</c>, <c>2</c>, <c>4a</c>), or null for an unnumbered item.</summary>
    public string? Number { get; init; }

    /// <summary>The person or organisation introducing the item.</summary>
    public InlineText? Presenter { get; init; }

    /// <summary>The papers discussed under the item.</summary>
    public IReadOnlyList<InlineText> Documents { get => _documents; init => _documents = ValueList.Of(value); }

    /// <summary>What was said and agreed, in the meeting's order.</summary>
    public IReadOnlyList<Point> Points { get => _points; init => _points = ValueList.Of(value); }
}

/// <summary>The <c>next_meeting:</c> mapping.</summary>
public sealed record NextMeeting
{
    /// <summary>The day.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The start time.</summary>
    public TimeOnly? Start { get; init; }

    /// <summary>The place.</summary>
    public InlineText? Location { get; init; }
}
