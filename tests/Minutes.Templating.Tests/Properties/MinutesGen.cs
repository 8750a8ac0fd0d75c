using System.Globalization;
using CsCheck;

namespace Minutes.Templating.Tests.Properties;

/// <summary>
/// CsCheck generators of valid minutes: every key of the contract, with awkward but valid text (unicode, XML's special
/// characters, Scriban-looking and Markdown-looking text, control characters XML cannot hold, long strings), many
/// items and points, nested points, and optional fields left out or given as empty lists.
/// </summary>
internal static class MinutesGen
{
    /// <summary>The Woo grounds a withheld text may cite.</summary>
    public static readonly string[] Grounds =
        ["5.1.1a", "5.1.1b", "5.1.1c", "5.1.1d", "5.1.1e", "5.1.2a", "5.1.2b", "5.1.2c", "5.1.2d", "5.1.2e", "5.1.2f", "5.1.2g", "5.1.2h", "5.1.2i", "5.1.5", "5.2"];

    /// <summary>
    /// Starts every withheld text, and appears in no other text: a withheld text must not occur in the template's own
    /// words (the last check refuses such a package) nor, by chance, in the text that is published.
    /// </summary>
    public const char WithheldMark = 'ǂ';

    private static readonly string[] LetterWords =
    [
        "alpha", "Bravo", "charlie", "Delta", "echo", "IJsselmeer", "naïve", "Zoë", "Ĳssel", "Straße", "Ærøskøbing", "façade",
        "日本語", "中文", "Ελληνικά", "кириллица", "עברית", "العربية", "हिन्दी", "한국어", "Ω", "x", "Q",
    ];

    private static readonly string[] AwkwardWords =
    [
        // XML's special characters and things that look like markup
        "&", "<", ">", "\"", "'", "&amp;", "&lt;b&gt;", "<w:t>", "</w:p>", "]]>", "<!--", "<?xml?>", "a&b", "\"quoted\"", "it's",
        // Scriban-looking text
        "{{ x }}", "{{", "}}", "{%", "%}", "{{ end }}", "{{ for a in b }}", "{{ meeting.body }}", "{{-", "{{ 1/0 }}",
        // Markdown-looking text, written escaped
        "*", "**", "***", "*not*", "**not**", "[", "]", "[x](https://example.org)", "[[x|5.1.2e]]", "^[n]", "^", "\\", "\\*", "_under_", "`code`", "|",
        // YAML-looking text
        "#", "# not a comment", ": ", "- ", "!tag", "&anchor", "*alias", "%", "@", "?", "---", "...", "~", "null", "true", "0x1F", "1e3", "{a: b}",
        // other unicode: emoji, joiners, combining marks, bidirectional marks, unusual spaces
        "😀", "👩‍👩‍👧", "🇳🇱", "e\u0301", "\u200B", "\u200D", "\u200E", "\u202Eevil\u202C", "\u00A0", "\u2003", "\u00AD", "\uFFFD", "\U0001D11E",
        // characters XML cannot hold (dropped from the document), and line breaks YAML knows besides the line feed
        "\u0001", "\u0008", "\u000B", "\u001F", "\uFFFE", "\u0085", "\u2028",
        // tabs and line feeds inside a word
        "tab\there", "line\nbreak",
    ];

    private static readonly Gen<string> LetterWord = Gen.OneOf(LetterWords);

    private static readonly Gen<string> Word = Gen.Frequency<string>(
        (30, LetterWord),
        (20, Gen.OneOf(AwkwardWords)),
        (5, Gen.String[Gen.Char['\u00A0', '\uD7FF'], 1, 12]),
        (1, Gen.Int[100, 1000].Select(n => new string('w', n))));

    private static readonly Gen<string> Separator = Gen.Frequency((12, " "), (1, "\n"), (1, "\t"), (1, "  "));

    /// <summary>Words with separators, starting and ending with a letter word (so no text starts or ends with white space).</summary>
    public static readonly Gen<string> Words = Gen.Select(
        LetterWord,
        Gen.Select(Separator, Word, (s, w) => s + w).Array[0, 6],
        LetterWord,
        (first, middle, last) => first + string.Concat(middle) + " " + last);

