using System.Globalization;
using System.Text.RegularExpressions;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;
using Minutes.Templating.Redaction;
using YamlDotNet.Core;

namespace Minutes.Templating.Parsing;

/// <summary>
/// Turns the tree of a minutes YAML file into a <see cref="MinutesDocument"/>, checking it against
/// contract version 1 and collecting every problem instead of stopping at the first.
/// </summary>
internal sealed partial class MinutesReader
{
    /// <summary>The contract versions this library reads.</summary>
    public static readonly IReadOnlyList<int> SupportedVersions = [1];

    private static readonly string[] TopKeys = ["minutes", "language", "document", "meeting", "organisations", "attendees", "agenda", "next_meeting", "labels"];
    private static readonly string[] DocumentKeys = ["type", "title", "reference", "status", "approved_on", "classification"];
    private static readonly string[] MeetingKeys = ["body", "abbreviation", "number", "date", "start", "end", "location", "mode"];
    private static readonly string[] AttendeesKeys = ["present", "absent", "guests"];
    private static readonly string[] PersonKeys = ["name", "honorific", "org", "role", "on_behalf_of", "excused", "redact", "note"];
    private static readonly string[] ItemKeys = ["title", "number", "presenter", "documents", "points"];
    private static readonly string[] NextMeetingKeys = ["date", "start", "location"];

    /// <summary>The keys that decide a point's form, in the order they are named in messages.</summary>
    private static readonly string[] PointFormKeys = ["text", "topic", "agreement", "decision", "action", "table", "image"];
    private static readonly string[] TextPointKeys = ["text", "by", "points"];
    private static readonly string[] TopicPointKeys = ["topic", "points"];
    private static readonly string[] AgreementPointKeys = ["agreement", "vote"];
    private static readonly string[] DecisionPointKeys = ["decision", "vote"];
    private static readonly string[] ActionPointKeys = ["action", "owner", "due"];

    private static readonly (string Name, DocumentType Value)[] DocumentTypes =
        [("minutes", DocumentType.Minutes), ("decisions", DocumentType.Decisions), ("actions", DocumentType.Actions)];

    private static readonly (string Name, DocumentStatus Value)[] Statuses =
        [("draft", DocumentStatus.Draft), ("approved", DocumentStatus.Approved)];

    private static readonly (string Name, MeetingMode Value)[] Modes =
        [("in_person", MeetingMode.InPerson), ("online", MeetingMode.Online), ("hybrid", MeetingMode.Hybrid)];

    private static readonly (string Name, PersonRole Value)[] Roles =
    [
        ("chair", PersonRole.Chair), ("secretary", PersonRole.Secretary), ("minute_taker", PersonRole.MinuteTaker),
        ("member", PersonRole.Member), ("guest", PersonRole.Guest), ("support", PersonRole.Support),
    ];

    private readonly string _file;
    private readonly string _source;
    private readonly List<Diagnostic> _diagnostics;

    /// <summary>The keys reported as unknown with the key each was suggested to be, so a required key they stand for is not reported missing too.</summary>
    private readonly Dictionary<SourceScalar, string> _suggested = [];

    /// <summary>The warnings about references to organisations that are not declared, reported after everything else.</summary>
    private readonly List<Diagnostic> _organisationWarnings = [];

    /// <summary>The declared abbreviations, once 'organisations' is read as a mapping (null: references are not checked).</summary>
    private string[]? _declared;

    /// <summary>The same abbreviations, to look a reference up.</summary>
    private HashSet<string>? _declaredSet;

    /// <summary>Every text value read, to look for withheld names written without markup.</summary>
    private readonly List<SourceScalar> _texts = [];

    /// <summary>
    /// False once the attendees are read and none is withheld by name: then no text will be looked through, and
    /// <see cref="_texts"/> and <see cref="_plainTexts"/> need not grow.
    /// </summary>
    private bool _collectTexts = true;

    /// <summary>The markup errors and Woo grounds of the text being read: one pair of lists for every text.</summary>
    private readonly List<(int Offset, string Message)> _markupErrors = [];

    private readonly List<(int Offset, string Ground)> _markupGrounds = [];

    /// <summary>Free-text fields that are not inline text and so cannot withhold part of themselves, with their keys.</summary>
    private readonly List<(SourceScalar Scalar, string Key)> _plainTexts = [];

