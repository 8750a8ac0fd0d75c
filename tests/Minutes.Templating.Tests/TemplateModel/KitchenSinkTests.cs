using System.Text.Json.Nodes;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Schema;
using Minutes.Templating.Snapshots;
using Minutes.Templating.Tests.Schema;

namespace Minutes.Templating.Tests.TemplateModel;

/// <summary>
/// Every field of the contract reaches the page: <c>kitchen-sink.yaml</c> sets every key, each to a value found nowhere
/// else, and each built-in template prints each one, or says here why it leaves it out.
/// </summary>
public sealed class KitchenSinkTests
{
    private static readonly string KitchenSink = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "kitchen-sink.yaml"));

    /// <summary>Each key of the contract (as a path, lists as <c>[]</c>) and what shows that it was printed (any one of them).</summary>
    private static readonly Dictionary<string, string[]> Probes = new(StringComparer.Ordinal)
    {
        ["document.title"] = ["Kitchen Sink Minutes"],
        ["document.reference"] = ["KS-REF-7"],
        ["document.status"] = ["DRAFT"],
        ["document.approved_on"] = ["2 May 2024"],
        ["document.classification"] = ["RESTRICTED"],
        ["meeting.body"] = ["Kitchen Sink Board"],
        ["meeting.abbreviation"] = ["KSB"],
        ["meeting.number"] = ["meeting 17"],
        ["meeting.date"] = ["18 April 2024"],
        ["meeting.start"] = ["09:05"],
        ["meeting.end"] = ["10:55"],
        ["meeting.location"] = ["Room Quince"],
        ["meeting.mode"] = ["hybrid"],
        ["organisations"] = ["Delta Organisation", "Alpha Organisation"],
        ["attendees.present[]"] = ["Bob Proxy"],
        ["attendees.present[].name"] = ["Ann Present"],
        ["attendees.present[].honorific"] = ["Dr Ann Present"],
        ["attendees.present[].org"] = ["(ORGA"],
        ["attendees.present[].role"] = ["ORGA, chair"],
        ["attendees.present[].note"] = ["treasurer"],
        ["attendees.present[].on_behalf_of"] = ["on behalf of Carl Absentee"],
        ["attendees.present[].excused"] = ["with apologies"],
        ["attendees.present[].redact"] = [],
        ["attendees.absent[]"] = ["Dora Excused"],
        ["attendees.guests[]"] = ["Fay Guest"],
        ["agenda[].title"] = ["First Item Title"],
        ["agenda[].number"] = ["7.<tab>First Item Title", "| 7 |"],
        ["agenda[].presenter"] = ["Gus Presenter"],
        ["agenda[].documents[]"] = ["Document Hotel"],
        ["agenda[].points[]"] = ["Plain statement india"],
        ["agenda[].points[].text"] = ["Statement juliet"],
        ["agenda[].points[].by"] = ["ORGC: Statement juliet"],
        ["agenda[].points[].points"] = ["Sub point kilo"],
        ["agenda[].points[].topic"] = ["Topic lima"],
        ["agenda[].points[].agreement"] = ["Agreement november"],
        ["agenda[].points[].decision"] = ["Decision oscar"],
        ["agenda[].points[].action"] = ["Action papa"],
        ["agenda[].points[].owner"] = ["ORGD"],
        ["agenda[].points[].due"] = ["30 June 2024"],
        ["agenda[].points[].vote"] = ["Carried, 5 for"],
        ["agenda[].points[].vote.for"] = ["5 for"],
        ["agenda[].points[].vote.for[]"] = ["for: Voter Quebec"],
        ["agenda[].points[].vote.against"] = ["2 against"],
        ["agenda[].points[].vote.abstain"] = ["1 abstaining"],
        ["agenda[].points[].vote.for_by"] = ["for: Voter Sierra"],
        ["agenda[].points[].vote.against_by"] = ["against: Voter Tango"],
        ["agenda[].points[].vote.abstain_by"] = ["abstaining: Voter Uniform"],
        ["agenda[].points[].vote.result"] = ["Carried"],
        ["agenda[].points[].table"] = ["| Cell whiskey | 42 |"],
        ["agenda[].points[].table.caption"] = ["Table yankee"],
        ["agenda[].points[].table.header[]"] = ["| Column zulu | Column two |"],
        ["agenda[].points[].table.rows[]"] = ["| Cell whiskey | 42 |"],
        ["agenda[].points[].image"] = ["<image Picture echo"],
        ["agenda[].points[].alt"] = ["Picture echo"],
        ["agenda[].points[].caption"] = ["Caption foxtrot"],
        ["next_meeting.date"] = ["4 July 2024"],
        ["next_meeting.start"] = ["14:00"],
        ["next_meeting.location"] = ["Room Romeo"],
        ["labels"] = ["Attending"],
    };

    /// <summary>Keys no template prints as such, and why.</summary>
    private static readonly Dictionary<string, string> NotPrinted = new(StringComparer.Ordinal)
    {
        ["minutes"] = "the contract's version, for the reader",
        ["language"] = "chooses the labels and the form of dates (the English '18 April 2024' shows it)",
        ["document.type"] = "chooses the default title, which the kitchen sink's own title replaces",
        ["agenda[].points[].width"] = "sets the printed size of the picture",
    };

    /// <summary>What each template leaves out on purpose, and why.</summary>
    internal static readonly Dictionary<string, Dictionary<string, string>> LeftOut = new(StringComparer.Ordinal)
    {
        ["verslag"] = new(StringComparer.Ordinal)
        {
            ["organisations"] = "names organisations by the abbreviations the minutes use",
            ["agenda[].points[].by"] = "names the speaker in the statement's own words, as Dutch government minutes do",
        },
        ["minutes"] = new(StringComparer.Ordinal)
        {
            ["organisations"] = "names organisations by the abbreviations the minutes use",
            ["document.approved_on"] = "ends with a signature line instead",
        },
        ["besluitenlijst"] = new(StringComparer.Ordinal)
        {
            ["document.title"] = "is titled a decision list whatever the minutes' title",
            ["document.approved_on"] = "a list of decisions, not the record of the meeting",
            ["meeting.number"] = "a list of decisions, not the record of the meeting",
            ["meeting.start"] = "a list of decisions, not the record of the meeting",
            ["meeting.end"] = "a list of decisions, not the record of the meeting",
            ["meeting.location"] = "a list of decisions, not the record of the meeting",
            ["meeting.mode"] = "a list of decisions, not the record of the meeting",
            ["attendees.present[].excused"] = "lists only who was present",
            ["attendees.absent[]"] = "lists only who was present",
            ["attendees.guests[]"] = "lists only who was present",
            ["agenda[].title"] = "refers to items by number",
            ["agenda[].presenter"] = "shows decisions and actions only",
            ["agenda[].documents[]"] = "shows decisions and actions only",
            ["agenda[].points[]"] = "shows decisions and actions only",
            ["agenda[].points[].text"] = "shows decisions and actions only",
            ["agenda[].points[].by"] = "shows decisions and actions only",
            ["agenda[].points[].points"] = "shows decisions and actions only",
            ["agenda[].points[].topic"] = "shows decisions and actions only",
            ["agenda[].points[].table"] = "shows decisions and actions only",
            ["agenda[].points[].table.caption"] = "shows decisions and actions only",
            ["agenda[].points[].table.header[]"] = "shows decisions and actions only",
            ["agenda[].points[].table.rows[]"] = "shows decisions and actions only",
            ["agenda[].points[].image"] = "shows decisions and actions only",
            ["agenda[].points[].alt"] = "shows decisions and actions only",
            ["agenda[].points[].caption"] = "shows decisions and actions only",
            ["next_meeting.date"] = "shows decisions and actions only",
            ["next_meeting.start"] = "shows decisions and actions only",
            ["next_meeting.location"] = "shows decisions and actions only",
        },
    };

    public static TheoryData<string> Templates() => [.. WordTemplate.BuiltInNames];

    /// <summary>The kitchen sink sets every key the JSON Schema declares, so nothing can be left untried.</summary>
    [Fact]
    public void The_kitchen_sink_sets_every_key_of_the_contract()
    {
        var schema = JsonNode.Parse(MinutesSchema.Json)!;
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        SchemaKeys(schema, schema, string.Empty, declared, []);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        YamlKeys(JsonNode.Parse(YamlToJson.Convert(KitchenSink).GetRawText()), string.Empty, set);

        Assert.Empty(declared.Except(set));
        var tried = Probes.Keys.Concat(NotPrinted.Keys).ToList();
        Assert.Empty(tried.Except(declared));
        var untried = declared.Where(d => !tried.Any(t => t == d || t.StartsWith(d + ".", StringComparison.Ordinal) || t.StartsWith(d + "[", StringComparison.Ordinal))).ToList();
        Assert.True(untried.Count == 0, "keys neither probed nor said not to be printed: " + string.Join(", ", untried));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_field_reaches_the_page_or_is_declared_left_out(string template)
    {
        var draft = Outline(template, KitchenSink, RenderMode.Internal);
        var approved = Outline(template, KitchenSink.Replace("status: draft", "status: approved", StringComparison.Ordinal), RenderMode.Internal);
        var leftOut = LeftOut[template];
        var missing = new List<string>();
        var needlesslyLeftOut = new List<string>();
        foreach (var (key, probes) in Probes.Where(p => p.Value.Length > 0))
        {
            var page = key == "document.approved_on" ? approved : draft;
            var printed = probes.Any(p => page.Contains(p, StringComparison.OrdinalIgnoreCase));
            if (!printed && !leftOut.ContainsKey(key))
            {
                missing.Add(key);
            }
            else if (printed && leftOut.ContainsKey(key))
            {
                needlesslyLeftOut.Add(key);
            }
        }

        Assert.True(missing.Count == 0, $"{template} prints nothing of: {string.Join(", ", missing)}\n{draft}");
        Assert.True(needlesslyLeftOut.Count == 0, $"{template} is said to leave out what it prints: {string.Join(", ", needlesslyLeftOut)}");
    }

    /// <summary>A person marked <c>redact</c> is named in the internal version and not in the publication.</summary>
    [Theory]
    [MemberData(nameof(Templates))]
    public void A_redacted_name_is_printed_only_internally(string template)
    {
        var prints = Outline(template, KitchenSink, RenderMode.Internal).Contains("Fay Guest", StringComparison.Ordinal);
        Assert.Equal(prints, Outline(template, KitchenSink, RenderMode.Internal).Contains("Withheld Name", StringComparison.Ordinal));
        Assert.DoesNotContain("Withheld Name", Outline(template, KitchenSink, RenderMode.Publication), StringComparison.Ordinal);
    }

    /// <summary>A draft's markings (the draft marker, the classification) are each shown once on a page, not twice.</summary>
    [Theory]
    [MemberData(nameof(Templates))]
    public void Draft_and_classification_are_marked_once(string template)
    {
        var outline = Outline(template, KitchenSink, RenderMode.Internal);
        Assert.Equal(1, Count(outline, "draft"));
        Assert.Equal(1, Count(outline, "restricted"));
    }

    /// <summary>A note is punctuated, inside the brackets of the person's details; one written in brackets is not bracketed twice.</summary>
    [Fact]
    public void A_note_joins_the_brackets()
    {
        var outline = Outline("minutes", KitchenSink, RenderMode.Internal);
        Assert.Contains("Dr Ann Present (ORGA, chair, treasurer)", outline, StringComparison.Ordinal);
        var bracketed = Outline("minutes", KitchenSink.Replace("note: treasurer", "note: (treasurer)", StringComparison.Ordinal), RenderMode.Internal);
        Assert.Contains("Dr Ann Present (ORGA, chair, treasurer)", bracketed, StringComparison.Ordinal);
    }

    private static int Count(string text, string word) =>
        text.Split('\n').Count(line => line.Contains(word, StringComparison.OrdinalIgnoreCase) && !line.StartsWith("title:", StringComparison.Ordinal));

    private static string Outline(string template, string yaml, RenderMode mode)
    {
        var parsed = MinutesParser.Parse(yaml, Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "kitchen-sink.yaml"));
        Assert.Empty(parsed.Diagnostics);
        var result = WordTemplate.BuiltIn(template).Render(parsed.Document!, new RenderOptions { Mode = mode });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return DocxSnapshot.Outline(result.ToArray());
    }

    /// <summary>The keys the schema declares under <paramref name="node"/>, as paths; each definition is followed once (a point's points are points again).</summary>
    private static void SchemaKeys(JsonNode root, JsonNode? node, string path, SortedSet<string> keys, HashSet<string> seen)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj["$ref"]?.GetValue<string>() is { } reference)
        {
            if (seen.Add(reference))
            {
                var target = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)root, (n, part) => n?[part]);
                SchemaKeys(root, target, path, keys, seen);
            }

            return;
        }

        if (obj["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in properties)
            {
                var child = path.Length == 0 ? name : path + "." + name;
                keys.Add(child);
                SchemaKeys(root, value, child, keys, seen);
            }
        }

        if (obj["items"] is { } items)
        {
            keys.Add(path + "[]");
            SchemaKeys(root, items, path + "[]", keys, seen);
        }

        foreach (var combinator in (string[])["oneOf", "anyOf", "allOf"])
        {
            if (obj[combinator] is JsonArray options)
            {
                foreach (var option in options)
                {
                    SchemaKeys(root, option, path, keys, seen);
                }
            }
        }
    }

    private static void YamlKeys(JsonNode? node, string path, SortedSet<string> keys)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    // The schema declares a person once, under 'present'; the absent and guests are the same kind of entry.
                    var child = (path.Length == 0 ? name : path + "." + name)
                        .Replace("attendees.absent[].", "attendees.present[].", StringComparison.Ordinal)
                        .Replace("attendees.guests[].", "attendees.present[].", StringComparison.Ordinal);
                    keys.Add(child);
                    YamlKeys(value, child, keys);
                }

                break;
            case JsonArray array:
                keys.Add(path + "[]");
                foreach (var item in array)
                {
                    YamlKeys(item, path + "[]", keys);
                }

                break;
        }
    }
}
