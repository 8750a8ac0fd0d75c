using System.Globalization;
using System.Text;
using Minutes.Templating.Localization;
using Minutes.Templating.Model;
using Scriban.Runtime;

namespace Minutes.Templating.TemplateModel;

/// <summary>
/// Turns a <see cref="MinutesDocument"/> into what templates see: the contract's keys in
/// <c>snake_case</c>, plus the derived collections (all decisions, agreements and actions with the
/// item they came from, each person's display form, the organisations referred to, the labels).
/// Only script objects (and <see cref="ModelObject"/>s, which templates see as script objects), lists, strings, numbers, dates and
/// <see cref="InlineText"/> values reach a template.
/// </summary>
internal sealed partial class TemplateModelBuilder
{
    private readonly MinutesDocument _minutes;
    private readonly IReadOnlyDictionary<string, string> _labels;
    private readonly CultureInfo _culture;
    private readonly ScriptArray _agreements = [];
    private readonly ScriptArray _decisions = [];
    private readonly ScriptArray _actions = [];
    private readonly ScriptArray _outcomes = [];
    private readonly RedactionView _redaction;
    private readonly Dictionary<string, InlineText> _organisationNames;

    private TemplateModelBuilder(MinutesDocument minutes, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? templateLabels, RedactionView redaction)
    {
        _minutes = minutes;
        _redaction = redaction;
        _labels = Labels.For(minutes.Language, minutes.Labels, templateLabels);
        _culture = Labels.CultureFor(minutes.Language);
        _organisationNames = new Dictionary<string, InlineText>(minutes.Organisations.Count, StringComparer.Ordinal);
        foreach (var organisation in minutes.Organisations)
        {
            _organisationNames.TryAdd(organisation.Abbreviation, organisation.Name);
        }
    }

    /// <summary>Builds the template model of <paramref name="minutes"/> (for a publication, minutes already prepared by <see cref="Redaction.Publication"/>).</summary>
    /// <param name="minutes">The minutes.</param>
    /// <param name="templateLabels">The template's own labels, by language, or null.</param>
    /// <param name="redaction">Which version this is and the grounds used; null for an internal version that withholds nothing.</param>
    public static ScriptObject Build(MinutesDocument minutes, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? templateLabels = null, RedactionView? redaction = null) =>
        new TemplateModelBuilder(minutes, templateLabels, redaction ?? RedactionView.None).Build();

    /// <summary>The long date form of a language ("21 april 2023", "21 April 2023").</summary>
    public static string LongDate(DateTime date, CultureInfo culture) => date.ToString("d MMMM yyyy", culture);

    private ScriptObject Build()
    {
        var root = new ScriptObject();
        var labels = new ScriptObject();
        foreach (var (key, value) in _labels)
        {
            labels.SetValue(key, value, true);
        }

        var agenda = new ScriptArray(_minutes.Agenda.Count);
        foreach (var item in _minutes.Agenda)
        {
            agenda.Add(BuildItem(item));
        }

        root.SetValue("minutes_version", _minutes.Version, true);
        root.SetValue("language", _minutes.Language, true);
        root.SetValue("labels", labels, true);
        root.SetValue("document", BuildDocument(), true);
        root.SetValue("meeting", BuildMeeting(), true);
        root.SetValue("organisations", BuildOrganisations(_minutes.Organisations), true);
        root.SetValue("organisations_referred", BuildOrganisations(ReferredOrganisations()), true);
        root.SetValue("attendees", BuildAttendees(), true);
        root.SetValue("agenda", agenda, true);
        root.SetValue("agreements", _agreements, true);
        root.SetValue("decisions", _decisions, true);
        root.SetValue("actions", _actions, true);
        root.SetValue("outcomes", _outcomes, true);
        root.SetValue("next_meeting", BuildNextMeeting(), true);
        root.SetValue("redaction", BuildRedaction(), true);
        return root;
    }