    private MinutesReader(string file, string source, List<Diagnostic> diagnostics)
    {
        _file = file;
        _source = source;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads minutes; every problem goes to <paramref name="diagnostics"/>.</summary>
    /// <param name="root">The YAML tree, or null when the text held no document.</param>
    /// <param name="source">The YAML text (used to place errors inside text values).</param>
    /// <param name="file">The file name for diagnostics.</param>
    /// <param name="diagnostics">Receives the problems.</param>
    /// <param name="truncated">True when the tree is incomplete because of a syntax error or a limit.</param>
    public static MinutesDocument? Read(SourceNode? root, string source, string file, List<Diagnostic> diagnostics, bool truncated)
    {
        var reader = new MinutesReader(file, source, diagnostics);
        return reader.ReadDocument(root, truncated);
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^[0-9]{2}:[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex HourMinute();

    private MinutesDocument? ReadDocument(SourceNode? root, bool truncated)
    {
        if (root is null || root is SourceScalar { Kind: ScalarKind.Null, IsComplete: true })
        {
            if (!truncated)
            {
                Error(DiagnosticCodes.EmptyDocument, "the document is empty; minutes need at least 'meeting' and 'agenda'", new SourceLocation(_file, 1, 1));
            }

            return null;
        }

        if (root is not SourceMapping top)
        {
            if (root.IsComplete)
            {
                Error(DiagnosticCodes.WrongType, $"the document must be a mapping with keys such as 'meeting' and 'agenda', not {root.Describe()}", root.Location);
            }

            return null;
        }

        CheckKeys(top, TopKeys, null);

        var version = 1;
        if (Value(top, "minutes") is { } versionNode && ReadInt(versionNode, "minutes") is { } v)
        {
            if (!SupportedVersions.Contains(v))
            {
                Error(DiagnosticCodes.UnsupportedVersion, $"unsupported minutes version {v.ToString(CultureInfo.InvariantCulture)}; supported: {string.Join(", ", SupportedVersions)}", versionNode.Location);
            }

            version = v;
        }

        var language = "en";
        if (Value(top, "language") is { } languageNode && ReadString(languageNode, "language") is { } tag)
        {
            if (Localization.LanguageTag.IsWellFormed(tag))
            {
                language = tag;
            }
            else
            {
                var hint = tag.Contains('_', StringComparison.Ordinal) ? $"; write '{tag.Replace('_', '-')}' with a hyphen" : "; for example 'en', 'nl' or 'en-GB'";
                Error(DiagnosticCodes.InvalidLanguage, $"'{tag}' is not a well-formed BCP 47 language tag{hint}", languageNode.Location);
            }
        }

        var document = Value(top, "document") is { } documentNode ? ReadDocumentInfo(documentNode) : new DocumentInfo();
        var meeting = Require(top, "meeting", "the document") is { } meetingNode ? ReadMeeting(meetingNode) : null;

        var organisationsNode = Value(top, "organisations");
        var organisations = organisationsNode is null ? [] : ReadOrganisations(organisationsNode);
        if (organisationsNode is SourceMapping)
        {
            // Every reference ('org', 'by', 'owner') is read after this, so each is checked as it is read.
            _declared = new string[organisations.Count];
            for (var i = 0; i < _declared.Length; i++)
            {
                _declared[i] = organisations[i].Abbreviation;
            }

            _declaredSet = new HashSet<string>(_declared, StringComparer.Ordinal);
        }

        var attendees = Value(top, "attendees") is { } attendeesNode ? ReadAttendees(attendeesNode) : new Attendees();
        var withheld = WithheldAttendees(attendees);
        _collectTexts = withheld.Count > 0;
        var agenda = Require(top, "agenda", "the document") is { } agendaNode ? ReadAgenda(agendaNode) : [];
        var nextMeeting = Value(top, "next_meeting") is { } nextNode ? ReadNextMeeting(nextNode) : null;
        var labels = Value(top, "labels") is { } labelsNode ? ReadLabels(labelsNode) : new Dictionary<string, string>();

        _diagnostics.AddRange(_organisationWarnings);
        CheckUnmarkedWithheldNames(withheld);

        return new MinutesDocument
        {
            Version = version,
            Language = language,
            Document = document,
            Meeting = meeting ?? new Meeting { Body = InlineText.Empty, Date = default },
            Organisations = organisations,
            Attendees = attendees,
            Agenda = agenda,
            NextMeeting = nextMeeting,
            Labels = labels,
        };
    }

    private DocumentInfo ReadDocumentInfo(SourceNode node)
    {
        if (AsMapping(node, "document") is not { } map)
        {
            return new DocumentInfo();
        }

        CheckKeys(map, DocumentKeys, "document");
        return new DocumentInfo
        {
            Type = ReadEnum(map, "type", DocumentTypes) ?? DocumentType.Minutes,
            Title = ReadText(map, "title"),
            Reference = ReadPlainText(map, "reference", "document.reference"),
            Status = ReadEnum(map, "status", Statuses) ?? DocumentStatus.Draft,
            ApprovedOn = ReadDate(map, "approved_on"),
            Classification = ReadPlainText(map, "classification", "document.classification"),
        };
    }

    private Meeting? ReadMeeting(SourceNode node)
    {
        if (AsMapping(node, "meeting") is not { } map)
        {
            return null;
        }

        CheckKeys(map, MeetingKeys, "meeting");
        var body = Require(map, "body", "'meeting'") is { } bodyNode ? ReadText(bodyNode, "body", "'body' is empty; give the name of the body that met") : null;
        var date = Require(map, "date", "'meeting'") is { } dateNode ? ReadDate(dateNode, "date") : null;
        return new Meeting
        {
            Body = body ?? InlineText.Empty,
            Abbreviation = ReadPlainText(map, "abbreviation", "meeting.abbreviation"),
            Number = Value(map, "number") is { } numberNode ? ReadNumberText(numberNode, "number") : null,
            Date = date ?? default,
            Start = ReadTime(map, "start"),
            End = ReadTime(map, "end"),
            Location = ReadText(map, "location"),
            Mode = ReadEnum(map, "mode", Modes),
        };
    }

    private List<Organisation> ReadOrganisations(SourceNode node)
    {
        var result = new List<Organisation>();
        if (AsMapping(node, "organisations") is not { } map)
        {
            return result;
        }

        foreach (var (key, value) in map.Entries)
        {
            if (ReadText(value, key.Value, $"the full name of '{key.Value}' is empty; write it out, or leave the organisation out") is { } name)
            {
                result.Add(new Organisation { Abbreviation = key.Value, Name = name });
            }
        }

        return result;
    }

    private Attendees ReadAttendees(SourceNode node)
    {
        if (AsMapping(node, "attendees") is not { } map)
        {
            return new Attendees();
        }

        CheckKeys(map, AttendeesKeys, "attendees");
        return new Attendees
        {
            Present = ReadPersons(map, "present"),
            Absent = ReadPersons(map, "absent"),
            Guests = ReadPersons(map, "guests"),
        };
    }

    private List<Person> ReadPersons(SourceMapping parent, string key)
    {
        var result = new List<Person>();
        if (Value(parent, key) is not { } node || AsSequence(node, key) is not { } list)
        {
            return result;
        }

        foreach (var item in list.Items)
        {
            if (ReadPerson(item) is { } person)
            {
                result.Add(person);
            }
        }

        return result;
    }

    private Person? ReadPerson(SourceNode node)
    {
        if (node is SourceScalar scalar)
        {
            return ReadText(scalar, "person", "this person is empty; write a name, or leave the entry out") is { } text ? new Person { Text = text } : null;
        }

        if (node is not SourceMapping map)
        {
            WrongType(node, "a person", "text or a mapping with 'name', 'org', …");
            return null;
        }

        CheckKeys(map, PersonKeys, "person");
        if (!map.TryGet("name", out _, out _) && !map.TryGet("org", out _, out _) && map.IsComplete)
        {
            Error(DiagnosticCodes.MissingKey, "this person has neither 'name' nor 'org'; give at least one of them, or write the person as text", map.Location);
        }

        var org = ReadName(map, "org");
        if (org is not null && map.TryGet("org", out _, out var orgNode))
        {
            CheckOrganisationReference(org, orgNode.Location, "org", alwaysAbbreviation: true);
        }

        return new Person
        {
            Name = ReadName(map, "name"),
            Honorific = ReadName(map, "honorific"),
            Organisation = org,
            Role = ReadEnum(map, "role", Roles) ?? PersonRole.Member,
            OnBehalfOf = ReadText(map, "on_behalf_of"),
            Excused = ReadBool(map, "excused"),
            Redact = ReadGround(map, "redact"),
            Note = ReadText(map, "note"),
        };
    }

    private List<AgendaItem> ReadAgenda(SourceNode node)
    {
        if (AsSequence(node, "agenda") is not { } list)
        {
            return [];
        }

        var result = new List<AgendaItem>(list.Items.Count);

        var next = 1;
        foreach (var itemNode in list.Items)
        {
            if (itemNode is not SourceMapping map)
            {
                WrongType(itemNode, "an agenda item", "a mapping with at least 'title'");
                continue;
            }

            CheckKeys(map, ItemKeys, "agenda item");
            var title = Require(map, "title", "this agenda item") is { } titleNode ? ReadText(titleNode, "title", "'title' is empty; every agenda item needs a title for its heading") : null;

            string? number;
            if (Value(map, "number") is not { } numberNode)
            {
                number = next.ToString(CultureInfo.InvariantCulture);
                next++;
            }
            else if (numberNode is SourceScalar { Kind: ScalarKind.Null })
            {
                number = null;
            }
            else
            {
                number = ReadNumberText(numberNode, "number");
                if (number is not null && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var explicitNumber) && explicitNumber < int.MaxValue)
                {
                    next = explicitNumber + 1;
                }
            }

            result.Add(new AgendaItem
            {
                Title = title ?? InlineText.Empty,
                Number = number,
                Presenter = ReadText(map, "presenter"),
                Documents = ReadTextList(map, "documents"),
                Points = Value(map, "points") is { } pointsNode ? ReadPoints(pointsNode) : ValueList<Point>.Empty,
            });
        }

        return result;
    }

    /// <summary>Reads a list of points into the model's list directly: one array the size of the YAML list, cut only when a point is dropped.</summary>
    private ValueList<Point> ReadPoints(SourceNode node)
    {
        if (AsSequence(node, "points") is not { } list)
        {
            return ValueList<Point>.Empty;
        }

        var points = new Point[list.Items.Count];
        var count = 0;
        foreach (var item in list.Items)
        {
            if (ReadPoint(item) is { } point)
            {
                points[count++] = point;
            }
        }

        return count == 0 ? ValueList<Point>.Empty : new ValueList<Point>(count == points.Length ? points : points[..count]);
    }

    private Point? ReadPoint(SourceNode node)
    {
        if (node is SourceScalar scalar)
        {
            if (scalar.Kind == ScalarKind.Null)
            {
                // A stand-in for what could not be read (an alias) was reported where it was read.
                if (scalar.IsComplete)
                {
                    Error(DiagnosticCodes.WrongType, "a point must be text or a mapping, but this one is empty" + CommentHint(scalar), node.Location);
                }

                return null;
            }

            return ReadText(scalar, "point", "this point is empty; write what was said, or leave the point out") is { } text ? new StatementPoint { Text = text } : null;
        }

        if (node is not SourceMapping map)
        {
            WrongType(node, "a point", "text or a mapping");
            return null;
        }

        // The first two keys that name a form: one is the point's form, a second is an error.
        SourceScalar? form = null;
        SourceScalar? secondForm = null;
        foreach (var (key, _) in map.Entries)
        {
            if (PointFormKeys.Contains(key.Value))
            {
                if (form is null)
                {
                    form = key;
                }
                else
                {
                    secondForm = key;
                    break;
                }
            }
        }

        if (form is null)
        {
            string[] pointKeys = [.. TextPointKeys.Concat(TopicPointKeys).Concat(ActionPointKeys).Concat(AgreementPointKeys).Concat(DecisionPointKeys).Concat(TablePointKeys).Concat(ImagePointKeys).Distinct()];
            if (map is { IsComplete: true, Entries: [(var key, SourceScalar { Kind: not ScalarKind.Null })] } && !pointKeys.Contains(key.Value))
            {
                // "Afspraak: …" or "VNG: geeft aan …": a text YAML read as a key and its value.
                if (Suggestions.KeyForWord(key.Value, PointFormKeys) is { } meant)
                {
                    Error(DiagnosticCodes.PointForm, $"'{key.Value}' stands for '{meant}': write the point as '{meant}: …'{(meant == "action" ? " with 'owner: …'" : null)}", key.Location);
                    return null;
                }

                if (Suggestions.ForKey(key.Value, pointKeys) is null)
                {
                    Error(
                        DiagnosticCodes.PointForm,
                        $"YAML reads '{key.Value}: …' as the key '{key.Value}' with a value, because of the colon and the space after it; to say who spoke, write 'text: …' with 'by: {key.Value}', otherwise put the whole point in quotes",
                        key.Location);
                    return null;
                }
            }

            CheckKeys(map, pointKeys, "point");

            // "did you mean 'text'?" on one of its keys already says which form the point was meant to have.
            if (map.IsComplete && !HasKeySuggested(map, PointFormKeys.Contains))
            {
                Error(DiagnosticCodes.PointForm, $"this point has none of the point forms; {PointFormsHelp}", map.Location);
            }

            return null;
        }

        if (secondForm is not null)
        {
            Error(DiagnosticCodes.PointForm, $"this point has both '{form.Value}' and '{secondForm.Value}'; {PointFormsHelp}", secondForm.Location);
            return null;
        }

        switch (form.Value)
        {
            case "text":
                CheckPointKeys(map, "text", TextPointKeys);
                var by = ReadText(map, "by");
                if (by is { HasRedactions: false } && map.TryGet("by", out _, out var byNode))
                {
                    CheckOrganisationReference(by.ToString(), byNode.Location, "by", alwaysAbbreviation: false);
                }

                return new StatementPoint
                {
                    Text = ReadText(map, "text", "'text' is empty; write what was said") ?? InlineText.Empty,
                    By = by,
                    Points = Value(map, "points") is { } subPoints ? ReadPoints(subPoints) : ValueList<Point>.Empty,
                };
            case "topic":
                CheckPointKeys(map, "topic", TopicPointKeys);
                return new TopicPoint
                {
                    Title = ReadText(map, "topic", "'topic' is empty; a topic needs a heading") ?? InlineText.Empty,
                    Points = Value(map, "points") is { } topicPoints ? ReadPoints(topicPoints) : ValueList<Point>.Empty,
                };
            case "agreement":
                CheckPointKeys(map, "agreement", AgreementPointKeys);
                return new AgreementPoint { Text = ReadText(map, "agreement", "'agreement' is empty; write what was agreed") ?? InlineText.Empty, Vote = Value(map, "vote") is { } agreementVote ? ReadVote(agreementVote) : null };
            case "decision":
                CheckPointKeys(map, "decision", DecisionPointKeys);
                return new DecisionPoint { Text = ReadText(map, "decision", "'decision' is empty; write what was decided") ?? InlineText.Empty, Vote = Value(map, "vote") is { } decisionVote ? ReadVote(decisionVote) : null };
            case "table":
                CheckPointKeys(map, "table", TablePointKeys);
                return ReadTable(map);
            case "image":
                CheckPointKeys(map, "image", ImagePointKeys);
                return ReadImage(map);
            default:
                CheckPointKeys(map, "action", ActionPointKeys);
                var owner = Require(map, "owner", "this action") is { } ownerNode ? ReadText(ownerNode, "owner", "'owner' is empty; name who will do it") : null;
                if (owner is { HasRedactions: false } && map.TryGet("owner", out _, out var ownerValue))
                {
                    CheckOrganisationReference(owner.ToString(), ownerValue.Location, "owner", alwaysAbbreviation: false);
                }

                return new ActionPoint { Text = ReadText(map, "action", "'action' is empty; write what is to be done") ?? InlineText.Empty, Owner = owner ?? InlineText.Empty, Due = ReadDate(map, "due") };
        }
    }

    private static string PointFormsHelp =>
        "a point is plain text, or a mapping with exactly one of 'text' (with optional 'by' and 'points'), "
        + "'topic' (with 'points'), 'agreement' or 'decision' (with optional 'vote'), 'action' (with 'owner' and optional 'due'), "
        + "'table' (with 'caption', 'header' and 'rows'), or 'image' (with 'alt' and optional 'caption' and 'width')";

    private void CheckPointKeys(SourceMapping map, string form, string[] allowed)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (allowed.Contains(key.Value))
            {
                continue;
            }

            if (TextPointKeys.Concat(TopicPointKeys).Concat(ActionPointKeys).Concat(DecisionPointKeys).Concat(ImagePointKeys).Contains(key.Value))
            {
                Error(DiagnosticCodes.UnknownKey, $"key '{key.Value}' does not belong to a '{form}' point; its keys are {Quote(allowed)}", key.Location);
            }
            else
            {
                UnknownKey(key, allowed, "point");
            }
        }
    }