    /// <summary>Words fit for markup that the generator controls: letters and XML's special characters only.</summary>
    private static readonly Gen<string> SafeWords = Gen.Select(
        LetterWord,
        Gen.Select(Gen.OneOf(" ", " & ", " <", "> ", " \"", "' "), LetterWord, (s, w) => s + w).Array[0, 3],
        (first, rest) => first + string.Concat(rest));

    private static readonly Gen<string> Url = Gen.OneOf(
        "https://example.org/",
        "https://example.org/path?a=1&b=<2>",
        "http://example.com/%7B%7B%20x%20%7D%7D",
        "mailto:secretariaat@example.org",
        "https://例え.jp/パス");

    /// <summary>A withheld text: the mark, a unique-looking token, and awkward words.</summary>
    public static readonly Gen<string> WithheldText = Gen.Select(
        Gen.String[Gen.Char["BCDFGHJKLMNPQRSTVWXZ0123456789"], 4, 6],
        Gen.Select(Gen.OneOf(" ", " & ", " <", "> ", " \"", "' "), LetterWord, (s, w) => s + w).Array[0, 2],
        (token, rest) => WithheldMark + token + string.Concat(rest));

    private static readonly Gen<Segment> LiteralSegment = Words.Select(w => (Segment)new Literal(w));

    private static readonly Gen<Segment> NoteContent = Gen.Frequency<Segment>(
        (5, LiteralSegment),
        (1, SafeWords.Select(w => (Segment)new Strong(w))),
        (1, SafeWords.Select(w => (Segment)new Emphasis(w))),
        (1, Gen.Select(Words, Url, (w, u) => (Segment)new Link(w, u))),
        (1, Gen.Select(WithheldText, Gen.OneOf(Grounds), (t, g) => (Segment)new Withheld(t, g))));

    private static readonly Gen<Segment> Segments = Gen.Frequency<Segment>(
        (8, NoteContent),
        (1, Gen.Select(LiteralSegment, NoteContent.Array[0, 2], (first, rest) => (Segment)new Footnote([first, .. rest]))));

    private static readonly Gen<Quoting> Quotings = Gen.Frequency(
        (4, Properties.Quoting.Double),
        (2, Properties.Quoting.Single),
        (2, Properties.Quoting.Literal),
        (2, Properties.Quoting.Plain));

    /// <summary>Inline text: always a literal first, then any pieces of markup.</summary>
    public static readonly Gen<Text> Texts = Gen.Select(LiteralSegment, Segments.Array[0, 4], Quotings, (first, rest, quoting) => new Text([first, .. rest], quoting));

    /// <summary>An optional text field: left out or text (an empty one is an error: leave it out).</summary>
    private static readonly Gen<Text?> OptionalText = Texts.Null(0.35);

    public static readonly Gen<Plain> Plains = Gen.Select(Words, Quotings, (w, q) => new Plain(w, q));

    private static readonly Gen<Plain?> OptionalPlain = Plains.Null(0.35);

    private static readonly Gen<DateOnly> Date = Gen.Select(Gen.Int[1900, 2100], Gen.Int[1, 12], Gen.Int[1, 31], (y, m, d) => new DateOnly(y, m, Math.Min(d, DateTime.DaysInMonth(y, m))));

    private static readonly Gen<DateOnly?> OptionalDate = Date.Nullable(0.4);

    private static readonly Gen<TimeOnly?> OptionalTime = Gen.Select(Gen.Int[0, 23], Gen.Int[0, 59], (h, m) => new TimeOnly(h, m)).Nullable(0.4);

    private static readonly Gen<string?> Ground = Gen.OneOf(Grounds).Null(0.7);

    private static Gen<T?> Maybe<T>(Gen<T> gen, double nullFraction = 0.5)
        where T : class => gen.Null(nullFraction);

    private static readonly Gen<GeneratedDocument?> Document = Maybe(Gen.Select(
        Gen.OneOf("minutes", "decisions", "actions").Null(0.5),
        Maybe(Texts, 0.4),
        OptionalPlain,
        Gen.OneOf("draft", "approved").Null(0.5),
        OptionalDate,
        OptionalPlain,
        (type, title, reference, status, approvedOn, classification) => new GeneratedDocument(type, title, reference, status, approvedOn, classification)), 0.2);