    /// <summary>
    /// <c>redaction</c>: <c>is_publication</c>, and <c>grounds</c>, the Woo grounds the document uses, each with its
    /// <c>code</c>, its <c>meaning</c> in the document's language and <c>text</c>, the line of the legend.
    /// </summary>
    private ScriptObject BuildRedaction()
    {
        var grounds = new ScriptArray();
        foreach (var code in _redaction.Grounds)
        {
            var meaning = Redaction.WooGrounds.Find(code) is { } ground ? Redaction.WooGrounds.Meaning(ground, _minutes.Language) : null;
            var value = new ScriptObject();
            value.SetValue("code", code, true);
            value.SetValue("meaning", meaning, true);
            value.SetValue("text", meaning is null ? code : code + " — " + meaning, true);
            grounds.Add(value);
        }

        var redaction = new ScriptObject();
        redaction.SetValue("is_publication", _redaction.Publication, true);
        redaction.SetValue("grounds", grounds, true);
        return redaction;
    }

    private ScriptObject BuildDocument()
    {
        var info = _minutes.Document;
        var type = info.Type switch
        {
            DocumentType.Decisions => "decisions",
            DocumentType.Actions => "actions",
            _ => "minutes",
        };
        var status = info.Status == DocumentStatus.Approved ? "approved" : "draft";
        var document = new ScriptObject();
        document.SetValue("type", type, true);
        document.SetValue("title", (object?)info.Title ?? _labels["title_" + type], true);
        document.SetValue("reference", info.Reference, true);
        document.SetValue("status", status, true);
        document.SetValue("status_text", _labels["status_" + status], true);
        document.SetValue("is_draft", info.Status == DocumentStatus.Draft, true);
        document.SetValue("approved_on", ToDateTime(info.ApprovedOn), true);
        document.SetValue("approved_on_text", LongDate(info.ApprovedOn), true);
        document.SetValue("classification", info.Classification, true);
        return document;
    }

    private ScriptObject BuildMeeting()
    {
        var meeting = _minutes.Meeting;
        var value = new ScriptObject();
        value.SetValue("body", meeting.Body, true);
        value.SetValue("abbreviation", meeting.Abbreviation, true);
        value.SetValue("number", meeting.Number, true);
        value.SetValue("date", ToDateTime(meeting.Date), true);
        value.SetValue("date_text", LongDate(meeting.Date), true);
        value.SetValue("start", Time(meeting.Start), true);
        value.SetValue("end", Time(meeting.End), true);
        value.SetValue("time_text", TimeRange(meeting.Start, meeting.End), true);
        value.SetValue("location", meeting.Location, true);
        var mode = meeting.Mode switch
        {
            MeetingMode.InPerson => "in_person",
            MeetingMode.Online => "online",
            MeetingMode.Hybrid => "hybrid",
            _ => null,
        };
        value.SetValue("mode", mode, true);
        value.SetValue("mode_text", mode is null ? null : _labels["mode_" + mode], true);
        return value;
    }

    private ScriptObject? BuildNextMeeting()
    {
        if (_minutes.NextMeeting is not { } next)
        {
            return null;
        }

        var value = new ScriptObject();
        value.SetValue("date", ToDateTime(next.Date), true);
        value.SetValue("date_text", LongDate(next.Date), true);
        value.SetValue("start", Time(next.Start), true);
        value.SetValue("location", next.Location, true);
        return value;
    }

    private static ScriptArray BuildOrganisations(IEnumerable<Organisation> organisations)
    {
        var list = new ScriptArray();
        foreach (var organisation in organisations)
        {
            var value = NewObject(ModelNames.Organisation);
            value.SetValue("abbreviation", organisation.Abbreviation, true);
            value.SetValue("name", organisation.Name, true);
            list.Add(value);
        }

        return list;
    }

    private ScriptObject BuildAttendees()
    {
        var attendees = new ScriptObject();
        Add("present", _minutes.Attendees.Present, absent: false);
        Add("absent", _minutes.Attendees.Absent, absent: true);
        Add("guests", _minutes.Attendees.Guests, absent: false);
        return attendees;

        void Add(string key, IReadOnlyList<Person> persons, bool absent)
        {
            var list = new ScriptArray(persons.Count);
            var displays = new InlineText[persons.Count];
            for (var i = 0; i < persons.Count; i++)
            {
                displays[i] = Display(persons[i], absent);
                list.Add(BuildPerson(persons[i], displays[i]));
            }

            for (var i = 0; i < displays.Length; i++)
            {
                _text.Add(i > 0 ? ", " : string.Empty).Add(displays[i]);
            }

            attendees.SetValue(key, list, true);
            attendees.SetValue(key + "_text", _text.ToText(), true);
        }
    }