    private NextMeeting? ReadNextMeeting(SourceNode node)
    {
        if (AsMapping(node, "next_meeting") is not { } map)
        {
            return null;
        }

        CheckKeys(map, NextMeetingKeys, "next_meeting");
        return new NextMeeting
        {
            Date = ReadDate(map, "date"),
            Start = ReadTime(map, "start"),
            Location = ReadText(map, "location"),
        };
    }

    private Dictionary<string, string> ReadLabels(SourceNode node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (AsMapping(node, "labels") is not { } map)
        {
            return result;
        }

        foreach (var (key, value) in map.Entries)
        {
            if (AsScalar(value, key.Value, "text") is { } scalar)
            {
                result[key.Value] = scalar.Value;

                // A label is printed as it stands in both versions: a withheld name in it is said where it stands.
                if (_collectTexts)
                {
                    _plainTexts.Add((scalar, "labels." + key.Value));
                }
            }
        }

        return result;
    }

    private List<InlineText> ReadTextList(SourceMapping parent, string key)
    {
        var result = new List<InlineText>();
        if (Value(parent, key) is not { } node || AsSequence(node, key) is not { } list)
        {
            return result;
        }

        var entry = "an entry of '" + key + "'";
        var whenEmpty = $"an entry of '{key}' is empty; write it, or leave the entry out";
        foreach (var item in list.Items)
        {
            if (ReadText(item, entry, whenEmpty) is { } text)
            {
                result.Add(text);
            }
        }

        return result;
    }