    private static readonly Gen<GeneratedMeeting> Meeting = Gen.Select(
        Texts,
        OptionalPlain,
        OptionalPlain,
        Date,
        OptionalTime,
        OptionalTime,
        OptionalText,
        Gen.OneOf("in_person", "online", "hybrid").Null(0.5),
        (body, abbreviation, number, date, start, end, location, mode) => new GeneratedMeeting(body, abbreviation, number, date, start, end, location, mode));

    /// <summary>An organisation's abbreviation: awkward, made unique by its position.</summary>
    private static Gen<(string, Text)[]?> Organisations => Gen.Select(Gen.OneOf("ORG", "VNG", "Ö&<", "{{ o }}", "J\"V", "org with spaces", "日本"), Texts, (a, t) => (a, t))
        .Array[0, 5]
        .Select(orgs => orgs.Select((o, i) => (o.a + i.ToString(CultureInfo.InvariantCulture), o.t)).ToArray())
        .Null(0.3);

    private static Gen<GeneratedPerson> Person(string[] organisations) => Gen.Frequency<GeneratedPerson>(
        (1, Texts.Select(t => new GeneratedPerson(t, null, null, null, null, null, null, null, null, false))),
        (4, Gen.Select(
            Maybe(Plains, 0.2),
            Gen.OneOf("Dhr.", "Mevr.", "Dr", "Ms", "Prof. dr. ir.", "<Sir & Madam>").Select(h => new Plain(h, Properties.Quoting.Double)).Null(0.6),
            organisations.Length == 0 ? Gen.Const((string?)null) : Gen.OneOf(organisations).Null(0.4),
            Gen.OneOf("chair", "secretary", "minute_taker", "member", "guest", "support").Null(0.6),
            Maybe(Texts, 0.8),
            Gen.Bool.Nullable(0.6),
            Ground,
            OptionalText,
            Gen.Select(Gen.Bool, Gen.Bool, WithheldText, (flow, withheldName, token) => (flow, withheldName, token)),
            (name, honorific, org, role, onBehalfOf, excused, redact, note, flags) =>
            {
                // Needs a name or an organisation; a withheld attendee's name is a withheld text, found in no other text.
                if (name is null && org is null)
                {
                    name = new Plain("Jan Jansen", Properties.Quoting.Plain);
                }

                if (redact is not null && (flags.withheldName || name is not null))
                {
                    name = new Plain(flags.token + " " + (name?.Value ?? "Jansen"), name?.Quoting ?? Properties.Quoting.Double);
                }


                return new GeneratedPerson(null, name, honorific, org, role, onBehalfOf, excused, redact, note, flags.flow);
            })));

    private static Gen<Text> Speaker(string[] organisations) => organisations.Length == 0
        ? Texts
        : Gen.Frequency<Text>((1, Texts), (1, Gen.OneOf(organisations).Select(o => new Text([new Literal(o)], Properties.Quoting.Double))));

    private static Gen<GeneratedVote> Vote => Gen.Select(
        Gen.Int[0, 40].Nullable(0.3),
        Texts.Array[0, 3].Null(0.6),
        Gen.Int[0, 40].Nullable(0.4),
        Texts.Array[0, 3].Null(0.7),
        Gen.Int[0, 10].Nullable(0.6),
        Texts.Array[0, 2].Null(0.8),
        Gen.OneOf("carried", "rejected", "unanimous").Null(0.6),
        Gen.Bool,
        (forCount, forNames, against, againstNames, abstain, abstainNames, result, inBy) =>
        {
            // A vote needs something to count or a result; unanimous means nobody against.
            if (forCount is null && forNames is null && against is null && againstNames is null)
            {
                forCount = 1;
            }

            var againstVotes = against ?? (againstNames?.Length ?? 0);
            if (result == "unanimous" && againstVotes > 0)
            {
                result = "carried";
            }

            return new GeneratedVote(forCount, forNames, inBy && forCount is not null, against, againstNames, inBy && against is not null, abstain, abstainNames, result);
        });

    private static Gen<Cell> Cells => Gen.Frequency<Cell>(
        (3, Texts.Select(t => new Cell(t, null))),
        (1, Gen.Int[-1000, 100000].Select(n => new Cell(null, n.ToString(CultureInfo.InvariantCulture)))),
        (1, Gen.Int[0, 9999].Select(n => new Cell(null, (n / 100.0).ToString("0.00", CultureInfo.InvariantCulture)))));