    private ModelObject BuildPerson(Person person, InlineText display)
    {
        var value = NewObject(ModelNames.Person);
        value.SetValue("display", display, true);
        value.SetValue("text", person.Text, true);
        value.SetValue("name", person.Name, true);
        value.SetValue("honorific", person.Honorific, true);
        value.SetValue("org", person.Organisation, true);
        value.SetValue("org_name", OrganisationName(person.Organisation), true);
        value.SetValue("role", RoleKey(person.Role), true);
        value.SetValue("role_text", RoleText(person.Role), true);
        value.SetValue("on_behalf_of", person.OnBehalfOf, true);
        value.SetValue("excused", person.Excused, true);
        value.SetValue("redact", person.Redact, true);
        value.SetValue("note", person.Note, true);
        return value;
    }

    /// <summary>
    /// "Dhr. Van der Burg (SJenV)"; for an attendee marked <c>redact:</c> the name is a redaction span (the ground
    /// in the publication version, where the name is gone), followed by the organisation: "▮5.1.2e▮ (SZW)". The
    /// words (the name, the details in brackets, on whose behalf) are separated by a space.
    /// </summary>
    private InlineText Display(Person person, bool absent)
    {
        if (person.Text is not null)
        {
            return person.Text;
        }

        var text = _text;
        var name = string.IsNullOrEmpty(person.Honorific) ? person.Name ?? string.Empty
            : string.IsNullOrEmpty(person.Name) ? person.Honorific
            : person.Honorific + " " + person.Name;
        if (person.Redact is { } ground)
        {
            text.Add(new RedactionInline { Text = _redaction.Publication ? ground : name, Ground = ground });
        }
        else
        {
            text.Add(name);
        }

        var words = person.Redact is not null || name.Length > 0;

        // A note joins the details in the brackets ("(VNG, chair, online)"), its markup kept (a withheld name
        // stays marked); one written in brackets already loses them.
        var role = RoleText(person.Role);
        var excused = absent && person.Excused is { } isExcused ? _labels[isExcused ? "excused" : "not_excused"] : null;
        var note = person.Note is { } noteText && noteText.ToString().Trim() is { Length: > 0 } trimmed
            ? (!noteText.HasRedactions && trimmed.StartsWith('(') && trimmed.EndsWith(')') ? InlineText.Plain(trimmed[1..^1].Trim()) : noteText)
            : null;
        if (person.Organisation is not null || role is not null || excused is not null || note is not null)
        {
            text.Add(words ? " (" : "(");
            words = true;
            var separator = string.Empty;
            foreach (var detail in (ReadOnlySpan<string?>)[person.Organisation, role, excused])
            {
                if (detail is not null)
                {
                    text.Add(separator).Add(detail);
                    separator = ", ";
                }
            }

            if (note is not null)
            {
                text.Add(separator).Add(note);
            }

            text.Add(")");
        }

        if (person.OnBehalfOf is not null)
        {
            text.Add(words ? " " : string.Empty).Add(_labels["on_behalf_of"]).Add(" ").Add(person.OnBehalfOf);
        }

        return text.ToText();
    }

    /// <summary>
    /// Inline text put together piece by piece, its markup kept and plain pieces side by side made one (one run): one
    /// for the whole model, empty between texts.
    /// </summary>
    private readonly InlineBuilder _text = new();

    private sealed class InlineBuilder
    {
        private readonly List<Inline> _inlines = [];
        private readonly StringBuilder _plain = new();

        public InlineBuilder Add(string text)
        {
            _plain.Append(text);
            return this;
        }

        public InlineBuilder Add(InlineText text)
        {
            var inlines = text.Inlines;
            for (var i = 0; i < inlines.Count; i++)
            {
                Add(inlines[i]);
            }

            return this;
        }

        public InlineBuilder Add(Inline inline)
        {
            if (inline is TextInline plain)
            {
                _plain.Append(plain.Text);
            }
            else
            {
                Flush();
                _inlines.Add(inline);
            }

            return this;
        }

