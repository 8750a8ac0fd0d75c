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

        Assert.Equal(("MT2008", 1), (problem.Code, problem.Location.Line));
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
    public void Include_cannot_read_files_and_is_found_at_load()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "geheim");
            var template = new TemplateBuilder().Lines("{{ include '" + path.Replace("\\", "/", StringComparison.Ordinal) + "' }}").Load();

            var problem = Assert.Single(template.Diagnostics);
            Assert.Equal(("MT2008", 1), (problem.Code, problem.Location.Line));
            Assert.Contains("cannot read files", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{{ math.random 1 10 }}", "math.random")]
    [InlineData("{{ math.uuid }}", "math.uuid")]
    [InlineData("{{ date.now }}", "date.now")]
    [InlineData("{{ date.utc_now }}", "date.utc_now")]
    [InlineData("{{ object.eval '1 + 1' }}", "object.eval")]
    public void Functions_whose_result_changes_between_runs_or_that_run_text_are_not_available_and_found_at_load(string tag, string name)
    {
        var problem = Assert.Single(new TemplateBuilder().Lines(tag).Load().Diagnostics);

        Assert.Equal("MT2008", problem.Code);
        Assert.Contains($"'{name}' is not available to templates", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ agenda | array.sise }}", "did you mean 'size'?")]
    [InlineData("{{ meeting.date | date.to_strin '%d' }}", "did you mean 'to_string'?")]
    [InlineData("{{ $env.HOME }}", "'$env' is not set here")]
    public void Misspelt_functions_and_unset_variables_are_found_at_load(string tag, string expected)
    {
        var problem = Assert.Single(new TemplateBuilder().Lines("Datum:", tag).Load().Diagnostics);

        Assert.Equal(("MT2008", 2), (problem.Code, problem.Location.Line));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_past_the_string_limit_is_an_error_not_a_silent_cut()
    {
        var template = new TemplateBuilder().Lines("{{ s = 'x'; for i in 1..40; s = s + s; end; s | string.size }}");

        var problem = Single(template);

        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("LimitToString `1048576`", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_limit_can_be_raised()
    {
        var template = new TemplateBuilder().Lines("{{ s = 'x'; for i in 1..21; s = s + s; end }}", "{{ s | string.size }}");

        Assert.NotEmpty(Rendered.Problems(template));
        var rendered = Rendered.From(template, options: new RenderOptions { StringLimit = 4 * 1024 * 1024 });
        Assert.Equal(["2097152"], rendered.Lines);
    }

    [Fact]
    public void A_regular_expression_that_backtracks_without_end_stops_at_the_regex_time_limit()
    {
        var template = new TemplateBuilder().Lines("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}");

        var problem = Single(template, new RenderOptions { RegexTimeLimit = TimeSpan.FromMilliseconds(100) });

        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("timed out", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ meeting.body.inlines }}", 17)]
    [InlineData("{{ meeting.body.is_empty }}", 17)]
    [InlineData("{{ meeting.body.Inlines }}", 17)]
    [InlineData("{{ agenda[0].title.has_redactions }}", 20)]
    [InlineData("{{ meeting.date.get_type }}", 17)]
    public void Members_of_the_NET_values_behind_the_model_are_not_reachable_and_found_at_load(string tag, int column)
    {
        var problem = Assert.Single(new TemplateBuilder().Lines(tag).Load().Diagnostics);

        Assert.Equal(("MT2008", "document", 1, column), (problem.Code, problem.Location.Part, problem.Location.Line, problem.Location.Column));
        Assert.Contains("which has no name", problem.Message, StringComparison.Ordinal);
    }
}
