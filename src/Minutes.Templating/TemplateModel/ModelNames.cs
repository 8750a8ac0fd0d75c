using System.Text;
using Minutes.Templating.Localization;

namespace Minutes.Templating.TemplateModel;

/// <summary>
/// The declaration of every name a template can see: the one place a name of the template model is defined.
/// <see cref="TemplateModelBuilder"/> fills exactly these names (a test builds the model of minutes that set every
/// key and compares it with this declaration, name by name); the name checker knows a template's names from it
/// (<see cref="Engine.NameChecker"/>); and the authoring guide's table of names is written from it
/// (<see cref="GuideTable"/>, checked by a test against <c>templates/README.md</c>).
/// </summary>
/// <remarks>
/// To add a name: declare it here, fill it in <see cref="TemplateModelBuilder"/>, and run the tests: the guide's
/// table is the one thing they then ask to be updated (its new text is in the failure).
/// </remarks>
internal static class ModelNames
{
    /// <summary>
    /// The .NET type behind each kind of plain value (<see cref="ModelName.Type"/>): what a template can read of
    /// it (<see cref="Engine.DotNetMembers"/>) follows from it. A number may be any number; none has names.
    /// </summary>
    public static IReadOnlyDictionary<string, Type> ValueTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["text"] = typeof(string),
        ["inline text"] = typeof(Model.InlineText),
        ["date"] = typeof(DateTime),
        ["number"] = typeof(int),
        ["yes/no"] = typeof(bool),
        ["table"] = typeof(TableValue),
        ["image"] = typeof(ImageValue),
    };

    /// <summary>What a list of plain values is declared as: <c>list of </c> and the kind of its elements.</summary>
    public const string ListOf = "list of ";

    /// <summary>A person of the attendance lists.</summary>
    public static ModelName Person { get; } = ModelName.Object("person", "a person of the attendance lists", [
        new("display", "inline text", "the display form: honorific, name, then organisation, role and note in brackets: `Dhr. Van der Burg (SJenV, voorzitter)`; for a person marked `redact:` the name is withheld text: the ground in a black box in the publication version (`▮5.1.2e▮ (SZW)`), marked with its ground in the internal one"),
        new("text", "inline text", "a person given as a plain entry (`- secretariaat, ondersteuning`); null otherwise"),
        new("name", "text", "`name:`"),
        new("honorific", "text", "`honorific:` (Dhr., Mevr., Dr.)"),
        new("org", "text", "`org:`, an abbreviation"),
        new("org_name", "inline text", "the organisation's full name, from `organisations:`"),
        new("role", "text", "`role:`: `member`, `chair`, `secretary`, `minute_taker`, `guest`, `support`"),
        new("role_text", "text", "the role in the document's language (voorzitter, chair); null for members and guests"),
        new("on_behalf_of", "inline text", "`on_behalf_of:`"),
        new("excused", "yes/no", "`excused:` (absent persons)"),
        new("redact", "text", "`redact:`, the ground for withholding the name (5.1.2e)"),
        new("note", "inline text", "`note:`"),
    ]);

    /// <summary>A point of an agenda item, and an outcome of the meeting.</summary>
    public static ModelName Point { get; } = ModelName.Object("point", "a point of an agenda item: a statement, topic, agreement, decision or action", [
        new("kind", "text", "`statement`, `topic`, `agreement`, `decision`, `action`, `table` or `image`"),
        new("text", "inline text", "the point's text (a topic's title; a table's or picture's caption, or empty)"),
        new("label", "text", "the outcome's word in the document's language (Afspraak, Besluit, Actie / Agreed, Resolved, Action); null for statements and topics"),
        new("is_outcome", "yes/no", "true for agreements, decisions and actions"),
        new("level", "number", "the list level: 0 for the item's own points, 1 for the points under a statement…"),
        new("topic_level", "number", "how many topics the point is under"),
        new("by", "inline text", "a statement's `by:`, who said it; null otherwise"),
        new("owner", "inline text", "an action's `owner:`; null otherwise"),
        new("owner_name", "inline text", "the owner's full name, from `organisations:` (null when the owner is withheld)"),
        new("due", "date", "an action's `due:`; null otherwise"),
        new("due_text", "text", "the due date's long form (21 april 2023)"),
        ModelName.ListOfOwner("points", "the points under a statement or topic; empty otherwise"),
        new("item_number", "text", "the number of the agenda item the point is in"),
        new("item_title", "inline text", "the title of the agenda item the point is in"),
        new("number", "number", "an outcome's number among the meeting's outcomes of its kind (1, 2…)", onlyFor: "outcomes"),
        ModelName.Object("vote", "an agreement's or decision's `vote:`; null when not given", [
            new("for_count", "number", "the votes for (null when not given; a list of names counts one vote a name)"),
            new("against_count", "number", "the votes against (as `for_count`)"),
            new("abstain_count", "number", "the abstentions (as `for_count`)"),
            new("for_by", "list of inline text", "who voted for (possibly empty)"),
            new("against_by", "list of inline text", "who voted against"),
            new("abstain_by", "list of inline text", "who abstained"),
            new("result", "text", "`carried`, `rejected` or `unanimous`: as given, or derived from the counts"),
            new("result_text", "text", "the result in the document's language (aangenomen, carried)"),
            new("text", "inline text", "the vote as a sentence: `Carried, 21 for, 8 against (against: VVD)`"),
        ]),
        new("table", "table", "a `table:` point's table: `{{ point.table }}` alone in a paragraph writes it as a Word table; null otherwise"),
        new("caption", "inline text", "a table's or image's caption"),
        new("header", "list of inline text", "a table's header row"),
        new("rows", "list of lists of inline text", "a table's rows, each a list of cells"),
        new("image", "image", "an `image:` point's picture: `{{ point.image }}` writes it; null otherwise"),
        new("alt", "inline text", "an image's text alternative"),
        new("width_cm", "number", "an image's printed width in centimetres; null for its own size"),
    ]);

    /// <summary>An organisation of <c>organisations:</c>.</summary>
    public static ModelName Organisation { get; } = ModelName.Object("organisation", "a declared organisation", [
        new("abbreviation", "text", "the abbreviation (the key under `organisations:`)"),
        new("name", "inline text", "the full name"),
    ]);

    /// <summary>The root of the template model: every top-level name.</summary>
    public static ModelName Root { get; } = ModelName.Object("", "the template model", [
        new("minutes_version", "number", "the contract version, `minutes:` (1)"),
        new("language", "text", "the document's language tag (`language:`, or the one the rendering asks for)"),
        ModelName.Object("labels", "the words of the document's language, with the template's labels and the document's `labels:` on top; every label is listed below", [.. Labels.Keys.Select(k => new ModelName(k, "text", "label"))]),
        ModelName.Object("document", "from `document:`", [
            new("type", "text", "`type:`: `minutes`, `decisions` or `actions`"),
            new("title", "inline text", "`title:`, or the language's title for the type (Verslag, Besluitenlijst, Actielijst / Minutes, Decision list, Action list)"),
            new("reference", "text", "`reference:`"),
            new("status", "text", "`status:`: `draft` or `approved`"),
            new("status_text", "text", "the status in the document's language (Concept, Draft)"),
            new("is_draft", "yes/no", "true while `status: draft`"),
            new("approved_on", "date", "`approved_on:`"),
            new("approved_on_text", "text", "its long form"),
            new("classification", "text", "`classification:`"),
        ]),
        ModelName.Object("meeting", "from `meeting:`", [
            new("body", "inline text", "`body:`, the name of the body that met"),
            new("abbreviation", "text", "`abbreviation:`"),
            new("number", "text", "`number:`, the meeting's number"),
            new("date", "date", "`date:`"),
            new("date_text", "text", "the date's long form (21 april 2023, 14 March 2024)"),
            new("start", "text", "`start:` as `HH:MM`"),
            new("end", "text", "`end:` as `HH:MM`"),
            new("time_text", "text", "start and end as `09:30–11:00`"),
            new("location", "inline text", "`location:`"),
            new("mode", "text", "`mode:`: `in_person`, `online` or `hybrid`"),
            new("mode_text", "text", "the mode in the document's language (hybride, hybrid)"),
        ]),
        ModelName.List("organisations", "the declared organisations, in the order declared", Organisation),
        ModelName.List("organisations_referred", "the declared organisations the minutes refer to (a person's `org`, a `by` or `owner`, or the abbreviation as a word in a text)", Organisation),
        ModelName.Object("attendees", "from `attendees:`", [
            ModelName.List("present", "`present:`", Person),
            ModelName.List("absent", "`absent:`", Person),
            ModelName.List("guests", "`guests:`", Person),
            new("present_text", "inline text", "the display forms of the present, joined with `, `"),
            new("absent_text", "inline text", "the same for the absent"),
            new("guests_text", "inline text", "the same for the guests"),
        ]),
        ModelName.List("agenda", "the agenda items, from `agenda:`", ModelName.Object("item", "an agenda item", [
            new("number", "text", "the item's number; null when the item is unnumbered"),
            new("title", "inline text", "`title:`"),
            new("presenter", "inline text", "`presenter:`"),
            new("documents", "list of inline text", "`documents:`"),
            ModelName.List("points", "`points:`, the tree", Point),
            ModelName.List("outline", "every point of the tree in reading order", Point),
            ModelName.List("agreements", "the item's agreements", Point),
            ModelName.List("decisions", "the item's decisions", Point),
            ModelName.List("actions", "the item's actions", Point),
        ])),
        ModelName.List("agreements", "every agreement of the meeting, in order", Point),
        ModelName.List("decisions", "every decision of the meeting, in order", Point),
        ModelName.List("actions", "every action of the meeting, in order", Point),
        ModelName.List("outcomes", "every agreement, decision and action of the meeting, in order", Point),
        ModelName.Object("next_meeting", "from `next_meeting:`; null when not given", [
            new("date", "date", "`date:`"),
            new("date_text", "text", "its long form"),
            new("start", "text", "`start:` as `HH:MM`"),
            new("location", "inline text", "`location:`"),
        ]),
        ModelName.Object("redaction", "the Woo: which version this is and the grounds the document withholds under", [
            new("is_publication", "yes/no", "true in the publication version, where withheld text is gone"),
            ModelName.List("grounds", "the grounds used (spans and `redact:`), in the Act's order; the legend of the publication version", ModelName.Object("ground", "a ground of the Woo", [
                new("code", "text", "the ground as cited: `5.1.2e`"),
                new("meaning", "text", "its meaning in the document's language (eerbiediging van de persoonlijke levenssfeer, respect for personal privacy)"),
                new("text", "text", "the legend's line: `5.1.2e — eerbiediging van de persoonlijke levenssfeer`"),
            ])),
        ]),
    ]);

    /// <summary>An agenda item.</summary>
    public static ModelName Item { get; } = Root.Members.Single(m => m.Name == "agenda").Element!;

    /// <summary>An agreement's or decision's vote.</summary>
    public static ModelName Vote { get; } = Point.Members.Single(m => m.Name == "vote");

    /// <summary>
    /// The authoring guide's tables of names: one table for the top level and one for each kind of object
    /// (document, meeting, a person, an agenda item, a point…), then the labels with their Dutch and English words.
    /// </summary>
    public static string GuideTable()
    {
        var builder = new StringBuilder();
        var written = new HashSet<ModelName>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<(string Path, ModelName Object)>();
        queue.Enqueue(("the top level", Root));
        while (queue.Count > 0)
        {
            var (path, node) = queue.Dequeue();
            if (!written.Add(node))
            {
                continue;
            }

            builder.Append("**").Append(path).Append("**").Append(path == "the top level" ? string.Empty : " (" + node.Description + ")").Append("\n\n");
            builder.Append("| name | type | what it is |\n|---|---|---|\n");
            foreach (var member in node.Members)
            {
                var target = member.Element ?? member;
                var description = member.Description + (member.OnlyFor is { } only ? " (" + only + " only)" : string.Empty);
                if (target.Members.Count > 0 && member.Name != "labels")
                {
                    var name = target == member ? "`" + Join(path, member.Name) + "`" : Article(target.Name) + " " + target.Name;
                    description += "; see " + name;
                    queue.Enqueue((name, target));
                }

                builder.Append("| `").Append(member.Name).Append("` | ").Append(member.Type).Append(" | ").Append(description).Append(" |\n");
            }

            builder.Append('\n');
        }

        builder.Append("**`labels`** (the built-in words; a template's `labels.yaml` and a document's `labels:` can change each one)\n\n");
        builder.Append("| label | nl | en |\n|---|---|---|\n");
        var dutch = Labels.BuiltIn("nl");
        var english = Labels.BuiltIn("en");
        foreach (var key in Labels.Keys.Order(StringComparer.Ordinal))
        {
            builder.Append("| `").Append(key).Append("` | ").Append(dutch[key]).Append(" | ").Append(english[key]).Append(" |\n");
        }

        return builder.ToString();

        static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

        static string Join(string path, string name) => path == "the top level" ? name : path.Trim('`') + "." + name;
    }
}