        /// <summary>The text put together; the builder is empty again.</summary>
        public InlineText ToText()
        {
            Flush();
            if (_inlines.Count == 0)
            {
                return InlineText.Empty;
            }

            var text = new InlineText(_inlines);
            _inlines.Clear();
            return text;
        }

        private void Flush()
        {
            if (_plain.Length > 0)
            {
                _inlines.Add(new TextInline { Text = _plain.ToString() });
                _plain.Clear();
            }
        }
    }

    private static string RoleKey(PersonRole role) => role switch
    {
        PersonRole.Chair => "chair",
        PersonRole.Secretary => "secretary",
        PersonRole.MinuteTaker => "minute_taker",
        PersonRole.Guest => "guest",
        PersonRole.Support => "support",
        _ => "member",
    };

    /// <summary>The role as printed after a name; members and guests need no word.</summary>
    private string? RoleText(PersonRole role) => role is PersonRole.Member or PersonRole.Guest ? null : _labels[RoleKey(role)];

    private ModelObject BuildItem(AgendaItem item)
    {
        var value = NewObject(ModelNames.Item);
        var outline = new ScriptArray();
        var points = BuildPoints(item, item.Points, level: 0, topicLevel: 0, outline);
        var documents = new ScriptArray(item.Documents.Count);
        foreach (var document in item.Documents)
        {
            documents.Add(document);
        }

        value.SetValue("number", item.Number, true);
        value.SetValue("title", item.Title, true);
        value.SetValue("presenter", item.Presenter, true);
        value.SetValue("documents", documents, true);
        value.SetValue("points", points, true);
        value.SetValue("outline", outline, true);
        value.SetValue("agreements", Filter(outline, "agreement"), true);
        value.SetValue("decisions", Filter(outline, "decision"), true);
        value.SetValue("actions", Filter(outline, "action"), true);
        return value;
    }

    private static ScriptArray Filter(ScriptArray outline, string kind)
    {
        var list = new ScriptArray();
        for (var i = 0; i < outline.Count; i++)
        {
            if (outline[i] is ModelObject point && point["kind"] as string == kind)
            {
                list.Add(point);
            }
        }

        return list;
    }

    private ScriptArray BuildPoints(AgendaItem item, IReadOnlyList<Point> points, int level, int topicLevel, ScriptArray outline)
    {
        var list = new ScriptArray(points.Count);
        var boxedLevel = Boxed(level);
        var boxedTopicLevel = Boxed(topicLevel);
        foreach (var point in points)
        {
            var value = NewObject(ModelNames.Point);
            value.SetValue("item_number", item.Number, true);
            value.SetValue("item_title", item.Title, true);
            value.SetValue("level", boxedLevel, true);
            value.SetValue("topic_level", boxedTopicLevel, true);
            list.Add(value);
            outline.Add(value);
            switch (point)
            {
                case StatementPoint statement:
                    Set(value, "statement", statement.Text, label: null, BuildPoints(item, statement.Points, level + 1, topicLevel, outline));
                    value.SetValue("by", statement.By, true);
                    break;
                case TopicPoint topic:
                    Set(value, "topic", topic.Title, label: null, BuildPoints(item, topic.Points, level, topicLevel + 1, outline));
                    break;
                case AgreementPoint agreement:
                    Set(value, "agreement", agreement.Text, _labels["agreement"]);
                    value.SetValue("vote", BuildVote(agreement.Vote), true);
                    AddOutcome(value, _agreements);
                    break;
                case DecisionPoint decision:
                    Set(value, "decision", decision.Text, _labels["decision"]);
                    value.SetValue("vote", BuildVote(decision.Vote), true);
                    AddOutcome(value, _decisions);
                    break;
                case ActionPoint action:
                    Set(value, "action", action.Text, _labels["action"]);
                    value.SetValue("owner", action.Owner, true);
                    value.SetValue("owner_name", action.Owner.HasRedactions ? null : OrganisationName(action.Owner.ToString()), true);
                    value.SetValue("due", ToDateTime(action.Due), true);
                    value.SetValue("due_text", LongDate(action.Due), true);
                    AddOutcome(value, _actions);
                    break;
                case TablePoint table:
                    Set(value, "table", table.Caption ?? InlineText.Empty, label: null);
                    SetTable(value, table);
                    break;
                case ImagePoint image:
                    Set(value, "image", image.Caption ?? InlineText.Empty, label: null);
                    SetImage(value, image);
                    break;
                default:
                    throw new InvalidOperationException("Unknown point " + point.GetType().Name);
            }
        }

        return list;
    }

