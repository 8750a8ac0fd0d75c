using Minutes.Templating.Model;

namespace Minutes.Templating.Redaction;

/// <summary>
/// Every text of the minutes, in one place: applies a function to each <see cref="InlineText"/> of a document
/// (titles, bodies, persons, speakers, owners, presenters, documents, locations, votes, tables, pictures' text, points at any depth) and
/// returns the changed document. Marking withheld names and withholding them both go through here, so a text
/// field added to the model is added here once.
/// </summary>
/// <remarks>
/// What the function leaves as it was (the same text, the same person) is not copied: a point, item, list or
/// document whose texts all come back unchanged is returned itself, so that marking minutes that name no
/// withheld attendee, or reading every text (<see cref="ForEach"/>), makes no new document.
/// </remarks>
internal static class TextMap
{
    /// <summary>The minutes with <paramref name="map"/> applied to every text, and <paramref name="person"/> to every person after that.</summary>
    public static MinutesDocument Apply(MinutesDocument minutes, Func<InlineText, InlineText> map, Func<Person, Person>? person = null) =>
        new Mapper(map, person).Document(minutes);

    /// <summary>Calls <paramref name="visit"/> with every text of the minutes, in document order.</summary>
    public static void ForEach(MinutesDocument minutes, Action<InlineText> visit) =>
        Apply(minutes, text =>
        {
            visit(text);
            return text;
        });

    /// <summary>Every text of the minutes, in document order.</summary>
    public static IReadOnlyList<InlineText> All(MinutesDocument minutes)
    {
        var texts = new List<InlineText>();
        ForEach(minutes, texts.Add);
        return texts;
    }

    /// <summary>One pass of <see cref="Apply"/>: the functions of each part, made once.</summary>
    private sealed class Mapper
    {
        private readonly Func<InlineText, InlineText> _map;
        private readonly Func<Person, Person>? _person;
        private readonly Func<Person, Person> _mapPerson;
        private readonly Func<Point, Point> _mapPoint;
        private readonly Func<TableCell, TableCell> _mapCell;
        private readonly Func<IReadOnlyList<TableCell>, IReadOnlyList<TableCell>> _mapRow;
        private readonly Func<Organisation, Organisation> _mapOrganisation;
        private readonly Func<AgendaItem, AgendaItem> _mapItem;

        public Mapper(Func<InlineText, InlineText> map, Func<Person, Person>? person)
        {
            _map = map;
            _person = person;
            _mapPerson = Person;
            _mapPoint = Point;
            _mapCell = cell => Same(cell.Text, _map(cell.Text), out var text) ? cell : cell with { Text = text };
            _mapRow = row => List(row, _mapCell);
            _mapOrganisation = o => Same(o.Name, _map(o.Name), out var name) ? o : o with { Name = name };
            _mapItem = Item;
        }

        public MinutesDocument Document(MinutesDocument minutes)
        {
            // In document order: the function may collect what it is given.
            var same = Same(minutes.Document.Title, Text(minutes.Document.Title), out var title);
            same &= Same(minutes.Meeting.Body, _map(minutes.Meeting.Body), out var body);
            same &= Same(minutes.Meeting.Location, Text(minutes.Meeting.Location), out var location);
            same &= Same(minutes.Organisations, List(minutes.Organisations, _mapOrganisation), out var organisations);
            same &= Same(minutes.Attendees.Present, List(minutes.Attendees.Present, _mapPerson), out var present);
            same &= Same(minutes.Attendees.Absent, List(minutes.Attendees.Absent, _mapPerson), out var absent);
            same &= Same(minutes.Attendees.Guests, List(minutes.Attendees.Guests, _mapPerson), out var guests);
            same &= Same(minutes.Agenda, List(minutes.Agenda, _mapItem), out var agenda);
            var next = minutes.NextMeeting;
            if (next is not null && !Same(next.Location, Text(next.Location), out var nextLocation))
            {
                next = next with { Location = nextLocation };
                same = false;
            }

            return same ? minutes : minutes with
            {
                Document = minutes.Document with { Title = title },
                Meeting = minutes.Meeting with { Body = body, Location = location },
                Organisations = organisations,
                Attendees = new Attendees { Present = present, Absent = absent, Guests = guests },
                Agenda = agenda,
                NextMeeting = next,
            };
        }

