using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Engine;

namespace Minutes.Templating.Tests.Diagnostics;

/// <summary>
/// The catalogue of codes (<see cref="DiagnosticCodes"/>) and its page, <c>docs/diagnostics.md</c>, agree: every code
/// has a section with an example and a fix, and every example, run, gives exactly the output the page shows.
/// </summary>
/// <remarks>
/// A section's fenced blocks are named by the word after their language: <c>minutes.yaml</c> (minutes),
/// <c>labels.yaml</c> (a template's labels file), <c>house.docx</c> (a template: with language <c>text</c>, the
/// lines of its body, one paragraph each; otherwise the file's bytes as they are), <c>publication.docx</c> (the same,
/// rendered as the publication version), and <c>output</c> (the
/// diagnostics, one a line, in order). Any other name is a file beside the minutes (a picture, say): with language
/// <c>base64</c> its bytes, otherwise its text. A block named <c>call</c> instead holds the library call
/// <c>MinutesParser.ParseFile("minutes.yaml")</c>, made in an empty folder.
/// </remarks>
public sealed partial class DiagnosticCatalogueTests
{
    private const string Minimal = "minutes: 1\nmeeting:\n  body: Harbour Trust Board\n  date: 2024-03-14\nagenda:\n  - title: Opening\n";

    private static readonly Lazy<Dictionary<string, Section>> Page = new(ReadPage);

    public static TheoryData<string> Codes() => [.. Catalogue().Select(c => c.Code)];

    [Fact]
    public void Codes_are_unique_well_formed_and_in_order()
    {
        var codes = Catalogue().Select(c => c.Code).ToList();
        Assert.All(codes, c => Assert.Matches("^MT[1-9][0-9]{3}$", c));
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public void The_page_documents_the_catalogue_and_nothing_else()
    {
        Assert.Equal(Catalogue().Select(c => c.Code), Page.Value.Keys);
    }

    [Fact]
    public void No_code_is_written_out_in_the_library_outside_the_catalogue()
    {
        var source = Path.Combine(Repository.Root, "src");
        var strays = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("DiagnosticCodes.cs", StringComparison.Ordinal))
            .SelectMany(f => CodeLiteral().Matches(File.ReadAllText(f)).Select(m => Path.GetRelativePath(source, f) + ": " + m.Value))
            .ToList();
        Assert.Empty(strays);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_has_an_example_that_gives_the_output_shown_and_a_fix(string code)
    {
        var section = Page.Value[code];
        Assert.Contains("**Fix:**", section.Text, StringComparison.Ordinal);
        Assert.True(section.Blocks.ContainsKey("output"), $"{code}: the section shows no output");
        Assert.Contains(section.Blocks.Keys, k => k != "output");

        var expected = section.Blocks["output"].Text.TrimEnd('\n').Split('\n');
        var actual = Run(section).Select(d => d.ToString()).ToArray();

        Assert.Equal(expected, actual);
        Assert.All(actual, line => Assert.EndsWith($"[{code}]", line, StringComparison.Ordinal));
    }

    private static IReadOnlyList<Diagnostic> Run(Section section)
    {
        var minutes = section.Blocks.TryGetValue("minutes.yaml", out var yaml) ? yaml.Text : null;
        string[] known = ["call", "minutes.yaml", "house.docx", "publication.docx", "labels.yaml", "output"];
        if (section.Blocks.TryGetValue("call", out var call))
        {
            Assert.Contains("MinutesParser.ParseFile(\"minutes.yaml\")", call.Text, StringComparison.Ordinal);
            using var empty = new Cli.TempDirectory();
            return [.. MinutesParser.ParseFile(empty["minutes.yaml"]).Diagnostics.Select(d => d with { Location = d.Location with { File = "minutes.yaml" } })];
        }

        if (section.Blocks.Keys.Except(known).Any())
        {
            using var folder = new Cli.TempDirectory();
            foreach (var (name, block) in section.Blocks.Where(b => !known.Contains(b.Key)))
            {
                File.WriteAllBytes(folder.Write(name, string.Empty), block.Language == "base64" ? Convert.FromBase64String(block.Text.Trim()) : Encoding.UTF8.GetBytes(block.Text));
            }

            var path = folder.Write("minutes.yaml", minutes!);
            return [.. MinutesParser.Parse(minutes!, path).Diagnostics.Select(d => d with { Location = d.Location with { File = "minutes.yaml" } })];
        }

        var publication = section.Blocks.TryGetValue("publication.docx", out var house);
        if (!publication && !section.Blocks.TryGetValue("house.docx", out house) && !section.Blocks.ContainsKey("labels.yaml"))
        {
            return MinutesParser.Parse(minutes!, "minutes.yaml").Diagnostics;
        }

        var bytes = house is null
            ? new TemplateBuilder().Lines("{{ labels.present }}").ToPackage()
            : house.Language == "text"
                ? new TemplateBuilder().Lines(house.Text.TrimEnd('\n').Split('\n')).ToPackage()
                : Encoding.UTF8.GetBytes(house.Text);
        using var stream = new MemoryStream(bytes);
        using var labels = section.Blocks.TryGetValue("labels.yaml", out var labelsBlock) ? new MemoryStream(Encoding.UTF8.GetBytes(labelsBlock.Text)) : null;
        var template = WordTemplate.Load(stream, "house.docx", labels, "labels.yaml");
        if (template.HasErrors)
        {
            return template.Diagnostics;
        }

        var parsed = MinutesParser.Parse(minutes ?? Minimal, "minutes.yaml");
        Assert.False(parsed.HasErrors, string.Join('\n', parsed.Diagnostics));
        return template.Render(parsed.Document!, new RenderOptions { Mode = publication ? RenderMode.Publication : RenderMode.Internal }).Diagnostics;
    }

    private static IReadOnlyList<(string Name, string Code)> Catalogue() =>
        [.. typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
            .OrderBy(c => c.Item2, StringComparer.Ordinal)];

    private static Dictionary<string, Section> ReadPage()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md")).ReplaceLineEndings("\n");
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var part in text.Split("\n## ").Skip(1))
        {
            var heading = part[..part.IndexOf('\n', StringComparison.Ordinal)].Trim();
            var blocks = new Dictionary<string, Block>(StringComparer.Ordinal);
            foreach (Match m in Fence().Matches(part))
            {
                blocks.Add(m.Groups["name"].Value, new Block(m.Groups["language"].Value, m.Groups["text"].Value));
            }

            sections.Add(heading, new Section(part, blocks));
        }

        return sections;
    }

    [GeneratedRegex(@"^```(?<language>\w+) (?<name>[\w.]+)\n(?<text>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex("\"MT[0-9]{4}\"")]
    private static partial Regex CodeLiteral();

    private sealed record Block(string Language, string Text);

    private sealed record Section(string Text, IReadOnlyDictionary<string, Block> Blocks);
}
