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

    /// <summary>
    /// Each hostile template stops with MT2006, naming the limit it reached, the limit's value and how to raise
    /// it, at the tag that reached it, with the default limits (how fast each stops is measured by tests/hostile).
    /// </summary>
    [Theory]
    [InlineData("{{ s = 'x'; for i in 1..100000; s = s + s; end }}", "string-size", "1,048,576 characters")]
    [InlineData("{{ s = 'x'; for i in 1..100000 }}{{ capture s }}{{ s }}{{ s }}{{ end }}{{ end }}", "string-size", "1,048,576 characters")]
    [InlineData("{{ s = 'x'; for i in 1..100000 }}{{ capture s }}{{ s }}x{{ end }}{{ end }}", "work", WorkLimit)]
    [InlineData("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}", "regex-time", "1 s")]
    [InlineData("{{ func f(n) }}{{ ret f(n + 1) }}{{ end }}{{ f(1) }}", "recursion-depth", "64 nested calls")]
    [InlineData("{{ while true }}{{ end }}", "loop-iterations", "100,000 iterations")]
    [InlineData("{{ while true }}x{{ end }}", "loop-iterations", "100,000 iterations")]
    [InlineData("{{ for i in 1..1000000 }}{{ i }}{{ end }}", "loop-iterations", "100,000 iterations")]
    [InlineData("{{ for i in 1..99999; for j in 1..99999; end; end }}", "loop-iterations", "100,000 iterations")]
    [InlineData("{{ n = 0; for i in 1..90000; n = n + i * 2 - 1; end; for i in 1..90000; n = n + i * 2 - 1; end; for i in 1..90000; n = n + i * 2 - 1; end }}", "work", WorkLimit)]
    public void A_hostile_template_stops_at_the_limit_it_reached(string tag, string limit, string value)
    {
        var problem = Single(new TemplateBuilder().Lines("Voor:", tag));

        Assert.Equal(("MT2006", 2), (problem.Code, problem.Location.Line));
        Assert.Contains($"the limit {limit} is {value}; raise it with --limit {limit}=", problem.Message, StringComparison.Ordinal);
        Assert.Contains("or RenderLimits." + RenderLimitsProperty(limit), problem.Message, StringComparison.Ordinal);
    }

    private const string WorkLimit = "1,000,000 steps, and 1 more for each 8 characters written";

    private static string RenderLimitsProperty(string limit) => string.Concat(limit.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    [Fact]
    public void A_loop_past_a_lowered_loop_limit_stops_at_its_tag()
    {
        var template = new TemplateBuilder().Lines("{{ for i in 1..1000 }}", "regel {{ i }}", "{{ end }}");

        var problem = Single(template, new RenderOptions { Limits = RenderLimits.Default with { LoopIterations = 100 } });

        Assert.Equal(("MT2006", 1), (problem.Code, problem.Location.Line));
        Assert.Contains("the limit loop-iterations is 100 iterations", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recursion_past_a_lowered_limit_stops_with_an_error()
    {
        var template = new TemplateBuilder().Lines("{{ func f(n) }}{{ if n < 30 }}{{ ret f(n + 1) }}{{ end }}{{ ret n }}{{ end }}{{ f(1) }}");

        Assert.Equal(["30"], Rendered.From(template).Lines);
        var problem = Single(template, new RenderOptions { Limits = RenderLimits.Default with { RecursionDepth = 20 } });
        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("the limit recursion-depth is 20 nested calls", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Work_past_a_lowered_work_limit_stops_and_a_raised_one_lets_it_through()
    {
        var template = new TemplateBuilder().Lines("Som: {{ n = 0; for i in 1..300; for j in 1..300; n = n + 1; end; end; n }}");

        Assert.Equal(["Som: 90000"], Rendered.From(template).Lines);
        var problem = Single(template, new RenderOptions { Limits = RenderLimits.Default with { Work = 10_000 } });
        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("the limit work is 10,000 steps, and 1 more for each 8 characters written", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_a_large_document_raises_the_work_allowed()
    {
        // Each iteration takes a few steps and writes the template's own text, 100 characters, which allows 12 more.
        var text = string.Concat(Enumerable.Repeat("abcdefghij", 10));
        var template = new TemplateBuilder().Lines("{{ for i in 1..5000 }}" + text + "{{ end }}");
        var lowered = new RenderOptions { Limits = RenderLimits.Default with { Work = 10_000 } };

        Assert.Equal(500_000, Rendered.From(template, options: lowered).Lines.Single().Length);
        var computing = new TemplateBuilder().Lines("{{ for i in 1..5000; x = i + 1; end }}");
        Assert.Equal("MT2006", Single(computing, lowered).Code);
    }

    [Fact]
    public void A_rendering_past_the_time_limit_stops_with_an_error()
    {
        // Inside a line of text, so that the loop writes nothing (no iteration marker either) and only the time can
        // stop it: a loop of its own paragraph would reach output-size first whenever the timer fires late.
        var template = new TemplateBuilder().Lines("Before {{ for i in 1..100000000 }}{{ end }} after");
        var limits = RenderLimits.Default with { LoopIterations = int.MaxValue, Work = long.MaxValue, Time = TimeSpan.FromMilliseconds(50) };

        var problem = Single(template, new RenderOptions { Limits = limits });

        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("the limit time is 50 ms; raise it with --limit time=", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_limits_of_version_1_still_set_the_render_limits()
    {
#pragma warning disable CS0618 // The properties of version 1.0 are kept working beside RenderLimits.
        var options = new RenderOptions { TimeLimit = TimeSpan.FromSeconds(5), LoopLimit = 7, RecursionLimit = 8, OutputLimit = 9, StringLimit = 10, RegexTimeLimit = TimeSpan.FromMilliseconds(11) };
        Assert.Equal((5000.0, 7, 8, 9, 10, 11.0), (options.TimeLimit.TotalMilliseconds, options.LoopLimit, options.RecursionLimit, options.OutputLimit, options.StringLimit, options.RegexTimeLimit.TotalMilliseconds));
#pragma warning restore CS0618
        var expected = RenderLimits.Default with { Time = TimeSpan.FromSeconds(5), LoopIterations = 7, RecursionDepth = 8, OutputSize = 9, StringSize = 10, RegexTime = TimeSpan.FromMilliseconds(11) };
        Assert.Equal(expected, options.Limits);

#pragma warning disable CS0618
        var problem = Single(new TemplateBuilder().Lines("{{ for i in 1..1000 }}{{ i }}{{ end }}"), new RenderOptions { LoopLimit = 100 });
#pragma warning restore CS0618
        Assert.Contains("the limit loop-iterations is 100 iterations", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("work", 5, "Work")]
    [InlineData("loop-iterations", 5, "LoopIterations")]
    [InlineData("recursion-depth", 5, "RecursionDepth")]
    [InlineData("string-size", 5, "StringSize")]
    [InlineData("output-size", 5, "OutputSize")]
    [InlineData("regex-time", 5, "RegexTime")]
    [InlineData("time", 5, "Time")]
    public void Each_limit_is_set_by_its_name(string name, long value, string property)
    {
        var limits = RenderLimits.Default.With(name, value);

        var changed = typeof(RenderLimits).GetProperties().Where(p => p.GetMethod!.IsStatic is false && p.GetMethod.IsPublic && !Equals(p.GetValue(limits), p.GetValue(RenderLimits.Default))).Select(p => p.Name);
        Assert.Equal([property], changed);
        Assert.Contains(name, RenderLimits.Names);
    }

    [Fact]
    public void An_unknown_limit_or_a_value_that_does_not_fit_is_refused()
    {
        var unknown = Assert.Throws<ArgumentException>(() => RenderLimits.Default.With("loops", 5));
        Assert.Contains("work, loop-iterations, recursion-depth, string-size, output-size, regex-time, time", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => RenderLimits.Default.With("work", 0));
        Assert.Throws<OverflowException>(() => RenderLimits.Default.With("string-size", long.MaxValue));
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
        Assert.Contains("the limit string-size is 1,048,576 characters", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_limit_can_be_raised()
    {
        var template = new TemplateBuilder().Lines("{{ s = 'x'; for i in 1..21; s = s + s; end }}", "{{ s | string.size }}");

        Assert.NotEmpty(Rendered.Problems(template));
        var rendered = Rendered.From(template, options: new RenderOptions { Limits = RenderLimits.Default with { StringSize = 4 * 1024 * 1024 } });
        Assert.Equal(["2097152"], rendered.Lines);
    }

    [Fact]
    public void A_regular_expression_that_backtracks_without_end_stops_at_a_lowered_regex_time_limit()
    {
        var template = new TemplateBuilder().Lines("{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}");

        var problem = Single(template, new RenderOptions { Limits = RenderLimits.Default with { RegexTime = TimeSpan.FromMilliseconds(100) } });

        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("the limit regex-time is 100 ms", problem.Message, StringComparison.Ordinal);
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
