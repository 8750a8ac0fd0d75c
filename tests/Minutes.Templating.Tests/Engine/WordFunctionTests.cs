using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>The functions under <c>word</c> are called as any Scriban function is: the same arguments, the same errors.</summary>
public sealed class WordFunctionTests
{
    [Theory]
    [InlineData("{{ word.list_level 2 }}", "2")]
    [InlineData("{{ word.list_level '4' }}", "4")]
    [InlineData("{{ word.list_level 2.7 }}", "3")]
    [InlineData("{{ word.list_level true }}", "1")]
    [InlineData("{{ 5 | word.list_level }}", "5")]
    [InlineData("{{ word.list_level(6) }}", "6")]
    public void A_list_level_takes_its_argument_as_Scriban_converts_it_to_a_whole_number(string call, string level)
    {
        var rendered = Rendered.From(new TemplateBuilder().Add(P(R("Punt" + call))));

        var paragraph = Assert.Single(rendered.Document.Descendants(W + "p"));
        Assert.Equal("Punt", Rendered.Text(paragraph));
        Assert.Equal(level, (string?)paragraph.Element(W + "pPr")?.Element(W + "numPr")?.Element(W + "ilvl")?.Attribute(W + "val"));
    }

    [Fact]
    public void The_markup_functions_write_their_runs_where_they_are_called()
    {
        var rendered = Rendered.From(new TemplateBuilder().Add(P(R("A{{ word.tab }}B{{ word.line_break() }}C{{ word.page_break }}"))));

        var runs = Assert.Single(rendered.Document.Descendants(W + "p")).Elements(W + "r").ToList();
        Assert.Equal(
            ["t:A", "tab:", "t:B", "br:", "t:C", "br:page"],
            runs.SelectMany(r => r.Elements().Where(e => e.Name != W + "rPr"))
                .Select(e => e.Name.LocalName + ":" + ((string?)e.Attribute(W + "type") ?? (e.Name == W + "t" ? e.Value : string.Empty))));
    }

    [Theory]
    [InlineData("{{ word.list_level }}", "Invalid number of arguments `0` passed to `word.list_level` while expecting `1` arguments")]
    [InlineData("{{ word.list_level 1 2 }}", "Invalid number of arguments `2` passed to `word.list_level 1 2` while expecting `1` arguments")]
    [InlineData("{{ word.tab 1 }}", "Invalid number of arguments `1` passed to `word.tab 1` while expecting `0` arguments")]
    [InlineData("{{ word.list_level 'x' }}", "Unable to convert type `string` to int")]
    public void A_call_with_wrong_arguments_is_an_error_at_its_tag_that_says_what_the_function_expects(string call, string message)
    {
        var problem = Assert.Single(Rendered.Problems(new TemplateBuilder().Add(P(R("A" + call)))));

        Assert.Equal("MT2005", problem.Code);
        Assert.Equal(1, problem.Location.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