    /// <summary>
    /// Checks a reference to an organisation against the declared ones, when 'organisations' is given; a warning is kept
    /// to be reported after everything else is read.
    /// </summary>
    private void CheckOrganisationReference(string reference, SourceLocation location, string key, bool alwaysAbbreviation)
    {
        if (_declared is null || _declaredSet is null)
        {
            return;
        }

        var value = reference.Trim();
        if (_declaredSet.Contains(value))
        {
            return;
        }

        // 'by' and 'owner' may also name a person in free text ("the chair", "Jan Jansen"); only a
        // single token without spaces is taken to be meant as an abbreviation.
        if (!alwaysAbbreviation && HasWhiteSpace(value))
        {
            return;
        }

        var suggestion = Suggestions.Closest(value, _declared);
        var hint = suggestion is null ? "; add it under 'organisations'" : $"; did you mean '{suggestion}'?";
        _organisationWarnings.Add(new Diagnostic(
            DiagnosticSeverity.Warning,
            DiagnosticCodes.UndeclaredOrganisation,
            $"'{key}: {value}' names no organisation declared under 'organisations'{hint}",
            location));
    }

    private static bool HasWhiteSpace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    // ----- values -----

    private static SourceNode? Value(SourceMapping map, string key) => map.TryGet(key, out _, out var value) ? value : null;

