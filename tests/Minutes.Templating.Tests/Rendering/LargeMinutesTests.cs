using Minutes.Templating.Benchmarks;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Xunit.Abstractions;

namespace Minutes.Templating.Tests.Rendering;

/// <summary>
/// The largest valid minutes never reach a render limit: the limits count work, not time, so a busy machine
/// (here 8 renderings at once) renders them as a quiet one does.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LargeMinutesTests(ITestOutputHelper output)
{
    [Fact]
    public void Eight_renderings_at_once_of_the_largest_minutes_all_succeed()
    {
        var yaml = SeedInputs.Largest();
        output.WriteLine($"{yaml.Length:N0} characters, {SeedInputs.CountItems(yaml):N0} agenda items");
        var parsed = MinutesParser.Parse(yaml, "largest.yaml");
        Assert.False(parsed.HasErrors, string.Join('\n', parsed.Diagnostics));
        var templates = WordTemplate.BuiltInNames.Select(WordTemplate.BuiltIn).ToList();

        var results = new RenderResult[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, i =>
            results[i] = templates[i % templates.Count].Render(parsed.Document!, new RenderOptions { Mode = i % 2 == 0 ? RenderMode.Internal : RenderMode.Publication }));

        foreach (var result in results)
        {
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        }
    }
}
