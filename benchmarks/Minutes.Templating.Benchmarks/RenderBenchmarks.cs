using BenchmarkDotNet.Attributes;
using Minutes.Templating.Model;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Benchmarks;

/// <summary>
/// The in-process rows: minutes parsed and rendered with the built-in template, compiled once, from the
/// example to the largest input accepted.
/// </summary>
[MemoryDiagnoser]
[InputSizeColumns]
public class RenderBenchmarks
{
    private WordTemplate _template = null!;
    private MinutesDocument _document = null!;

    /// <summary>The inputs, each with its size in items and points.</summary>
    public static IEnumerable<Input> Inputs() =>
    [
        Input.Of("seed", SeedInputs.Seed),
        Input.Of("30 items", SeedInputs.WithItems(30)),
        Input.Of("300 items", SeedInputs.WithItems(300)),
        Input.Of("1,000 items", SeedInputs.WithItems(1000)),
        Input.Of("4 MiB", SeedInputs.Largest()),
    ];

    /// <summary>The input of this run.</summary>
    /// <remarks>Not named <c>Minutes</c>: in BenchmarkDotNet's generated code that name would hide the namespace.</remarks>
    [ParamsSource(nameof(Inputs))]
    public Input Case { get; set; } = null!;

    /// <summary>Compiles the template once, as the command does.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _template = WordTemplate.BuiltIn("verslag");
        _document = MinutesParser.Parse(Case.Yaml).Document ?? throw new InvalidOperationException(Case + " does not parse");
    }

    /// <summary>YAML text to .docx bytes.</summary>
    [Benchmark(Baseline = true)]
    public int ParseAndRender()
    {
        var parsed = MinutesParser.Parse(Case.Yaml);
        return _template.Render(parsed.Document!).ToArray().Length;
    }

    /// <summary>The YAML alone.</summary>
    [Benchmark]
    public int Parse() => MinutesParser.Parse(Case.Yaml).Document!.Agenda.Count;

    /// <summary>The rendering alone, from parsed minutes.</summary>
    [Benchmark]
    public int Render() => _template.Render(_document).ToArray().Length;
}

/// <summary>An input of the benchmarks: its YAML and how many agenda items and points it holds.</summary>
/// <param name="Name">The row's name.</param>
/// <param name="Yaml">The minutes.</param>
/// <param name="Items">Agenda items.</param>
/// <param name="Points">Points, nested ones included.</param>
public sealed record Input(string Name, string Yaml, int Items, int Points)
{
    /// <summary>Counts the items and points of <paramref name="yaml"/>.</summary>
    public static Input Of(string name, string yaml)
    {
        var document = MinutesParser.Parse(yaml).Document ?? throw new InvalidOperationException(name + " does not parse");
        return new Input(name, yaml, document.Agenda.Count, document.Agenda.Sum(item => Count(item.Points)));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static int Count(IReadOnlyList<Point> points) => points.Sum(point => 1 + point switch
    {
        StatementPoint statement => Count(statement.Points),
        TopicPoint topic => Count(topic.Points),
        _ => 0,
    });
}