    private static Gen<GeneratedPoint> Table => Gen.Int[1, 4].SelectMany(width => Gen.Select(
        OptionalText,
        Cells.Array[width].Null(0.4),
        Cells.Array[width].Array[0, 4],
        (caption, header, rows) => (GeneratedPoint)new TablePoint(caption, header, rows)));

    private static Gen<GeneratedPoint> Image => Gen.Select(
        Texts,
        OptionalText,
        Gen.OneOf("12cm", "120mm", "4.7in", "0.5cm", "100cm").Null(0.5),
        (alt, caption, width) => (GeneratedPoint)new ImagePoint(alt, caption, width));

    private static Gen<GeneratedPoint> Leaf(string[] organisations) => Gen.Frequency<GeneratedPoint>(
        (6, Gen.Select(Texts, Gen.Bool, (t, s) => (GeneratedPoint)new StatementPoint(t, s, null, null))),
        (2, Gen.Select(Texts, Speaker(organisations), (t, by) => (GeneratedPoint)new StatementPoint(t, false, by, null))),
        (2, Gen.Select(Texts, Vote.Null(0.6), (t, v) => (GeneratedPoint)new AgreementPoint(t, v))),
        (2, Gen.Select(Texts, Vote.Null(0.5), (t, v) => (GeneratedPoint)new DecisionPoint(t, v))),
        (2, Gen.Select(Texts, Speaker(organisations), OptionalDate, (t, o, d) => (GeneratedPoint)new ActionPoint(t, o, d))),
        (1, Table),
        (1, Image));

    private static Gen<GeneratedPoint> Point(string[] organisations, int depth) => depth == 0
        ? Leaf(organisations)
        : Gen.Frequency<GeneratedPoint>(
            (8, Leaf(organisations)),
            (1, Gen.Select(Texts, Speaker(organisations).Null(0.5), Point(organisations, depth - 1).Array[0, 3], (t, by, points) => (GeneratedPoint)new StatementPoint(t, false, by, points))),
            (1, Gen.Select(Texts, Point(organisations, depth - 1).Array[0, 3], (t, points) => (GeneratedPoint)new TopicPoint(t, points))));

    private static Gen<GeneratedItem> Item(string[] organisations) => Gen.Select(
        Texts,
        Gen.Frequency<(Plain?, bool)>(
            (6, Gen.Const<(Plain?, bool)>((null, false))),
            (1, Gen.Const<(Plain?, bool)>((null, true))),
            (2, Gen.OneOf("7", "4a", "0", "12.3", "B-2", "<x>&").Select(n => ((Plain?)new Plain(n, Properties.Quoting.Double), false)))),
        OptionalText,
        Texts.Array[0, 3].Null(0.6),
        Gen.Frequency<GeneratedPoint[]>((12, Point(organisations, 3).Array[0, 6]), (1, Point(organisations, 0).Array[10, 30])).Null(0.1),
        (title, number, presenter, documents, points) => new GeneratedItem(title, number.Item1, number.Item2, presenter, documents, points));

    /// <summary>Valid minutes: every key of the contract can appear, each optional one left out, empty or set.</summary>
    public static readonly Gen<GeneratedMinutes> Minutes = Organisations.SelectMany(organisations =>
    {
        var codes = organisations?.Select(o => o.Item1).ToArray() ?? [];
        return Gen.Select(
            Gen.OneOf("en", "nl", "en-GB", "nl-BE", "de", "fr-CA").Null(0.2),
            Document,
            Meeting,
            Person(codes).Array[0, 5].Null(0.3),
            Person(codes).Array[0, 3].Null(0.5),
            Person(codes).Array[0, 3].Null(0.5),
            Gen.Frequency<GeneratedItem[]>((19, Item(codes).Array[1, 5]), (1, Item(codes).Array[15, 30])),
            Gen.Select(Date, OptionalTime, OptionalText, (d, s, l) => new GeneratedNextMeeting(d, s, l)).Null(0.4),
            Plains.Null(0.7),
            Gen.OneOf(2, 3, 4),
            (language, document, meeting, present, absent, guests, agenda, next, label, indent) =>
                new GeneratedMinutes(language, document, meeting, organisations, present, absent, guests, agenda, next, label, indent));
    });
}