/// <summary>One name of the template model: a value, an object with its own names, or a list of such objects.</summary>
internal sealed class ModelName
{
    /// <summary>A plain value.</summary>
    /// <param name="name">The name as a template writes it.</param>
    /// <param name="type">What kind of value it is, as the guide says it: text, inline text, date, number, yes/no.</param>
    /// <param name="description">What it is, for the guide.</param>
    /// <param name="onlyFor">When the name is present only on some of the objects of its kind (outcomes), which.</param>
    public ModelName(string name, string type, string description, string? onlyFor = null)
    {
        Name = name;
        Type = type;
        Description = description;
        OnlyFor = onlyFor;
    }

    /// <summary>The name as a template writes it.</summary>
    public string Name { get; }

    /// <summary>What kind of value it is: text, inline text, date, number, yes/no, object, list of ….</summary>
    public string Type { get; private set; }

    /// <summary>What it is, for the guide.</summary>
    public string Description { get; }

    /// <summary>When the name is present only on some of the objects of its kind (outcomes), which.</summary>
    public string? OnlyFor { get; }

    /// <summary>The names of an object (empty for a plain value and for a list).</summary>
    public IReadOnlyList<ModelName> Members { get; private set; } = [];

    /// <summary>For a list of objects, the object each element is.</summary>
    public ModelName? Element { get; private set; }

    /// <summary>
    /// The shape of an object of this kind built as a <see cref="ModelObject"/>: its names in their declared order,
    /// the order a template that enumerates the object sees.
    /// </summary>
    public ModelShape Shape => _shape ??= new ModelShape([.. Members.Select(member => member.Name)]);

    private ModelShape? _shape;

    private bool IsListOfOwner { get; init; }

    /// <summary>An object with names of its own.</summary>
    public static ModelName Object(string name, string description, IReadOnlyList<ModelName> members)
    {
        var value = new ModelName(name, "object", description);
        foreach (var member in members.Where(m => m.IsListOfOwner))
        {
            member.Element = value;
            member.Type = "list of " + name;
        }

        value.Members = members;
        return value;
    }

    /// <summary>A list whose elements are each <paramref name="element"/>.</summary>
    public static ModelName List(string name, string description, ModelName element) =>
        new(name, "list of " + element.Name, description) { Element = element };

    /// <summary>A list whose elements are the object this name belongs to (the points under a point).</summary>
    public static ModelName ListOfOwner(string name, string description) =>
        new(name, "list", description) { IsListOfOwner = true };
}
