using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Tests.Rendering;

/// <summary>A template is compiled once and then shared: rendering from many threads gives the same document as from one.</summary>
public sealed class ConcurrentRenderingTests
{
    [Fact]
    public void One_template_renders_identical_bytes_from_many_threads()
    {
        var minutes = MinutesParser.ParseFile(Path.Combine(Repository.Root, "examples", "lrt-2023-04-21.yaml")).Document!;
        var publication = new RenderOptions { Mode = RenderMode.Publication, Language = "en" };
        var template = WordTemplate.BuiltIn("verslag");
        var expectedInternal = template.Render(minutes).ToArray();
        var expectedPublication = template.Render(minutes, publication).ToArray();
        Assert.NotEqual(expectedInternal, expectedPublication);

        var results = new byte[16][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = template.Render(minutes, i % 2 == 0 ? null : publication).ToArray());

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? expectedInternal : expectedPublication, results[i]);
        }
    }
}
