using System.Globalization;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Engine;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Rendering;

/// <summary>
/// The organisation's own template functions (<c>house.NAME</c>): registered at load, known to the name checker, called
/// with plain values and printed as escaped text; whatever goes wrong in them is a diagnostic at the tag.
/// </summary>
public sealed class HouseFunctionTests
{
    /// <summary>The Dutch government's fiscal year is the calendar year; this one runs from April, as many organisations' do.</summary>
    private static readonly TemplateFunction FiscalYear = new()
    {
        Name = "fiscal_year",
        Parameters = ["date"],
        Body = arguments => arguments.Date(0) is var date && date.Month >= 4
            ? string.Create(CultureInfo.InvariantCulture, $"FY {date.Year}/{date.Year + 1 - 2000}")
            : string.Create(CultureInfo.InvariantCulture, $"FY {date.Year - 1}/{date.Year - 2000}"),
    };

    private static readonly TemplateFunction Shout = new()
    {
        Name = "shout",
        Parameters = ["text"],
        Body = arguments => arguments.Text(0).ToUpperInvariant(),
    };

    private static WordTemplate Load(TemplateBuilder template, params TemplateFunction[] functions)
    {
        using var stream = new MemoryStream(template.ToPackage());
        return WordTemplate.Load(stream, "template.docx", null, null, new TemplateOptions { Functions = functions });
    }

    [Fact]
    public void A_registered_function_is_called_with_the_template_values_and_its_result_printed()
    {
        var template = Load(new TemplateBuilder().Lines("Year: {{ house.fiscal_year meeting.date }}", "{{ meeting.body | house.shout }}"), FiscalYear, Shout);

        var rendered = Rendered.From(template, Samples.Minutes());

        Assert.Equal(["Year: FY 2023/24", Samples.Minutes().Meeting.Body.ToString().ToUpperInvariant()], rendered.Lines);
    }

    [Fact]
    public void Its_result_is_text_escaped_like_any_value_never_markup()
    {
        var markup = new TemplateFunction { Name = "markup", Body = _ => "</w:t></w:r><w:r><w:t>injected & <b>" };
        var template = Load(new TemplateBuilder().Lines("{{ house.markup }}"), markup);

        var rendered = Rendered.From(template, Samples.Minutes());

        Assert.Equal(["</w:t></w:r><w:r><w:t>injected & <b>"], rendered.Lines);
    }

    [Fact]
    public void A_misspelt_function_is_an_error_at_load_with_a_suggestion()
    {
        var template = Load(new TemplateBuilder().Lines("{{ for item in agenda }}{{ house.fiscal_yaer meeting.date }}{{ end }}"), FiscalYear, Shout);

        var problem = Assert.Single(template.Diagnostics);

        Assert.Equal((DiagnosticCodes.UnknownName, "template.docx", "document", 1), (problem.Code, problem.Location.File, problem.Location.Part, problem.Location.Line));
        Assert.Contains("'house.fiscal_yaer' is not a house function registered for this template; did you mean 'fiscal_year'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_registered_functions_house_is_an_error_that_says_how_functions_are_registered()
    {
        var template = new TemplateBuilder().Lines("{{ house.fiscal_year meeting.date }}").Load();

        var problem = Assert.Single(template.Diagnostics);

        Assert.Equal(DiagnosticCodes.UnknownName, problem.Code);
        Assert.Contains("TemplateOptions.Functions", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_has_no_name_house_functions_could_clash_with()
    {
        Assert.DoesNotContain(Templating.TemplateModel.ModelNames.Root.Members, m => m.Name == "house");
        Assert.False(Templating.Engine.WordFunctions.Builtins.ContainsKey("house"));
    }

    [Theory]
    [InlineData("{{ house.fiscal_year meeting.body }}", "argument 1 of house.fiscal_year must be a date, not text")]
    [InlineData("{{ house.fiscal_year meeting }}", "argument 1 of house.fiscal_year is an object")]
    [InlineData("{{ house.fiscal_year agenda[0].points[0] }}", "argument 1 of house.fiscal_year is an object")]
    [InlineData("{{ house.fiscal_year }}", "Invalid number of arguments")]
    [InlineData("{{ house.failing }}", "house.failing failed: the register is closed")]
    [InlineData("{{ house.engine }}", "house.engine gave a value of type Object; a house function gives text, a number")]
    public void What_goes_wrong_in_a_function_is_a_runtime_error_at_its_tag(string tag, string message)
    {
        var failing = new TemplateFunction { Name = "failing", Body = _ => throw new InvalidOperationException("the register is closed") };
        var engine = new TemplateFunction { Name = "engine", Body = _ => new object() };
        var template = Load(new TemplateBuilder().Lines("Before", tag), FiscalYear, failing, engine);
        Assert.Empty(template.Diagnostics);

        var result = template.Render(Samples.Minutes());

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.TemplateRuntimeError, "document", 2), (problem.Code, problem.Location.Part, problem.Location.Line));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_go_in_as_lists_of_plain_values_and_come_out_as_lists_templates_loop_over()
    {
        var initials = new TemplateFunction
        {
            Name = "initials",
            Parameters = ["names"],
            Body = arguments => arguments.List(0).Select(n => ((string)n!)[..1]).ToList(),
        };
        var template = Load(new TemplateBuilder().Lines("{{ for letter in house.initials ['Ann', 'Bob'] }}[{{ letter }}]{{ end }}", "{{ house.initials(agenda[0].documents) | array.size }}"), initials);
        var minutes = Samples.Minutes() with { Agenda = [Samples.Minutes().Agenda[0] with { Documents = [Model.InlineText.Plain("Report"), Model.InlineText.Plain("Annex")] }] };

        var rendered = Rendered.From(template, minutes);

        Assert.Equal(["[A][B]", "2"], rendered.Lines);
    }

    [Fact]
    public void In_a_publication_a_function_is_given_the_text_with_withheld_names_taken_out()
    {
        const string Yaml = "minutes: 1\nmeeting: { body: Board, date: 2024-01-10 }\nagenda:\n  - title: Talk with [[Jan Jansen|5.1.2e]]\n";
        var minutes = MinutesParser.Parse(Yaml, "m.yaml").Document!;
        var template = Load(new TemplateBuilder().Lines("{{ house.shout agenda[0].title }}"), Shout);

        var internalText = Rendered.From(template, minutes).Lines;
        var publication = Rendered.From(template, minutes, new RenderOptions { Mode = RenderMode.Publication }).Lines;

        Assert.Equal(["TALK WITH JAN JANSEN"], internalText);
        Assert.Equal(["TALK WITH 5.1.2E"], publication);
    }

    [Theory]
    [InlineData("Fiscal_year")]
    [InlineData("fiscal-year")]
    [InlineData("1st")]
    [InlineData("")]
    public void A_name_templates_could_not_call_is_refused_when_registered(string name) =>
        Assert.Throws<ArgumentException>(() => new TemplateFunction { Name = name, Body = _ => null });

    [Fact]
    public void Two_functions_of_one_name_are_refused() =>
        Assert.Throws<ArgumentException>(() => new TemplateOptions { Functions = [FiscalYear, FiscalYear with { Body = _ => "other" }] });
}
