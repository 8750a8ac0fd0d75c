using Minutes.Templating.Rendering;
using Xunit.Abstractions;

namespace Minutes.Templating.Tests.Engine;

/// <summary>What a template cannot do: read the clock or files, loop forever, reach .NET.</summary>
public sealed class SafetyTests(ITestOutputHelper output)
{
    private Minutes.Templating.Diagnostics.Diagnostic Single(TemplateBuilder template, RenderOptions? options = null)
    {
        var problems = Rendered.Problems(template, options: options);
        foreach (var problem in problems)
        {
            output.WriteLine(problem.ToString());
        }

        return Assert.Single(problems);
    }

    [Fact]
    public void The_clock_is_not_available()
    {
        var problem = Single(new TemplateBuilder().Lines("Gemaakt op {{ date.now }}"));

        Assert.Equal(("MT2005", 1), (problem.Code, problem.Location.Line));
    }

    [Fact]
    public void A_loop_past_the_loop_limit_stops_with_an_error()
    {
        var template = new TemplateBuilder().Lines("{{ for i in 1..1000000 }}", "regel {{ i }}", "{{ end }}");

        var problem = Single(template, new RenderOptions { LoopLimit = 100 });

        Assert.Equal(("MT2006", 1), (problem.Code, problem.Location.Line));
        Assert.Contains("LoopLimit `100`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_loop_past_the_loop_limit_stops_with_an_error()
    {
        var problem = Single(new TemplateBuilder().Lines("{{ while true }}x{{ end }}"), new RenderOptions { LoopLimit = 100 });

        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("limit `100`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recursion_past_the_limit_stops_with_an_error()
    {
        var template = new TemplateBuilder().Lines("{{ func f(n) }}{{ ret f(n + 1) }}{{ end }}{{ f(1) }}");

        var problem = Single(template, new RenderOptions { RecursionLimit = 20 });

        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("limit `20`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rendering_past_the_time_limit_stops_with_an_error()
    {
        var template = new TemplateBuilder().Lines("{{ for i in 1..100000000 }}{{ end }}");

        var problem = Single(template, new RenderOptions { LoopLimit = int.MaxValue, TimeLimit = TimeSpan.FromMilliseconds(50) });

        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("took longer than the limit", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_cannot_read_files()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "geheim");
            var problem = Single(new TemplateBuilder().Lines("{{ include '" + path.Replace("\\", "/", StringComparison.Ordinal) + "' }}"));

            Assert.Equal("MT2005", problem.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{{ meeting.body.inlines }}")]
    [InlineData("{{ meeting.body.is_empty }}")]
    [InlineData("{{ meeting.body.Inlines }}")]
    [InlineData("{{ agenda[0].title.has_redactions }}")]
    [InlineData("{{ meeting.date.get_type }}")]
    public void Members_of_the_NET_values_behind_the_model_are_not_reachable(string tag)
    {
        var problem = Single(new TemplateBuilder().Lines(tag));

        Assert.Equal("MT2005", problem.Code);
    }
}
