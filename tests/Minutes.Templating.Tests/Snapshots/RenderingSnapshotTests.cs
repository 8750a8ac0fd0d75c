using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Snapshots;

namespace Minutes.Templating.Tests.Snapshots;

/// <summary>
/// Locks down what every built-in template makes of every example, in every rendering mode, in snapshots a reviewer
/// reads: the outline (what a reader sees) of every rendering, and the full normalised package parts once per template
/// (the seed's internal rendering). Where two renderings must be the same document, the test says so instead of
/// keeping two files. A change to a template, an example or the engine fails here with the lines that changed.
/// </summary>
public sealed class RenderingSnapshotTests
{
    /// <summary>The example whose rendering's parts are kept whole for each template.</summary>
    private const string Seed = "lrt-2023-04-21";

    public static TheoryData<string, string, RenderMode> Renderings()
    {
        var data = new TheoryData<string, string, RenderMode>();
        foreach (var template in WordTemplate.BuiltInNames)
        {
            foreach (var example in Repository.Examples())
            {
                foreach (var mode in Enum.GetValues<RenderMode>())
                {
                    data.Add(template, Path.GetFileNameWithoutExtension(example), mode);
                }
            }
        }

        return data;
    }

    public static TheoryData<string> Templates() => [.. WordTemplate.BuiltInNames];

    /// <summary>
    /// Every rendering's outline is snapshotted, except a publication that must be the internal version itself: that
    /// one is asserted equal, byte for byte, to the internal rendering.
    /// </summary>
    [Theory]
    [MemberData(nameof(Renderings))]
    public void Rendering_outline_matches_its_snapshot(string template, string example, RenderMode mode)
    {
        var rendered = Render(template, File.ReadAllText(ExamplePath(example)), mode);
        if (mode == RenderMode.Publication && WithholdsNothing(example))
        {
            var internalVersion = Render(template, File.ReadAllText(ExamplePath(example)), RenderMode.Internal);
            Assert.Equal(DocxSnapshot.ToText(internalVersion), DocxSnapshot.ToText(rendered));
            Assert.Equal(internalVersion, rendered);
            Assert.False(File.Exists(TextSnapshot.PathOf(OutlineName(template, example, mode))), "a publication equal to the internal version keeps no snapshot of its own");
            return;
        }

        TextSnapshot.Match(DocxSnapshot.Outline(rendered), OutlineName(template, example, mode));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Rendering_parts_match_their_snapshot(string template)
    {
        var rendered = Render(template, File.ReadAllText(ExamplePath(Seed)), RenderMode.Internal);
        TextSnapshot.Match(DocxSnapshot.Parts(rendered), $"parts.{template}");
    }

    /// <summary>The outline and the parts together are the whole canonical text: nothing falls between them.</summary>
    [Fact]
    public void Outline_and_parts_together_are_the_whole_text()
    {
        var rendered = Render("verslag", File.ReadAllText(ExamplePath(Seed)), RenderMode.Internal);
        Assert.Equal(DocxSnapshot.ToText(rendered), DocxSnapshot.Outline(rendered) + DocxSnapshot.Parts(rendered));
    }

    /// <summary>One character changed in an example shows as exactly the outline lines holding it, old and new.</summary>
    [Fact]
    public void A_one_character_change_in_an_example_fails_with_a_readable_diff()
    {
        var yaml = File.ReadAllText(ExamplePath(Seed));
        Assert.Contains("Opening en mededelingen", yaml, StringComparison.Ordinal);
        var changed = Render("verslag", yaml.Replace("Opening en mededelingen", "Opening en mededelingem", StringComparison.Ordinal), RenderMode.Internal);

        var diff = TextSnapshot.Diff(File.ReadAllText(TextSnapshot.PathOf(OutlineName("verslag", Seed, RenderMode.Internal))), DocxSnapshot.Outline(changed));

        AssertOnlyReplaced(diff, "mededelingen", "mededelingem");
    }

    /// <summary>One character changed in a template's styles (a font size) shows in the parts snapshot, in its part.</summary>
    [Fact]
    public void A_one_character_change_in_a_template_fails_with_a_readable_diff()
    {
        var folder = Path.Combine(Repository.Root, "templates", "verslag");
        var xml = File.ReadAllText(Path.Combine(folder, "verslag.xml"));
        var at = xml.IndexOf("<w:sz w:val=\"18\"/>", StringComparison.Ordinal);
        Assert.True(at > 0, "the template sets a font size of 9 pt");
        xml = xml[..at] + "<w:sz w:val=\"19\"/>" + xml[(at + "<w:sz w:val=\"18\"/>".Length)..];

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        using var labels = File.OpenRead(Path.Combine(folder, "verslag.labels.yaml"));
        var template = WordTemplate.Load(stream, "verslag", labels);
        Assert.False(template.HasErrors, string.Join('\n', template.Diagnostics));
        var parsed = MinutesParser.Parse(File.ReadAllText(ExamplePath(Seed)), "minutes.yaml");
        var changed = template.Render(parsed.Document!).ToArray();

        var diff = TextSnapshot.Diff(File.ReadAllText(TextSnapshot.PathOf("parts.verslag")), DocxSnapshot.Parts(changed));

        AssertOnlyReplaced(diff, "w:val=\"18\"", "w:val=\"19\"");
        Assert.Single(diff.Split('\n'), l => l.StartsWith("- ", StringComparison.Ordinal));
        Assert.StartsWith("@@ # Part /word/", diff, StringComparison.Ordinal);
    }

    /// <summary>
    /// The diff is not empty, names the section it is in, and its removed lines, with <paramref name="old"/> replaced by
    /// <paramref name="new"/>, are exactly its added lines.
    /// </summary>
    private static void AssertOnlyReplaced(string diff, string old, string @new)
    {
        var lines = diff.Split('\n');
        var removed = lines.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        var added = lines.Where(l => l.StartsWith("+ ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        Assert.NotEmpty(removed);
        Assert.All(removed, l => Assert.Contains(old, l, StringComparison.Ordinal));
        Assert.Equal(removed.Select(l => l.Replace(old, @new, StringComparison.Ordinal)), added);
        Assert.StartsWith("@@ # ", diff, StringComparison.Ordinal);
    }

    /// <summary>
    /// Minutes that mark nothing for redaction (no <c>redact:</c> and no <c>[[text|ground]]</c> span) have nothing to
    /// withhold: their publication must be the internal version itself.
    /// </summary>
    private static bool WithholdsNothing(string example)
    {
        var yaml = File.ReadAllText(ExamplePath(example));
        return !yaml.Contains("redact:", StringComparison.Ordinal) && !yaml.Contains("[[", StringComparison.Ordinal);
    }

    private static string OutlineName(string template, string example, RenderMode mode) =>
        $"outline.{template}.{example}.{mode.ToString().ToLowerInvariant()}";

    private static string ExamplePath(string example) => Path.Combine(Repository.Root, "examples", example + ".yaml");

    private static byte[] Render(string template, string yaml, RenderMode mode)
    {
        // Named as a file in the examples' folder, so the pictures the examples show are found.
        var parsed = MinutesParser.Parse(yaml, Path.Combine(Repository.Root, "examples", "minutes.yaml"));
        Assert.False(parsed.HasErrors, string.Join('\n', parsed.Diagnostics));
        var result = WordTemplate.BuiltIn(template).Render(parsed.Document!, new RenderOptions { Mode = mode });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result.ToArray();
    }
}