    private SourceNode? Require(SourceMapping map, string key, string owner)
    {
        if (map.TryGet(key, out _, out var value))
        {
            return value;
        }

        // A key reported as unknown with this one as its suggestion ("did you mean 'body'?") already says what is missing.
        if (map.IsComplete && !HasKeySuggested(map, suggested => suggested == key))
        {
            Error(DiagnosticCodes.MissingKey, $"{owner} lacks the required key '{key}'", map.Location);
        }

        return null;
    }

    /// <summary>Whether one of the mapping's keys was reported as unknown with a suggestion that <paramref name="meant"/> accepts.</summary>
    private bool HasKeySuggested(SourceMapping map, Func<string, bool> meant) =>
        map.Entries.Exists(entry => _suggested.TryGetValue(entry.Key, out var suggested) && meant(suggested));

    private SourceMapping? AsMapping(SourceNode node, string key)
    {
        if (node is SourceMapping map)
        {
            return map;
        }

        WrongType(node, $"'{key}'", "a mapping");
        return null;
    }

    private SourceSequence? AsSequence(SourceNode node, string key)
    {
        if (node is SourceSequence list)
        {
            return list;
        }

        WrongType(node, $"'{key}'", "a list");
        return null;
    }

    private void WrongType(SourceNode node, string what, string expected)
    {
        if (!node.IsComplete)
        {
            return;
        }

        var found = node is SourceScalar { Kind: ScalarKind.Null } ? "has no value" : "is " + node.Describe();
        Error(DiagnosticCodes.WrongType, $"{what} must be {expected}, but {found}{(expected.Contains("text", StringComparison.Ordinal) ? QuoteHint(node) : null)}", node.Location);
    }

    /// <summary>
    /// What to add to "must be text" when YAML read the text as something else because of how it starts: a link or a
    /// withheld name at the start (<c>[…]</c>) is a YAML list, <c>{…}</c> a mapping, and a <c>#</c> after a space
    /// starts a comment.
    /// </summary>
    private string QuoteHint(SourceNode node) => node switch
    {
        SourceSequence when At(node.Offset) == '[' =>
            "; YAML reads a value that starts with '[' as a list: put the whole text in quotes (\"[[Jan Jansen|5.1.2e]] opent …\")",
        SourceMapping when At(node.Offset) == '{' => "; YAML reads a value that starts with '{' as a mapping: put the whole text in quotes",
        SourceScalar { Kind: ScalarKind.Null } scalar => CommentHint(scalar),
        _ => string.Empty,
    };

    /// <summary>For a value that is empty because a <c>#</c> started a comment where the text was meant to start.</summary>
    private string CommentHint(SourceScalar empty)
    {
        var rest = _source.AsSpan(Math.Min(empty.Offset, _source.Length)).TrimStart(' ');
        return rest.Length > 0 && rest[0] == '#' ? "; YAML reads a '#' after a space as the start of a comment: put the whole text in quotes" : string.Empty;
    }

    private char At(int offset) => offset >= 0 && offset < _source.Length ? _source[offset] : '\0';

    private SourceScalar? AsScalar(SourceNode node, string key, string expected)
    {
        if (node is SourceScalar { Kind: not ScalarKind.Null } scalar)
        {
            return scalar;
        }

        WrongType(node, $"'{key}'", expected);
        return null;
    }

    private string? ReadString(SourceMapping map, string key) => Value(map, key) is { } node ? ReadString(node, key) : null;

