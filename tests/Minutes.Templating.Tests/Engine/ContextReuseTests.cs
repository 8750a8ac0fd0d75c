using System.IO.Compression;
using System.Runtime.ExceptionServices;
using Minutes.Templating.Model;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Tests.Engine;

/// <summary>
/// Each thread keeps its engine context between parts and between renderings, so what a rendering writes must not
/// depend on what the thread rendered before it. Each test renders on this thread after other renderings and compares
/// the bytes with the same rendering on a new thread, which has no context yet.
/// </summary>
public sealed class ContextReuseTests
{
    private static readonly MinutesDocument Minutes = Redaction.PublicationTests.Minutes;

    private static readonly RenderOptions Publication = new() { Mode = RenderMode.Publication };

    /// <summary>A template that leaves Scriban's stores and stacks busy: names, a function, captures, nested loops.</summary>
    private static readonly TemplateBuilder Busy = new TemplateBuilder().Lines(
        "{{ func mark(x) }}{{ ret '[' + x + ']' }}{{ end }}{{ count = 0 }}",
        "{{ for p in attendees.present }}{{ for q in attendees.present }}{{ count = count + 1 }}{{ end }}{{ capture c }}{{ p.display }}{{ end }}{{ c | mark }} {{ end }}",
        "{{ attendees.present_text }} {{ count }}",
        "{{ for point in agenda[0].points }}{{ point.text }}{{ end }}");

    private static byte[] Render(WordTemplate template, RenderOptions? options = null)
    {
        var result = template.Render(Minutes, options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.ToArray();
    }

    /// <summary>Runs <paramref name="render"/> on a thread of its own: one that has rendered nothing before.</summary>
    private static byte[] OnNewThread(Func<byte[]> render)
    {
        byte[]? bytes = null;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                bytes = render();
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
        return bytes!;
    }

    [Fact]
    public void A_publication_after_the_internal_version_is_the_one_a_new_thread_writes()
    {
        var template = WordTemplate.BuiltIn("verslag");
        var expected = OnNewThread(() => Render(template, Publication));

        var internalVersion = Render(template);
        var publication = Render(template, Publication);

        Assert.Contains("Piet Pieters", Text(internalVersion), StringComparison.Ordinal);
        Assert.Equal(expected, publication);
        Assert.DoesNotContain("Pieters", Text(publication), StringComparison.Ordinal);
        Assert.DoesNotContain("Jansen", Text(publication), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_rendered_again_on_the_same_thread_writes_the_same_bytes()
    {
        var template = Busy.Load();
        var expected = OnNewThread(() => Render(template));

        var first = Render(template);
        var second = Render(template);

        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
    }

    [Theory]
    [InlineData("{{ func boom(x) }}{{ for i in 1..3 }}{{ capture c }}{{ x.nothing }}{{ end }}{{ end }}{{ end }}{{ boom(meeting) }}", "MT2005")]
    [InlineData("{{ for i in 1..1000 }}{{ for p in attendees.present }}{{ capture c }}{{ p.display }}{{ end }}{{ end }}{{ end }}", "MT2006")]
    public void A_rendering_after_one_that_stopped_half_way_is_the_one_a_new_thread_writes(string failing, string code)
    {
        var template = Busy.Load();
        var expected = OnNewThread(() => Render(template));
        var lowered = new RenderOptions { Limits = RenderLimits.Default with { LoopIterations = 100 } };

        var problems = Rendered.Problems(new TemplateBuilder().Lines("Voor:", failing), Minutes, lowered);

        Assert.Equal(code, Assert.Single(problems).Code);
        Assert.Equal(expected, Render(template));
    }

    /// <summary>
    /// A rendering that stopped inside a function leaves the function's arguments on Scriban's stacks; the next
    /// rendering on the thread must not find them (its context is a new one).
    /// </summary>
    [Fact]
    public void Arguments_of_a_function_that_stopped_half_way_are_unknown_to_the_next_rendering()
    {
        var failing = new TemplateBuilder().Lines("{{ func boom(secret) }}{{ secret.nothing }}{{ end }}{{ boom(attendees.present[0].name) }}");
        Assert.Equal("MT2005", Assert.Single(Rendered.Problems(failing, Minutes)).Code);

        var reading = new TemplateBuilder().Lines("{{ if false }}{{ secret = '' }}{{ end }}[{{ secret }}]");
        var problem = Assert.Single(Rendered.Problems(reading, Minutes));

        Assert.Equal("MT2005", problem.Code);
        Assert.Contains("secret", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The footer, rendered after the body with the context the body used, does not see a name the body set: reading it
    /// before the footer sets it is an error, as it was when each part had a context of its own.
    /// </summary>
    [Fact]
    public void A_name_one_part_sets_is_unknown_to_the_next_part()
    {
        var template = new TemplateBuilder()
            .Lines("{{ probe = meeting.body }}{{ probe }}")
            .Footer("default", Wml.Para("{{ if false }}{{ probe = '' }}{{ end }}[{{ probe }}]"));

        var problem = Assert.Single(Rendered.Problems(template, Minutes));

        Assert.Equal("MT2005", problem.Code);
        Assert.Contains("probe", problem.Message, StringComparison.Ordinal);
        Assert.Contains("footer", problem.Location.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Limits_of_one_rendering_do_not_carry_over_to_the_next()
    {
        var template = new TemplateBuilder().Lines("{{ for i in 1..500 }}{{ i }}{{ end }}").Load();
        var lowered = new RenderOptions { Limits = RenderLimits.Default with { LoopIterations = 100 } };

        Assert.True(template.Render(Minutes).Succeeded);
        Assert.Equal("MT2006", Assert.Single(template.Render(Minutes, lowered).Diagnostics).Code);
        Assert.True(template.Render(Minutes).Succeeded);
    }

    /// <summary>The text of every entry of a package, for a search.</summary>
    private static string Text(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}
