using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Snapshots;

namespace Minutes.Templating.Tests.Snapshots;

/// <summary>
/// Locks down what every built-in template makes of every example, in every rendering mode: a change to a template,
/// an example or the engine that alters a document fails here with the lines that changed.
/// </summary>
public sealed class RenderingSnapshotTests
{
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

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Rendering_matches_its_snapshot(string template, string example, RenderMode mode)
    {
        var parsed = MinutesParser.ParseFile(Path.Combine(Repository.Root, "examples", example + ".yaml"));
        Assert.False(parsed.HasErrors, string.Join('\n', parsed.Diagnostics));
        var result = WordTemplate.BuiltIn(template).Render(parsed.Document!, new RenderOptions { Mode = mode });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        TextSnapshot.Match(DocxSnapshot.ToText(result.ToArray()), $"render.{template}.{example}.{mode.ToString().ToLowerInvariant()}");
    }
}
