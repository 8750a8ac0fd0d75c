using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;
using Minutes.Templating.Parsing;

namespace Minutes.Templating.Tests.Parsing;

/// <summary>Helpers shared by the parser tests.</summary>
internal static class ParserAssert
{
    /// <summary>The smallest valid head of a minutes file; tests append their own keys.</summary>
    public const string MinimalHead = """
        meeting:
          body: Board
          date: 2024-01-15

        """;

    /// <summary>Parses YAML that must be valid and returns the document.</summary>
    public static MinutesDocument Valid(string yaml)
    {
        var result = MinutesParser.Parse(yaml, "test.yaml");
        Assert.True(!result.HasErrors, "unexpected diagnostics:\n" + string.Join('\n', result.Diagnostics));
        Assert.NotNull(result.Document);
        return result.Document;
    }

    /// <summary>Parses YAML with exactly one diagnostic and checks its code and position.</summary>
    public static Diagnostic Single(string yaml, string code, int line, int column)
    {
        var result = MinutesParser.Parse(yaml, "test.yaml");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((code, line, column), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal("test.yaml", diagnostic.Location.File);
        return diagnostic;
    }

    /// <summary>Reads the first agenda item's points from a document with one item.</summary>
    public static IReadOnlyList<Point> Points(string pointsYaml)
    {
        var indented = string.Join('\n', pointsYaml.Split('\n').Select(l => "      " + l));
        var document = Valid(MinimalHead + "agenda:\n  - title: Item\n    points:\n" + indented + "\n");
        return document.Agenda[0].Points;
    }

    /// <summary>The sample minutes kept with the parser tests.</summary>
    public static string SamplePath(string name) =>
        Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "Parsing", "Samples", name);
}
