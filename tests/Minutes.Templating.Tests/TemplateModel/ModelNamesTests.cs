using System.Reflection;
using System.Text.Json.Nodes;
using Minutes.Templating.Parsing;
using Minutes.Templating.Schema;
using Minutes.Templating.TemplateModel;
using Scriban.Runtime;

namespace Minutes.Templating.Tests.TemplateModel;

/// <summary>
/// The template model is declared once (<see cref="ModelNames"/>): the builder fills exactly the declared names, and
/// the authoring guide's table is the one written from the declaration. The YAML contract's keys are the same in
/// the reader and in the JSON Schema.
/// </summary>
public sealed class ModelNamesTests
{
    private const string GuideStart = "<!-- model names: written from ModelNames.GuideTable(), checked by ModelNamesTests -->\n";
    private const string GuideEnd = "<!-- end of model names -->";

    [Fact]
    public void The_builder_fills_exactly_the_declared_names_in_their_order()
    {
        var yaml = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "kitchen-sink.yaml"));
        var model = TemplateModelBuilder.Build(MinutesParser.Parse(yaml, Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "kitchen-sink.yaml")).Document!);
        var problems = new List<string>();
        Compare(model, ModelNames.Root, "", problems);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void A_template_enumerating_a_point_sees_its_names_in_the_declared_order()
    {
        var path = Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "kitchen-sink.yaml");
        var model = TemplateModelBuilder.Build(MinutesParser.Parse(File.ReadAllText(path), path).Document!);
        var outcome = (IDictionary<string, object?>)((ScriptArray)model["outcomes"]!)[0]!;
        var statement = ((ScriptArray)((IDictionary<string, object?>)((ScriptArray)model["agenda"]!)[0]!)["outline"]!)
            .Cast<IDictionary<string, object?>>().First(point => point["kind"] as string == "statement");

        var declared = ModelNames.Point.Members.Select(member => member.Name).ToList();
        Assert.Equal(declared, outcome.Keys);
        Assert.Equal(declared.Where(name => name != "number"), statement.Keys);
    }

    [Fact]
    public void The_guide_shows_the_declared_names()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "templates", "README.md")).ReplaceLineEndings("\n");
        var start = guide.IndexOf(GuideStart, StringComparison.Ordinal);
        var end = guide.IndexOf(GuideEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "templates/README.md lacks the markers of the names' table");
        var shown = guide[(start + GuideStart.Length)..end];
        var declared = "\n" + ModelNames.GuideTable();
        if (shown != declared && Environment.GetEnvironmentVariable("MINUTES_UPDATE_GUIDE") == "1")
        {
            File.WriteAllText(Path.Combine(Repository.Root, "templates", "README.md"), guide[..(start + GuideStart.Length)] + declared + guide[end..]);
            return;
        }

        Assert.True(shown == declared, "templates/README.md's table of names is not the declared one: run the tests once with MINUTES_UPDATE_GUIDE=1 to write it, and review the diff.");
    }

    /// <summary>The reader's lists of keys and the JSON Schema's properties agree, key by key, for every mapping.</summary>
    [Theory]
    [InlineData("TopKeys", "")]
    [InlineData("DocumentKeys", "document")]
    [InlineData("MeetingKeys", "meeting")]
    [InlineData("AttendeesKeys", "attendees")]
    [InlineData("PersonKeys", "person")]
    [InlineData("ItemKeys", "agendaItem")]
    [InlineData("NextMeetingKeys", "nextMeeting")]
    [InlineData("TextPointKeys", "textPoint")]
    [InlineData("TopicPointKeys", "topicPoint")]
    [InlineData("AgreementPointKeys", "agreementPoint")]
    [InlineData("DecisionPointKeys", "decisionPoint")]
    [InlineData("ActionPointKeys", "actionPoint")]
    public void The_reader_and_the_schema_know_the_same_keys(string readerList, string definition)
    {
        var reader = (string[])typeof(MinutesParser).Assembly.GetType("Minutes.Templating.Parsing.MinutesReader")!
            .GetField(readerList, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var schema = JsonNode.Parse(MinutesSchema.Json)!;
        var node = definition.Length == 0 ? schema : schema["$defs"]![definition]!;
        var properties = (node["properties"] ?? node["oneOf"]!.AsArray().Select(o => o!["properties"]).First(p => p is not null))!.AsObject();

        Assert.Equal(properties.Select(p => p.Key).Order(StringComparer.Ordinal), reader.Order(StringComparer.Ordinal));
    }

    /// <summary>Every point form of the reader is a form of point in the schema.</summary>
    [Fact]
    public void The_reader_and_the_schema_know_the_same_point_forms()
    {
        var reader = (string[])typeof(MinutesParser).Assembly.GetType("Minutes.Templating.Parsing.MinutesReader")!
            .GetField("PointFormKeys", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var defs = JsonNode.Parse(MinutesSchema.Json)!["$defs"]!.AsObject();
        Assert.Equal(
            reader.Order(StringComparer.Ordinal),
            defs.Where(d => d.Key.EndsWith("Point", StringComparison.Ordinal)).Select(d => d.Key[..^"Point".Length]).Order(StringComparer.Ordinal));
    }

    /// <summary>A plain value is of the .NET type its kind is declared with (any number for a number), or a list of such values.</summary>
    private static void CompareValue(object? value, string type, string path, List<string> problems)
    {
        if (value is null)
        {
            return;
        }

        if (type.StartsWith(ModelNames.ListOf, StringComparison.Ordinal) || type.StartsWith("lists of ", StringComparison.Ordinal))
        {
            var element = type.StartsWith("list of lists of ", StringComparison.Ordinal) ? ModelNames.ListOf + type["list of lists of ".Length..] : type[ModelNames.ListOf.Length..];
            if (value is not ScriptArray list)
            {
                problems.Add($"{path}: declared as {type}, built as {value.GetType().Name}");
                return;
            }

            foreach (var item in list.Take(3))
            {
                CompareValue(item, element, path + "[]", problems);
            }

            return;
        }

        if (!ModelNames.ValueTypes.TryGetValue(type, out var expected))
        {
            problems.Add($"{path}: declared as {type}, which is not a kind of value in ModelNames.ValueTypes");
        }
        else if (!(expected.IsInstanceOfType(value) || (expected == typeof(int) && value is int or long or double or decimal)))
        {
            problems.Add($"{path}: declared as {type} ({expected.Name}), built as {value.GetType().Name}");
        }
    }

    private static void Compare(object? value, ModelName declared, string path, List<string> problems)
    {
        if (value is not IDictionary<string, object?> obj)
        {
            problems.Add($"{path}: declared as an object, built as {value?.GetType().Name ?? "null"}");
            return;
        }

        var keys = obj.Keys.ToHashSet(StringComparer.Ordinal);
        var declaredOrder = declared.Members.Select(member => member.Name).Where(keys.Contains).ToList();
        // What a template enumerating an object sees: the declared order. Labels come in the language's order, and
        // attendees each list followed by its text, as they always have.
        if (declared.Name is not "labels" and not "attendees" && !obj.Keys.Where(declaredOrder.Contains).SequenceEqual(declaredOrder))
        {
            problems.Add($"{(path.Length == 0 ? "the top level" : path)}: enumerated as {string.Join(", ", obj.Keys)}, declared as {string.Join(", ", declaredOrder)}");
        }

        foreach (var member in declared.Members)
        {
            var at = path.Length == 0 ? member.Name : path + "." + member.Name;
            if (!keys.Remove(member.Name))
            {
                if (member.OnlyFor is null || (obj["is_outcome"] is true))
                {
                    problems.Add($"{at}: declared, not built");
                }

                continue;
            }

            var child = obj[member.Name];
            if (child is null && member.Members.Count > 0)
            {
                continue; // an object that may be absent (next_meeting, a vote)
            }

            if (member.Element is { } element && child is ScriptArray array)
            {
                foreach (var item in array.Take(3))
                {
                    Compare(item, element, at + "[]", problems);
                }
            }
            else if (member.Members.Count > 0 && member.Name != "labels")
            {
                Compare(child, member, at, problems);
            }
            else if (member.Members.Count == 0 && member.Element is null)
            {
                CompareValue(child, member.Type, at, problems);
            }
        }

        problems.AddRange(keys.Select(k => $"{(path.Length == 0 ? k : path + "." + k)}: built, not declared"));
    }
}