    /// <summary>
    /// Sets the names every point has: its kind, text and label, null for each name of the other kinds, and the
    /// points under it (<paramref name="points"/>, built before this point's names are set so that each name is
    /// set once; an empty list that a template may fill for a point that has none).
    /// </summary>
    private static void Set(ModelObject value, string kind, InlineText text, string? label, ScriptArray? points = null)
    {
        value.SetValue("kind", kind, true);
        value.SetValue("text", text, true);
        value.SetValue("label", label, true);
        value.SetValue("is_outcome", label is not null ? True : False, true);
        value.SetNulls(NullPointNames);

        value.SetValue("points", points ?? new ScriptArray(), points is not null);
    }

    /// <summary>
    /// An object of the model of the kind <paramref name="kind"/> declares: its values in one array in the declared
    /// order, rather than a table of its own for each of the thousands of points, persons and items of a large model.
    /// </summary>
    private static ModelObject NewObject(ModelName kind) => new(kind.Shape);

    /// <summary>A number as the object a script object holds: the small ones (levels, the first outcomes) boxed once for every model.</summary>
    private static object Boxed(int number) => (uint)number < (uint)SmallNumbers.Length ? SmallNumbers[number] : number;

    private static readonly object[] SmallNumbers = [.. Enumerable.Range(0, 256).Select(n => (object)n)];

    private static readonly object True = true;

    private static readonly object False = false;

    private void AddOutcome(ModelObject value, ScriptArray list)
    {
        value.SetValue("number", Boxed(list.Count + 1), true);
        list.Add(value);
        _outcomes.Add(value);
    }

    /// <summary>The name of the first organisation declared with <paramref name="abbreviation"/>, or null.</summary>
    private InlineText? OrganisationName(string? abbreviation) =>
        abbreviation is not null && _organisationNames.TryGetValue(abbreviation, out var name) ? name : null;

