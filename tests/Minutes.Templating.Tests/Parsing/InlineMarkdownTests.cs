using Minutes.Templating.Model;
using Minutes.Templating.Parsing;

namespace Minutes.Templating.Tests.Parsing;

/// <summary>The inline Markdown of text fields.</summary>
public class InlineMarkdownTests
{
    private static TextInline T(string text) => new() { Text = text };

    private static void Parses(string markdown, params Inline[] expected) =>
        Assert.Equal(new InlineText(expected), InlineMarkdown.Parse(markdown));

    [Fact]
    public void Plain_text_is_a_single_text_piece() =>
        Parses("VNG verzoekt om aanpassing (zie p. 2).", T("VNG verzoekt om aanpassing (zie p. 2)."));

    [Fact]
    public void Empty_text_is_empty() => Assert.Same(InlineText.Empty, InlineMarkdown.Parse(string.Empty));

    [Fact]
    public void Bold() => Parses("a **b** c", T("a "), new StrongInline { Content = [T("b")] }, T(" c"));

    [Fact]
    public void Italic() => Parses("a *b* c", T("a "), new EmphasisInline { Content = [T("b")] }, T(" c"));

    [Fact]
    public void Italic_inside_bold_and_bold_inside_italic()
    {
        Parses("**a *b* c**", new StrongInline { Content = [T("a "), new EmphasisInline { Content = [T("b")] }, T(" c")] });
        Parses("*a **b** c*", new EmphasisInline { Content = [T("a "), new StrongInline { Content = [T("b")] }, T(" c")] });
    }

    [Fact]
    public void Triple_stars_are_bold_italic() =>
        Parses("***x***", new StrongInline { Content = [new EmphasisInline { Content = [T("x")] }] });

    [Theory]
    [InlineData("https://example.org/a?b=c")]
    [InlineData("http://example.org")]
    [InlineData("mailto:secretariaat@example.org")]
    public void Absolute_http_https_and_mailto_links(string url) =>
        Parses("zie [de *brief*](" + url + ") hier", T("zie "), new LinkInline { Content = [T("de "), new EmphasisInline { Content = [T("brief")] }], Url = url }, T(" hier"));

    [Theory]
    [InlineData("[brief](brief.pdf)")]
    [InlineData("[brief](javascript:alert(1))")]
    [InlineData("[brief](ftp://example.org/x)")]
    [InlineData("[brief] (https://example.org)")]
    [InlineData("[](https://example.org)")]
    [InlineData("[brief](https://example.org/%2\0x)")]
    [InlineData("[brief](https://example.org/\u001bx)")]
    public void Other_links_stay_literal_text(string markdown) =>
        Assert.Equal(markdown, Assert.IsType<TextInline>(Assert.Single(InlineMarkdown.Parse(markdown).Inlines)).Text);

    [Fact]
    public void Redaction_span() =>
        Parses("welkom [[Jan Jansen|5.1.2e]]!", T("welkom "), new RedactionInline { Text = "Jan Jansen", Ground = "5.1.2e" }, T("!"));

    [Fact]
    public void Redaction_span_trims_and_unescapes() =>
        Parses(@"[[ A\|B | 5.1.2e ]]", new RedactionInline { Text = "A|B", Ground = "5.1.2e" });

    [Fact]
    public void Redaction_inside_bold() =>
        Parses("**[[Jan|5.1.2e]]**", new StrongInline { Content = [new RedactionInline { Text = "Jan", Ground = "5.1.2e" }] });

    [Theory]
    [InlineData("[[Jan Jansen]]", 0, "has no ground")]
    [InlineData("x [[|5.1.2e]]", 2, "has no text")]
    [InlineData("x  [[Jan|]]", 3, "has no ground")]
    public void Malformed_redaction_is_reported_and_kept_literal(string markdown, int offset, string what)
    {
        var errors = new List<(int Offset, string Message)>();

        var text = InlineMarkdown.Parse(markdown, errors);

        var error = Assert.Single(errors);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Equal(markdown, text.ToString());
        Assert.False(text.HasRedactions);
    }

    [Fact]
    public void Line_breaks_become_line_break_pieces() =>
        Parses("een\ntwee\n", T("een"), LineBreakInline.Instance, T("twee"), LineBreakInline.Instance);

    [Theory]
    [InlineData(@"\*geen nadruk\*", "*geen nadruk*")]
    [InlineData(@"\[\[geen|lak\]\]", "[[geen|lak]]")]
    [InlineData(@"\[tekst](https://example.org)", "[tekst](https://example.org)")]
    [InlineData(@"a \\ b", @"a \ b")]
    [InlineData(@"C:\map\bestand", @"C:\map\bestand")]
    public void Backslash_escapes_give_literal_characters(string markdown, string expected) =>
        Assert.Equal(expected, Assert.IsType<TextInline>(Assert.Single(InlineMarkdown.Parse(markdown).Inlines)).Text);

    [Theory]
    [InlineData("**niet gesloten")]
    [InlineData("*niet gesloten")]
    [InlineData("[[niet gesloten|5.1.2e")]
    [InlineData("[niet gesloten](https://example.org")]
    [InlineData("5 * 3 = 15")]
    [InlineData("****")]
    public void Unclosed_markers_are_literal_text(string markdown) =>
        Assert.Equal(markdown, Assert.IsType<TextInline>(Assert.Single(InlineMarkdown.Parse(markdown).Inlines)).Text);

    [Fact]
    public void Long_runs_of_unclosed_markers_are_fast_and_literal()
    {
        var markdown = "** *" + string.Concat(Enumerable.Repeat("[[ [a]( ", 50_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var text = InlineMarkdown.Parse(markdown);

        Assert.Equal(markdown, text.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Deep_nesting_does_not_overflow_the_stack()
    {
        var markdown = string.Concat(Enumerable.Repeat("*a **b [c", 20_000)) + string.Concat(Enumerable.Repeat("](https://x.org) b** a*", 20_000));

        var text = InlineMarkdown.Parse(markdown);

        Assert.Contains("a", text.ToString(), StringComparison.Ordinal);
    }
}
