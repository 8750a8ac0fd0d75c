using System.Globalization;
using System.Text;

namespace Minutes.Templating.Tests.Properties;

/// <summary>How a scalar is written in the YAML (a style that cannot hold the value falls back to double quotes).</summary>
internal enum Quoting
{
    Double,
    Single,
    Literal,
    Plain,
}

/// <summary>A piece of inline text as the generator means it, written in the minutes' inline Markdown.</summary>
internal abstract record Segment;

/// <summary>Characters meant literally: every Markdown character in them is escaped.</summary>
internal sealed record Literal(string Value) : Segment;

/// <summary><c>**Value**</c>.</summary>
internal sealed record Strong(string Value) : Segment;

/// <summary><c>*Value*</c>.</summary>
internal sealed record Emphasis(string Value) : Segment;

/// <summary><c>[Value](Url)</c>.</summary>
internal sealed record Link(string Value, string Url) : Segment;

/// <summary><c>[[Value|Ground]]</c>: withheld in the publication version.</summary>
internal sealed record Withheld(string Value, string Ground) : Segment;

/// <summary><c>^[…]</c>: a footnote (which holds no footnote).</summary>
internal sealed record Footnote(Segment[] Content) : Segment;

/// <summary>An inline-text field: segments joined by spaces.</summary>
internal sealed record Text(Segment[] Segments, Quoting Quoting)
{
    public string Markdown => string.Join(' ', Segments.Select(Write));

    private static string Write(Segment segment) => segment switch
    {
        Literal l => Escape(l.Value),
        Strong s => "**" + Escape(s.Value) + "**",
        Emphasis e => "*" + Escape(e.Value) + "*",
        Link l => "[" + Escape(l.Value) + "](" + l.Url + ")",
        Withheld w => "[[" + w.Value + "|" + w.Ground + "]]",
        Footnote f => "^[" + string.Join(' ', f.Content.Select(Write)) + "]",
        _ => throw new InvalidOperationException(segment.ToString()),
    };

    /// <summary>Escapes the characters the inline Markdown reads as markup.</summary>
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or '*' or '[' or ']' or '^')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

/// <summary>A field printed as it stands (no inline Markdown): names, honorifics, the reference, labels.</summary>
internal sealed record Plain(string Value, Quoting Quoting);

internal sealed record GeneratedDocument(string? Type, Text? Title, Plain? Reference, string? Status, DateOnly? ApprovedOn, Plain? Classification);

internal sealed record GeneratedMeeting(Text Body, Plain? Abbreviation, Plain? Number, DateOnly Date, TimeOnly? Start, TimeOnly? End, Text? Location, string? Mode);

/// <summary>An attendee: a plain entry (<see cref="Entry"/>) or a mapping that has a name or an organisation.</summary>
internal sealed record GeneratedPerson(
    Text? Entry,
    Plain? Name,
    Plain? Honorific,
    string? Org,
    string? Role,
    Text? OnBehalfOf,
    bool? Excused,
    string? Redact,
    Text? Note,
    bool Flow);

internal sealed record GeneratedVote(int? For, Text[]? ForNames, bool ForNamesInBy, int? Against, Text[]? AgainstNames, bool AgainstNamesInBy, int? Abstain, Text[]? AbstainNames, string? Result);

internal abstract record GeneratedPoint;

/// <summary>A statement: a plain string when it has no <see cref="By"/> and no sub-points and <see cref="AsString"/>.</summary>
internal sealed record StatementPoint(Text Text, bool AsString, Text? By, GeneratedPoint[]? Points) : GeneratedPoint;

internal sealed record TopicPoint(Text Topic, GeneratedPoint[] Points) : GeneratedPoint;

internal sealed record AgreementPoint(Text Text, GeneratedVote? Vote) : GeneratedPoint;

internal sealed record DecisionPoint(Text Text, GeneratedVote? Vote) : GeneratedPoint;

internal sealed record ActionPoint(Text Text, Text Owner, DateOnly? Due) : GeneratedPoint;

/// <summary>A table cell: text, or a number (<see cref="Number"/>) written as a YAML number.</summary>
internal sealed record Cell(Text? Text, string? Number);