        private AgendaItem Item(AgendaItem item)
        {
            var same = Same(item.Title, _map(item.Title), out var title);
            same &= Same(item.Presenter, Text(item.Presenter), out var presenter);
            same &= Same(item.Documents, List(item.Documents, _map), out var documents);
            same &= Same(item.Points, List(item.Points, _mapPoint), out var points);
            return same ? item : item with { Title = title, Presenter = presenter, Documents = documents, Points = points };
        }

        private Person Person(Person person)
        {
            var same = Same(person.Text, Text(person.Text), out var text);
            same &= Same(person.OnBehalfOf, Text(person.OnBehalfOf), out var onBehalfOf);
            same &= Same(person.Note, Text(person.Note), out var note);
            var mapped = same ? person : person with { Text = text, OnBehalfOf = onBehalfOf, Note = note };
            return _person is null ? mapped : _person(mapped);
        }

        private Point Point(Point point)
        {
            switch (point)
            {
                case StatementPoint s:
                {
                    var same = Same(s.Text, _map(s.Text), out var text);
                    same &= Same(s.By, Text(s.By), out var by);
                    same &= Same(s.Points, List(s.Points, _mapPoint), out var points);
                    return same ? s : s with { Text = text, By = by, Points = points };
                }

                case TopicPoint t:
                {
                    var same = Same(t.Title, _map(t.Title), out var title);
                    same &= Same(t.Points, List(t.Points, _mapPoint), out var points);
                    return same ? t : t with { Title = title, Points = points };
                }

                case AgreementPoint a:
                {
                    var same = Same(a.Text, _map(a.Text), out var text);
                    same &= Same(a.Vote, Vote(a.Vote), out var vote);
                    return same ? a : a with { Text = text, Vote = vote };
                }

                case DecisionPoint d:
                {
                    var same = Same(d.Text, _map(d.Text), out var text);
                    same &= Same(d.Vote, Vote(d.Vote), out var vote);
                    return same ? d : d with { Text = text, Vote = vote };
                }

                case ActionPoint a:
                {
                    var same = Same(a.Text, _map(a.Text), out var text);
                    same &= Same(a.Owner, _map(a.Owner), out var owner);
                    return same ? a : a with { Text = text, Owner = owner };
                }

                case TablePoint t:
                {
                    var same = Same(t.Caption, Text(t.Caption), out var caption);
                    same &= Same(t.Header, List(t.Header, _mapCell), out var header);
                    same &= Same(t.Rows, List(t.Rows, _mapRow), out var rows);
                    return same ? t : t with { Caption = caption, Header = header, Rows = rows };
                }

                case ImagePoint i:
                {
                    var same = Same(i.Alt, _map(i.Alt), out var alt);
                    same &= Same(i.Caption, Text(i.Caption), out var caption);
                    return same ? i : i with { Alt = alt, Caption = caption };
                }

                default:
                    // A point form this map does not know keeps its text; the last check of the package still guards it.
                    return point;
            }
        }

        private Vote? Vote(Vote? vote)
        {
            if (vote is null)
            {
                return null;
            }

            var same = Same(vote.ForBy, List(vote.ForBy, _map), out var forBy);
            same &= Same(vote.AgainstBy, List(vote.AgainstBy, _map), out var againstBy);
            same &= Same(vote.AbstainBy, List(vote.AbstainBy, _map), out var abstainBy);
            return same ? vote : vote with { ForBy = forBy, AgainstBy = againstBy, AbstainBy = abstainBy };
        }

        private InlineText? Text(InlineText? text) => text is null ? null : _map(text);

        /// <summary>The list with <paramref name="map"/> applied to each element: the list itself when no element changed.</summary>
        private static IReadOnlyList<T> List<T>(IReadOnlyList<T> items, Func<T, T> map)
            where T : class
        {
            T[]? changed = null;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var mapped = map(item);
                if (changed is null && !ReferenceEquals(mapped, item))
                {
                    changed = new T[items.Count];
                    for (var j = 0; j < i; j++)
                    {
                        changed[j] = items[j];
                    }
                }

                if (changed is not null)
                {
                    changed[i] = mapped;
                }
            }

            return changed is null ? items : new ValueList<T>(changed);
        }

        /// <summary>Gives <paramref name="mapped"/> as <paramref name="value"/>, and whether it is <paramref name="original"/> itself.</summary>
        private static bool Same<T>(T original, T mapped, out T value)
            where T : class?
        {
            value = mapped;
            return ReferenceEquals(original, mapped);
        }
    }
}