    /// <summary>
    /// The declared organisations that the minutes refer to: named by a person, a speaker or an owner,
    /// or standing as a word in any text. In declaration order.
    /// </summary>
    /// <summary>
    /// The organisations an attendee belongs to, a statement is by or an action is owned by, or whose abbreviation
    /// stands as a word in the text. The text is scanned where it lies, word by word, looking only for the
    /// abbreviations, and the scan stops once every organisation was found.
    /// </summary>
    private IEnumerable<Organisation> ReferredOrganisations()
    {
        if (_minutes.Organisations.Count == 0)
        {
            return [];
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        var words = new AbbreviationScanner(_minutes.Organisations);
        foreach (var person in _minutes.Attendees.Present.Concat(_minutes.Attendees.Absent).Concat(_minutes.Attendees.Guests))
        {
            if (person.Organisation is not null)
            {
                named.Add(person.Organisation);
            }

            words.Scan(person.Text?.ToString());
        }

        foreach (var item in _minutes.Agenda)
        {
            words.Scan(item.Title.ToString());
            Collect(item.Points);
        }

        return _minutes.Organisations.Where(o => named.Contains(o.Abbreviation) || words.Found.Contains(o.Abbreviation));

        void Collect(IReadOnlyList<Point> points)
        {
            foreach (var point in points)
            {
                switch (point)
                {
                    case StatementPoint s:
                        words.Scan(s.Text.ToString());
                        if (s.By is { } by && !by.HasRedactions)
                        {
                            named.Add(by.ToString());
                        }

                        Collect(s.Points);
                        break;
                    case TopicPoint t:
                        words.Scan(t.Title.ToString());
                        Collect(t.Points);
                        break;
                    case AgreementPoint a:
                        words.Scan(a.Text.ToString());
                        break;
                    case DecisionPoint d:
                        words.Scan(d.Text.ToString());
                        break;
                    case TablePoint table:
                        words.Scan(table.Caption?.ToString());
                        foreach (var cell in table.Header.Concat(table.Rows.SelectMany(r => r)))
                        {
                            words.Scan(cell.Text.ToString());
                        }

                        break;
                    case ActionPoint a:
                        words.Scan(a.Text.ToString());
                        if (!a.Owner.HasRedactions)
                        {
                            named.Add(a.Owner.ToString());
                        }
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Finds which of the organisations' abbreviations stand as words in texts: a word is a run of letters, digits
    /// and the characters <c>´'’-</c> (as the pattern <c>[\p{L}\p{N}´'’\-]+</c> reads it). The abbreviations are
    /// searched for all at once, and only a word that starts where one stands is read and looked up, without a string
    /// made of it (before .NET 9, the text is read character by character, word by word).
    /// </summary>
    private sealed class AbbreviationScanner
    {
        private readonly HashSet<string> _abbreviations;
#if NET9_0_OR_GREATER
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        /// <summary>The abbreviations, searched for all at once: only a word where one of them starts is read.</summary>
        private readonly System.Buffers.SearchValues<string> _search;
#endif
        private readonly int _shortest;
        private readonly int _longest;

        public AbbreviationScanner(IReadOnlyList<Organisation> organisations)
        {
            _abbreviations = new HashSet<string>(organisations.Count, StringComparer.Ordinal);
            _shortest = int.MaxValue;
            foreach (var organisation in organisations)
            {
                _abbreviations.Add(organisation.Abbreviation);
                _shortest = Math.Min(_shortest, organisation.Abbreviation.Length);
                _longest = Math.Max(_longest, organisation.Abbreviation.Length);
            }

#if NET9_0_OR_GREATER
            _lookup = _abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
            _search = System.Buffers.SearchValues.Create([.. _abbreviations.Where(a => a.Length > 0)], StringComparison.Ordinal);
#endif
        }

        /// <summary>The abbreviations found so far.</summary>
        public HashSet<string> Found { get; } = new(StringComparer.Ordinal);

        public void Scan(string? text)
        {
            if (string.IsNullOrEmpty(text) || Found.Count == _abbreviations.Count)
            {
                return;
            }

#if NET9_0_OR_GREATER
            // A word equal to an abbreviation starts where the abbreviation stands: only the words that start where one
            // stands are read, each whole, and the text between them is searched at vector speed.
            var offset = 0;
            while (offset < text.Length)
            {
                var at = text.AsSpan(offset).IndexOfAny(_search);
                if (at < 0)
                {
                    return;
                }

                var start = offset + at;
                var end = start;
                if (start == 0 || !IsWordCharacter(text[start - 1]))
                {
                    while (end < text.Length && IsWordCharacter(text[end]))
                    {
                        end++;
                    }

                    if (_lookup.TryGetValue(text.AsSpan(start, end - start), out var abbreviation))
                    {
                        Found.Add(abbreviation);
                    }
                }

                offset = Math.Max(end, start + 1);
            }
#else
            var position = 0;
            while (position < text.Length)
            {
                if (!IsWordCharacter(text[position]))
                {
                    position++;
                    continue;
                }

                var start = position;
                while (position < text.Length && IsWordCharacter(text[position]))
                {
                    position++;
                }

                var length = position - start;
                if (length < _shortest || length > _longest)
                {
                    continue;
                }

                var candidate = text.Substring(start, length);
                if (_abbreviations.Contains(candidate))
                {
                    Found.Add(candidate);
                }
            }
#endif
        }

        /// <summary>A letter or digit of any script (<c>\p{L}</c>, <c>\p{N}</c>), or one of <c>´'’-</c>.</summary>
        private static bool IsWordCharacter(char c) =>
            char.IsAsciiLetterOrDigit(c) || c is '\'' or '-' or '´' or '’' ||
            (c > '\x7F' && char.GetUnicodeCategory(c) is <= UnicodeCategory.OtherLetter or (>= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber));
    }

    private static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    private static string? Time(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string? TimeRange(TimeOnly? start, TimeOnly? end) => (start, end) switch
    {
        (null, null) => null,
        (not null, null) => Time(start),
        (null, not null) => Time(end),
        _ => Time(start) + "–" + Time(end),
    };

    private string? LongDate(DateOnly? date) => date is { } d ? LongDate(d.ToDateTime(TimeOnly.MinValue), _culture) : null;
}