internal sealed record TablePoint(Text? Caption, Cell[]? Header, Cell[][] Rows) : GeneratedPoint;

internal sealed record ImagePoint(Text Alt, Text? Caption, string? Width) : GeneratedPoint;

/// <summary>An agenda item; <see cref="Unnumbered"/> writes <c>number: ~</c>.</summary>
internal sealed record GeneratedItem(Text Title, Plain? Number, bool Unnumbered, Text? Presenter, Text[]? Documents, GeneratedPoint[]? Points);

internal sealed record GeneratedNextMeeting(DateOnly? Date, TimeOnly? Start, Text? Location);

/// <summary>Valid minutes as the generator means them, written as YAML by <see cref="ToYaml"/>.</summary>
internal sealed record GeneratedMinutes(
    string? Language,
    GeneratedDocument? Document,
    GeneratedMeeting Meeting,
    (string Key, Text Name)[]? Organisations,
    GeneratedPerson[]? Present,
    GeneratedPerson[]? Absent,
    GeneratedPerson[]? Guests,
    GeneratedItem[] Agenda,
    GeneratedNextMeeting? NextMeeting,
    Plain? PresentLabel,
    int Indent)
{
    /// <summary>The picture every image point shows, beside the file name the minutes are parsed under.</summary>
    public const string ImageFile = "kitchen-sink.png";

    public string ToYaml() => new YamlWriter(this).Write();

    public override string ToString() => ToYaml();

    /// <summary>Writes the YAML; every method takes the column its lines start at.</summary>
    private sealed class YamlWriter(GeneratedMinutes minutes)
    {
        private readonly StringBuilder _yaml = new();
        private readonly int _unit = minutes.Indent;

        public string Write()
        {
            _yaml.Append("# generated minutes\n");
            _yaml.Append("minutes: 1\n");
            if (minutes.Language is { } language)
            {
                Line(0, "language: " + language);
            }

            var inner = _unit;
            // A document with none of its fields would be written as a bare 'document:', which the contract refuses.
            if (minutes.Document is { } document
                && (document.Type is not null || document.Title is not null || document.Reference is not null
                    || document.Status is not null || document.ApprovedOn is not null || document.Classification is not null))
            {
                Line(0, "document:");
                Field(inner, "type", document.Type);
                Field(inner, "title", document.Title);
                Field(inner, "reference", document.Reference);
                Field(inner, "status", document.Status);
                Field(inner, "approved_on", Date(document.ApprovedOn));
                Field(inner, "classification", document.Classification);
            }

            var meeting = minutes.Meeting;
            Line(0, "meeting:");
            Field(inner, "body", meeting.Body);
            Field(inner, "abbreviation", meeting.Abbreviation);
            Field(inner, "number", meeting.Number);
            Field(inner, "date", Date(meeting.Date));
            Field(inner, "start", Time(meeting.Start));
            Field(inner, "end", Time(meeting.End));
            Field(inner, "location", meeting.Location);
            Field(inner, "mode", meeting.Mode);

            if (minutes.Organisations is { } organisations)
            {
                Line(0, organisations.Length == 0 ? "organisations: {}" : "organisations:");
                foreach (var (key, name) in organisations)
                {
                    Field(inner, Double(key), name);
                }
            }

            if (minutes.Present is not null || minutes.Absent is not null || minutes.Guests is not null)
            {
                Line(0, "attendees:");
                Persons(inner, "present", minutes.Present);
                Persons(inner, "absent", minutes.Absent);
                Persons(inner, "guests", minutes.Guests);
            }

            Line(0, "agenda:");
            foreach (var item in minutes.Agenda)
            {
                Item(inner, item);
            }

            if (minutes.NextMeeting is { } next)
            {
                Line(0, "next_meeting:");
                Field(inner, "date", Date(next.Date));
                Field(inner, "start", Time(next.Start));
                Field(inner, "location", next.Location);
            }

            if (minutes.PresentLabel is { } label)
            {
                Line(0, "labels:");
                Field(inner, "present", label);
            }

            return _yaml.ToString();
        }

        private void Persons(int column, string key, GeneratedPerson[]? persons)
        {
            if (persons is null)
            {
                return;
            }

            if (persons.Length == 0)
            {
                Line(column, key + ": []");
                return;
            }

            Line(column, key + ":");
            var entry = column + _unit;
            foreach (var person in persons)
            {
                if (person.Entry is { } text)
                {
                    Entry(entry, text);
                    continue;
                }

                var fields = new List<(string Key, string? Raw, string? Value, Quoting Quoting)>
                {
                    ("name", null, person.Name?.Value, person.Name?.Quoting ?? default),
                    ("honorific", null, person.Honorific?.Value, person.Honorific?.Quoting ?? default),
                    ("org", person.Org is null ? null : Double(person.Org), null, default),
                    ("role", person.Role, null, default),
                    ("on_behalf_of", null, person.OnBehalfOf?.Markdown, person.OnBehalfOf?.Quoting ?? default),
                    ("excused", person.Excused is { } e ? (e ? "true" : "false") : null, null, default),
                    ("redact", person.Redact, null, default),
                    ("note", null, person.Note?.Markdown, person.Note?.Quoting ?? default),
                };
                fields.RemoveAll(f => f.Raw is null && f.Value is null);
                if (person.Flow)
                {
                    Line(entry, "- { " + string.Join(", ", fields.Select(f => f.Key + ": " + (f.Raw ?? Double(f.Value!)))) + " }");
                    continue;
                }

                for (var i = 0; i < fields.Count; i++)
                {
                    var (name, raw, value, quoting) = fields[i];
                    var (column2, prefix) = i == 0 ? (entry, "- ") : (entry + 2, string.Empty);
                    if (raw is not null)
                    {
                        Line(column2, prefix + name + ": " + raw);
                    }
                    else
                    {
                        Scalar(column2, prefix + name + ":", value!, quoting, entry + 2 + _unit);
                    }
                }
            }
        }

        private void Item(int column, GeneratedItem item)
        {
            var keys = column + 2;
            Scalar(column, "- title:", item.Title.Markdown, item.Title.Quoting, keys + _unit);
            if (item.Unnumbered)
            {
                Line(keys, "number: ~");
            }
            else
            {
                Field(keys, "number", item.Number);
            }

            Field(keys, "presenter", item.Presenter);
            if (item.Documents is { } documents)
            {
                Line(keys, documents.Length == 0 ? "documents: []" : "documents:");
                foreach (var document in documents)
                {
                    Entry(keys + _unit, document);
                }
            }

            Points(keys, item.Points);
        }

        private void Points(int column, GeneratedPoint[]? points)
        {
            if (points is null)
            {
                return;
            }

            Line(column, points.Length == 0 ? "points: []" : "points:");
            foreach (var point in points)
            {
                Point(column + _unit, point);
            }
        }

        private void Point(int column, GeneratedPoint point)
        {
            var keys = column + 2;
            var content = keys + _unit;
            switch (point)
            {
                case StatementPoint { AsString: true, By: null, Points: null } s:
                    Entry(column, s.Text);
                    break;
                case StatementPoint s:
                    Scalar(column, "- text:", s.Text.Markdown, s.Text.Quoting, content);
                    Field(keys, "by", s.By);
                    Points(keys, s.Points);
                    break;
                case TopicPoint t:
                    Scalar(column, "- topic:", t.Topic.Markdown, t.Topic.Quoting, content);
                    Points(keys, t.Points);
                    break;
                case AgreementPoint a:
                    Scalar(column, "- agreement:", a.Text.Markdown, a.Text.Quoting, content);
                    Vote(keys, a.Vote);
                    break;
                case DecisionPoint d:
                    Scalar(column, "- decision:", d.Text.Markdown, d.Text.Quoting, content);
                    Vote(keys, d.Vote);
                    break;
                case ActionPoint a:
                    Scalar(column, "- action:", a.Text.Markdown, a.Text.Quoting, content);
                    Field(keys, "owner", a.Owner);
                    Field(keys, "due", Date(a.Due));
                    break;
                case TablePoint t:
                    Line(column, "- table:");
                    Field(keys + _unit, "caption", t.Caption);
                    if (t.Header is { } header)
                    {
                        Line(keys + _unit, "header: " + Row(header));
                    }

                    Line(keys + _unit, t.Rows.Length == 0 ? "rows: []" : "rows:");
                    foreach (var row in t.Rows)
                    {
                        Line(keys + _unit + _unit, "- " + Row(row));
                    }

                    break;
                case ImagePoint i:
                    Line(column, "- image: " + ImageFile);
                    Field(keys, "alt", i.Alt);
                    Field(keys, "caption", i.Caption);
                    Field(keys, "width", i.Width);
                    break;
            }
        }

        private static string Row(Cell[] cells) =>
            "[" + string.Join(", ", cells.Select(c => c.Number ?? Double(c.Text!.Markdown))) + "]";

        private void Vote(int column, GeneratedVote? vote)
        {
            if (vote is null)
            {
                return;
            }

            Line(column, "vote:");
            var keys = column + _unit;
            Side("for", vote.For, vote.ForNames, vote.ForNamesInBy);
            Side("against", vote.Against, vote.AgainstNames, vote.AgainstNamesInBy);
            Side("abstain", vote.Abstain, vote.AbstainNames, inBy: vote.Abstain is not null);
            Field(keys, "result", vote.Result);

            void Side(string key, int? count, Text[]? names, bool inBy)
            {
                if (count is { } n)
                {
                    Line(keys, key + ": " + n.ToString(CultureInfo.InvariantCulture));
                }

                if (names is not null)
                {
                    var name = count is null && !inBy ? key : key + "_by";
                    Line(keys, name + ": [" + string.Join(", ", names.Select(t => Double(t.Markdown))) + "]");
                }
            }
        }

        private void Entry(int column, Text text) => Scalar(column, "-", text.Markdown, text.Quoting, column + _unit);

        private void Field(int column, string key, string? value)
        {
            if (value is not null)
            {
                Line(column, key + ": " + value);
            }
        }

        private void Field(int column, string key, Text? text)
        {
            if (text is not null)
            {
                Scalar(column, key + ":", text.Markdown, text.Quoting, column + _unit);
            }
        }

        private void Field(int column, string key, Plain? plain)
        {
            if (plain is not null)
            {
                Scalar(column, key + ":", plain.Value, plain.Quoting, column + _unit);
            }
        }

        /// <summary>
        /// Writes <c>prefix value</c> in the quoting asked for when it can hold the value, else double-quoted; a literal
        /// block's lines start at <paramref name="blockColumn"/>.
        /// </summary>
        private void Scalar(int column, string prefix, string value, Quoting quoting, int blockColumn)
        {
            if (quoting == Quoting.Literal && value.Length > 0 && value.All(IsPrintable) && !char.IsWhiteSpace(value[0]) && !value.EndsWith('\n'))
            {
                Line(column, prefix + " |-");
                foreach (var line in value.Split('\n'))
                {
                    Line(blockColumn, line);
                }

                return;
            }

            var written = quoting switch
            {
                Quoting.Single when value.All(c => IsPrintable(c) && c is not '\n' and not '\t') => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
                Quoting.Plain when IsPlainSafe(value) => value,
                _ => Double(value),
            };
            Line(column, prefix + " " + written);
        }

        private void Line(int column, string text) => _yaml.Append(' ', text.Length == 0 ? 0 : column).Append(text).Append('\n');

        private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string? Time(TimeOnly? time) => time is { } t ? "\"" + t.ToString("HH:mm", CultureInfo.InvariantCulture) + "\"" : null;
    }

    /// <summary>Characters YAML allows unescaped in a scalar (line feeds and tabs among them, other line breaks not).</summary>
    private static bool IsPrintable(char c) =>
        c is '\n' or '\t' or (>= ' ' and <= '~') or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD') || char.IsSurrogate(c)
            ? c is not ('\u2028' or '\u2029' or '\uFEFF')
            : false;

    private static bool IsPlainSafe(string value) =>
        value.Length > 0 && char.IsAsciiLetter(value[0]) && char.IsAsciiLetterOrDigit(value[^1])
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or ',');

    /// <summary>A double-quoted YAML scalar: every character that is not plainly printable escaped.</summary>
    public static string Double(string value)
    {
        var builder = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