    private string? ReadString(SourceNode node, string key) => AsScalar(node, key, "text")?.Value;

    /// <summary>Reads a person's name, honorific or organisation: text printed as it stands, which must say something.</summary>
    private string? ReadName(SourceMapping map, string key)
    {
        if (Value(map, key) is not { } node || AsScalar(node, key, "text") is not { } scalar)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(DiagnosticCodes.EmptyText, EmptyKey(key), scalar.Location);
        }

        return scalar.Value;
    }

    private static string EmptyKey(string key) => $"'{key}' is empty; write it, or leave the key out";

    /// <summary>Reads free text that is printed as it stands (no inline markup), kept to be checked for withheld names.</summary>
    private string? ReadPlainText(SourceMapping map, string key, string path)
    {
        if (Value(map, key) is not { } node || AsScalar(node, key, "text") is not { } scalar)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(DiagnosticCodes.EmptyText, EmptyKey(key), scalar.Location);
        }

        if (_collectTexts)
        {
            _plainTexts.Add((scalar, path));
        }

        return scalar.Value;
    }

    private InlineText? ReadText(SourceMapping map, string key, string? whenEmpty = null) => Value(map, key) is { } node ? ReadText(node, key, whenEmpty) : null;

    /// <summary>Reads a text value that must say something: a value with no visible text is an error (MT1017) saying what to do.</summary>
    /// <param name="node">The value.</param>
    /// <param name="key">The key, or what the value is, for messages.</param>
    /// <param name="whenEmpty">The message when the value is empty; by default, to write it or leave the key out.</param>
    private InlineText? ReadText(SourceNode node, string key, string? whenEmpty = null)
    {
        var text = ReadTextMayBeEmpty(node, key);
        if (text is not null && string.IsNullOrWhiteSpace(text.ToString()))
        {
            Error(DiagnosticCodes.EmptyText, whenEmpty ?? EmptyKey(key), node.Location);
        }

        return text;
    }

    /// <summary>Reads a text value through the inline Markdown, placing markup errors inside the value where possible; it may be empty.</summary>
    private InlineText? ReadTextMayBeEmpty(SourceNode node, string key)
    {
        if (AsScalar(node, key, "text") is not { } scalar)
        {
            return null;
        }

        var value = scalar.IsBlock ? scalar.Value.TrimEnd('\n') : scalar.Value;
        var errors = _markupErrors;
        var grounds = _markupGrounds;
        errors.Clear();
        grounds.Clear();
        var text = InlineMarkdown.Parse(value, errors, grounds);
        foreach (var (offset, message) in errors)
        {
            Error(DiagnosticCodes.InvalidInlineMarkup, message, LocateInScalar(scalar, offset));
        }

        foreach (var (offset, ground) in grounds)
        {
            if (WooGrounds.Find(ground) is null)
            {
                Error(DiagnosticCodes.UnknownGround, WooGrounds.UnknownMessage(ground), LocateInScalar(scalar, offset));
            }
        }

        if (_collectTexts)
        {
            _texts.Add(scalar);
        }

        return text;
    }

    /// <summary>Reads a Woo ground (<c>redact: 5.1.2e</c>), checked against the Act's list.</summary>
    private string? ReadGround(SourceMapping map, string key)
    {
        if (Value(map, key) is not { } node || AsScalar(node, key, "a ground of the Woo such as 5.1.2e") is not { } scalar)
        {
            return null;
        }

        var ground = scalar.Value.Trim();
        if (WooGrounds.Find(ground) is null)
        {
            Error(DiagnosticCodes.UnknownGround, WooGrounds.UnknownMessage(ground), scalar.Location);
        }

        return ground;
    }

    /// <summary>
    /// Warns at each place where the full name of an attendee marked <c>redact:</c> is written without markup: the
    /// publication version withholds it there too, and the author should see where.
    /// </summary>
    private void CheckUnmarkedWithheldNames(List<(string Name, string Ground)> withheld)
    {
        if (withheld.Count == 0)
        {
            return;
        }

        // A field without inline text cannot withhold a part of itself: the publication version would be refused by the
        // last check, so say so where the name stands.
        foreach (var (scalar, path) in _plainTexts)
        {
            foreach (var (name, ground) in withheld)
            {
                foreach (var (start, length) in WithheldNames.Find(scalar.Value, name))
                {
                    _diagnostics.Add(new Diagnostic(
                        DiagnosticSeverity.Warning,
                        DiagnosticCodes.UnmarkedWithheldName,
                        $"'{scalar.Value.Substring(start, length)}' is the name of an attendee withheld under {ground}, in {path}, which is printed as it stands and cannot withhold it: the publication version will not be written until the name is taken out of this field",
                        LocateInScalar(scalar, start)));
                }
            }
        }

        foreach (var scalar in _texts)
        {
            var value = scalar.Value;
            var spans = value.Contains("[[", StringComparison.Ordinal)
                ? RedactionSpan().Matches(value).Select(m => (m.Index, End: m.Index + m.Length)).ToList()
                : [];
            foreach (var (name, ground) in withheld)
            {
                foreach (var (start, length) in WithheldNames.Find(value, name))
                {
                    if (spans.Any(s => start >= s.Index && start < s.End))
                    {
                        continue;
                    }

                    _diagnostics.Add(new Diagnostic(
                        DiagnosticSeverity.Warning,
                        DiagnosticCodes.UnmarkedWithheldName,
                        $"'{value.Substring(start, length)}' is the name of an attendee withheld under {ground}; the publication version withholds it here too. Write [[{name}|{ground}]] to confirm",
                        LocateInScalar(scalar, start)));
                }
            }
        }
    }

    /// <summary>The names of the attendees marked <c>redact:</c>, each once, with the ground.</summary>
    private static List<(string Name, string Ground)> WithheldAttendees(Attendees attendees) =>
        attendees.Present.Concat(attendees.Absent).Concat(attendees.Guests)
            .Where(p => p.Redact is not null && !string.IsNullOrWhiteSpace(p.Name))
            .Select(p => (Name: p.Name!.Trim(), Ground: p.Redact!))
            .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    [GeneratedRegex(@"\[\[.*?\]\]", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex RedactionSpan();

    /// <summary>
    /// Finds the line and column of a character of a scalar's value. Exact for single-line plain
    /// and quoted scalars without escapes and for literal block scalars; otherwise the scalar's start.
    /// </summary>
    private SourceLocation LocateInScalar(SourceScalar scalar, int offset)
    {
        var value = scalar.Value;
        switch (scalar.Style)
        {
            case ScalarStyle.Folded or ScalarStyle.Plain when value.Length > 0 && FindInFoldedLines(scalar, offset) is { } folded:
                return folded;
            case ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted when !value.Contains('\n', StringComparison.Ordinal):
                var start = scalar.Offset + (scalar.Style == ScalarStyle.Plain ? 0 : 1);
                if (start + value.Length <= _source.Length && string.CompareOrdinal(_source, start, value, 0, value.Length) == 0)
                {
                    return scalar.Location with { Column = scalar.Location.Column + (start - scalar.Offset) + offset };
                }

                break;
            case ScalarStyle.Literal:
                var lineInValue = value.AsSpan(0, offset).Count('\n');
                var lineStart = value.LastIndexOf('\n', Math.Max(offset - 1, 0)) is var nl && nl >= 0 && nl < offset ? nl + 1 : 0;
                var lineEnd = value.IndexOf('\n', lineStart);
                var valueLine = value[lineStart..(lineEnd < 0 ? value.Length : lineEnd)];
                var sourceLines = _source.Split('\n');
                var sourceLineIndex = scalar.Location.Line + lineInValue; // 0-based index of the line after the header, plus the lines before
                if (sourceLineIndex < sourceLines.Length)
                {
                    var sourceLine = sourceLines[sourceLineIndex].TrimEnd('\r');
                    var indent = sourceLine.Length - valueLine.Length;
                    if (indent >= 0 && sourceLine.AsSpan(indent).SequenceEqual(valueLine))
                    {
                        return new SourceLocation(_file, sourceLineIndex + 1, indent + (offset - lineStart) + 1);
                    }
                }

                break;
        }

        return scalar.Location;
    }

    /// <summary>
    /// The place of a character of a folded (<c>&gt;</c>) or multi-line plain scalar, whose value joins its source
    /// lines with single spaces: each source line, stripped of its indentation, is looked for at its place in the
    /// value. Null when the lines do not add up to the value (blank or more-indented lines).
    /// </summary>
    private SourceLocation? FindInFoldedLines(SourceScalar scalar, int offset)
    {
        var value = scalar.Value;
        var lines = _source.Split('\n');
        var lineIndex = scalar.Location.Line - 1;
        var column = scalar.Location.Column - 1;
        if (scalar.Style == ScalarStyle.Folded)
        {
            // The value starts on the line after the header (">-").
            lineIndex++;
            column = -1;
        }

        var position = 0;
        for (; lineIndex < lines.Length && position < value.Length; lineIndex++)
        {
            var line = lines[lineIndex].TrimEnd('\r');
            var start = column >= 0 ? column : line.Length - line.TrimStart(' ').Length;
            column = -1;
            var content = start <= line.Length ? line[start..].TrimEnd() : string.Empty;
            var length = Math.Min(content.Length, value.Length - position);
            if (length == 0 || string.CompareOrdinal(value, position, content, 0, length) != 0)
            {
                return null;
            }

            if (offset < position + length)
            {
                return new SourceLocation(_file, lineIndex + 1, start + (offset - position) + 1);
            }

            position += length + 1;
        }

        return null;
    }

    private int? ReadInt(SourceNode node, string key)
    {
        if (AsScalar(node, key, "a whole number") is not { } scalar)
        {
            return null;
        }

        if (scalar.Kind == ScalarKind.Int && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        WrongType(scalar, $"'{key}'", "a whole number");
        return null;
    }

    /// <summary>A number that may be written as an integer or as text (<c>4a</c>).</summary>
    private string? ReadNumberText(SourceNode node, string key)
    {
        if (AsScalar(node, key, "a number or text such as '4a'") is not { } scalar)
        {
            return null;
        }

        if (scalar.Kind == ScalarKind.Bool)
        {
            WrongType(scalar, $"'{key}'", "a number or text such as '4a'");
            return null;
        }

        var text = scalar.Value.Trim();
        if (scalar.Kind == ScalarKind.Int && text.StartsWith('-'))
        {
            Error(DiagnosticCodes.InvalidValue, $"'{key}' must not be negative", scalar.Location);
            return null;
        }

        if (text.Length == 0)
        {
            Error(DiagnosticCodes.InvalidValue, $"'{key}' is empty; leave it out or give a number", scalar.Location);
            return null;
        }

        return text;
    }

    private bool? ReadBool(SourceMapping map, string key)
    {
        if (Value(map, key) is not { } node || AsScalar(node, key, "true or false") is not { } scalar)
        {
            return null;
        }

        if (scalar.Kind == ScalarKind.Bool)
        {
            return scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        WrongType(scalar, $"'{key}'", "true or false");
        return null;
    }

    private DateOnly? ReadDate(SourceMapping map, string key) => Value(map, key) is { } node ? ReadDate(node, key) : null;

    private DateOnly? ReadDate(SourceNode node, string key)
    {
        if (AsScalar(node, key, "a date (YYYY-MM-DD)") is not { } scalar)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        if (!IsoDate().IsMatch(text))
        {
            var meant = IsoFor(text) is { } iso ? $"; did you mean {iso}?" : ", for example 2023-04-21";
            Error(DiagnosticCodes.InvalidDate, $"'{key}: {text}' is not an ISO date; write YYYY-MM-DD{meant}", scalar.Location);
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error(DiagnosticCodes.InvalidDate, $"'{key}: {text}' is not a date that exists", scalar.Location);
            return null;
        }

        return date;
    }

    /// <summary>
    /// The ISO form of a date written another way: year, month and day (<c>2023/04/21</c>, <c>2023-4-21</c>); day,
    /// month and year (<c>21-04-2023</c>, <c>21/4/2023</c>, <c>21.04.2023</c>; when day and month could be swapped,
    /// both readings); or with the month's name in Dutch or English (<c>21 april 2023</c>, <c>April 21, 2023</c>).
    /// Null when it reads as no date.
    /// </summary>
    private static string? IsoFor(string text)
    {
        static int Number(Group group) => int.Parse(group.ValueSpan, CultureInfo.InvariantCulture);
        static string? Iso(int year, int month, int day) =>
            year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                ? new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;

        if (YearMonthDay().Match(text) is { Success: true } ymd)
        {
            return Iso(Number(ymd.Groups[1]), Number(ymd.Groups[2]), Number(ymd.Groups[3]));
        }

        if (DayMonthYear().Match(text) is { Success: true } dmy)
        {
            var (first, second, year) = (Number(dmy.Groups[1]), Number(dmy.Groups[2]), Number(dmy.Groups[3]));
            var dayFirst = Iso(year, second, first);
            var monthFirst = Iso(year, first, second);
            return dayFirst is not null && monthFirst is not null && dayFirst != monthFirst ? $"{dayFirst} or {monthFirst}" : dayFirst ?? monthFirst;
        }

        foreach (var culture in (ReadOnlySpan<string>)["nl-NL", "en-GB"])
        {
            if (DateOnly.TryParseExact(text, ["d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMMM d yyyy"], CultureInfo.GetCultureInfo(culture), DateTimeStyles.AllowWhiteSpaces, out var named))
            {
                return named.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDay();

    /// <summary>A time written another way: <c>9:30</c>, <c>10.00</c>, <c>10h00</c>, <c>10.00 uur</c>.</summary>
    [GeneratedRegex(@"^([0-9]{1,2})[:.h]([0-9]{2})(?: ?(?:uur|u|h))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OtherTime();

    private TimeOnly? ReadTime(SourceMapping map, string key)
    {
        if (Value(map, key) is not { } node || AsScalar(node, key, "a time (HH:MM)") is not { } scalar)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        if (!HourMinute().IsMatch(text))
        {
            var meant = OtherTime().Match(text) is { Success: true } other
                && TimeOnly.TryParseExact($"{other.Groups[1].Value.PadLeft(2, '0')}:{other.Groups[2].Value}", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var read)
                    ? $"; did you mean {read.ToString("HH:mm", CultureInfo.InvariantCulture)}?"
                    : ", for example 09:30";
            Error(DiagnosticCodes.InvalidTime, $"'{key}: {text}' is not a time in the form HH:MM{meant}", scalar.Location);
            return null;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Error(DiagnosticCodes.InvalidTime, $"'{key}: {text}' is not a time that exists; hours run 00–23 and minutes 00–59", scalar.Location);
            return null;
        }

        return time;
    }

    private T? ReadEnum<T>(SourceMapping map, string key, (string Name, T Value)[] allowed)
        where T : struct, Enum
    {
        if (Value(map, key) is not { } node)
        {
            return null;
        }

        if (node is not SourceScalar { Kind: not ScalarKind.Null } scalar)
        {
            // As AsScalar, with the list of values written only when it is needed.
            WrongType(node, $"'{key}'", "one of " + Quote(allowed.Select(a => a.Name)));
            return null;
        }

        foreach (var (name, value) in allowed)
        {
            if (scalar.Value == name)
            {
                return value;
            }
        }

        var names = allowed.Select(a => a.Name).ToArray();
        var suggestion = Suggestions.Closest(scalar.Value, names);
        var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
        Error(DiagnosticCodes.InvalidValue, $"'{scalar.Value}' is not allowed for '{key}'; allowed: {string.Join(", ", names)}{hint}", scalar.Location);
        return null;
    }

    // ----- keys -----

    private void CheckKeys(SourceMapping map, string[] allowed, string? context)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (!allowed.Contains(key.Value))
            {
                UnknownKey(key, allowed, context);
            }
        }
    }

    private void UnknownKey(SourceScalar key, IReadOnlyCollection<string> allowed, string? context)
    {
        var where = context is null ? string.Empty : $" in {context}";
        var suggestion = Suggestions.ForKey(key.Value, allowed);
        if (suggestion is not null)
        {
            _suggested[key] = suggestion;
        }

        var message = suggestion is null
            ? $"unknown key '{key.Value}'{where}; allowed keys are {Quote(allowed)}"
            : $"unknown key '{key.Value}'{where}; did you mean '{suggestion}'?";
        Error(DiagnosticCodes.UnknownKey, message, key.Location);
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));

    private void Error(string code, string message, SourceLocation location) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, location));

}
