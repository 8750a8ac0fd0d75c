using System.Text.Json;
using Json.Schema;
using Minutes.Templating.Parsing;
using Minutes.Templating.Schema;
using Minutes.Templating.Tests.Parsing;

namespace Minutes.Templating.Tests.Schema;

/// <summary>The shipped JSON Schema accepts the examples, rejects misspellings, and agrees with the parser.</summary>
public class MinutesSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(MinutesSchema.Json);

    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    private const string Head = "meeting:\n  body: Board\n  date: 2024-01-15\n";

    private static EvaluationResults Evaluate(string yaml) => Schema.Evaluate(YamlToJson.Convert(yaml), Options);

    private static string Errors(EvaluationResults results) =>
        string.Join('\n', (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    /// <summary>Every minutes file in the repository's examples folder, plus the parser's samples (a template's labels files are not minutes).</summary>
    public static TheoryData<string> ExampleFiles()
    {
        var root = Repository.Root;
        var data = new TheoryData<string>();
        var folders = new[] { Path.Combine(root, "examples"), Path.Combine(root, "tests", "Minutes.Templating.Tests", "Parsing", "Samples") };
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var minutesFiles = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).Equals("labels.yaml", StringComparison.Ordinal) && !f.EndsWith(".labels.yaml", StringComparison.Ordinal));
            foreach (var file in minutesFiles.Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file));
            }
        }

        return data;
    }

    [Fact]
    public void Schema_is_draft_2020_12_with_a_urn_identifier()
    {
        using var json = JsonDocument.Parse(MinutesSchema.Json);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", json.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(MinutesSchema.Id, json.RootElement.GetProperty("$id").GetString());
        Assert.StartsWith("urn:", MinutesSchema.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Examples_include_at_least_the_samples() =>
        Assert.Subset(
            ((IEnumerable<object[]>)ExampleFiles()).Select(row => (string)row[0]).ToHashSet(),
            new HashSet<string>
            {
                Path.Join("examples", "lrt-2023-04-21.yaml"),
                Path.Join("tests", "Minutes.Templating.Tests", "Parsing", "Samples", "all-keys.yaml"),
            });

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_validates_and_parses(string relativePath)
    {
        var path = Path.Combine(Repository.Root, relativePath);
        var yaml = File.ReadAllText(path);

        var results = Evaluate(yaml);
        var parsed = MinutesParser.Parse(yaml, path); // pictures are found beside the file named


        Assert.True(results.IsValid, Errors(results));
        Assert.False(parsed.HasErrors, string.Join('\n', parsed.Diagnostics));
    }

    [Theory]
    [InlineData(Head + "agendaa: []\n")]
    [InlineData("meeting:\n  bodyy: Board\n  body: Board\n  date: 2024-01-15\nagenda: []\n")]
    [InlineData(Head + "agenda:\n  - title: A\n    pionts: []\n")]
    [InlineData(Head + "agenda:\n  - title: A\n    points:\n      - agreement: X\n        ownr: Y\n")]
    [InlineData(Head + "attendees:\n  present:\n    - name: A\n      rol: chair\nagenda: []\n")]
    [InlineData(Head + "document:\n  titel: X\nagenda: []\n")]
    [InlineData(Head + "next_meeting:\n  place: X\nagenda: []\n")]
    public void Misspelt_keys_do_not_validate(string yaml) =>
        Assert.False(Evaluate(yaml).IsValid);

    [Theory]
    [InlineData(Head + "agenda: []\n", true)]
    [InlineData("minutes: 1\nlanguage: nl\n" + Head + "agenda:\n  - title: A\n    number: ~\n  - title: B\n    number: 4a\n", true)]
    [InlineData(Head + "agenda:\n  - title: A\n    points:\n      - Plain.\n      - text: T\n        by: VNG\n        points: [Sub]\n      - topic: T\n        points:\n          - decision: D\n      - action: A\n        owner: JenV\n        due: 2024-02-01\n", true)]
    [InlineData(Head + "start: 09:30\nagenda: []\n", false)]
    [InlineData("meeting:\n  body: B\n  date: 2024-01-15\n  start: 09:30\n  end: 23:59\nagenda: []\n", true)]
    [InlineData("agenda: []\n", false)]
    [InlineData(Head, false)]
    [InlineData("meeting:\n  date: 2024-01-15\nagenda: []\n", false)]
    [InlineData("minutes: 2\n" + Head + "agenda: []\n", false)]
    [InlineData("language: en_GB\n" + Head + "agenda: []\n", false)]
    [InlineData("meeting:\n  body: B\n  date: 2023-02-30\nagenda: []\n", false)]
    [InlineData("meeting:\n  body: B\n  date: 21-04-2023\nagenda: []\n", false)]
    [InlineData("meeting:\n  body: B\n  date: 2024-01-15\n  start: 25:00\nagenda: []\n", false)]
    [InlineData("meeting:\n  body: B\n  date: 2024-01-15\n  mode: remote\nagenda: []\n", false)]
    [InlineData("document:\n  status: aproved\n" + Head + "agenda: []\n", false)]
    [InlineData(Head + "agenda:\n  - title: A\n    points:\n      - agreement: X\n        decision: Y\n", false)]
    [InlineData(Head + "agenda:\n  - title: A\n    points:\n      - by: VNG\n", false)]
    [InlineData(Head + "agenda:\n  - title: A\n    points:\n      - action: X\n", false)]
    [InlineData(Head + "agenda:\n  - title: A\n    number: -1\n", false)]
    [InlineData(Head + "attendees:\n  absent:\n    - name: A\n      excused: yes\nagenda: []\n", false)]
    [InlineData(Head + "attendees:\n  absent:\n    - name: A\n      excused: true\nagenda: []\n", true)]
    [InlineData(Head + "agenda:\n  - number: 1\n", false)]
    [InlineData(Head + "agenda: {}\n", false)]
    [InlineData(Head + "organisations: {VNG: Vereniging}\nlabels: {present: Aanwezig}\nagenda: []\n", true)]
    [InlineData(Head + "labels: {present: ''}\nagenda: []\n", true)]
    [InlineData(Head + "attendees:\n  present:\n    - {}\nagenda: []\n", false)]
    [InlineData(Head + "attendees:\n  present:\n    - {role: chair}\nagenda: []\n", false)]
    [InlineData(Head + "attendees:\n  present:\n    - ''\nagenda: []\n", false)]
    [InlineData(Head + "attendees:\n  present:\n    - {name: '', org: VNG}\nagenda: []\n", false)]
    [InlineData(Head + "attendees:\n  present:\n    - {org: VNG, role: chair}\n    - {name: Jan}\n    - Jan\nagenda: []\n", true)]
    [InlineData(Head + "agenda:\n  - title: ''\n", false)]
    [InlineData(Head + "agenda:\n  - title: '  '\n", false)]
    [InlineData(Head + "agenda:\n  - title: A\n    points:\n      - ''\n", false)]
    [InlineData(Head + "agenda:\n  - title: A\n    points:\n      - decision: ''\n", false)]
    [InlineData(Head + "agenda:\n  - title: A\n    points:\n      - action: Bellen\n        owner: ''\n", false)]
    [InlineData(Head + "agenda:\n  - title: A\n    points:\n      - table:\n          rows: [[a, ''], [b, ~]]\n", true)]
    public void Parser_and_schema_agree(string yaml, bool valid)
    {
        var results = Evaluate(yaml);
        var parsed = MinutesParser.Parse(yaml, "agree.yaml");

        Assert.Equal(valid, results.IsValid);
        Assert.Equal(valid, !parsed.HasErrors);
    }
}
