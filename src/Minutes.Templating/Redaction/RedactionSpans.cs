using Minutes.Templating.Model;

namespace Minutes.Templating.Redaction;

/// <summary>
/// Looks for redaction spans and links in inline text at any depth, the way <see cref="Inline.Walk"/> visits
/// the pieces, without an enumerator for each level: texts are asked this once or more each, and most have none.
/// Whether a text holds a redaction span at all is <see cref="InlineText.HasRedactions"/>.
/// </summary>
internal static class RedactionSpans
{
    /// <summary>True when <paramref name="inlines"/> hold a redaction span or a link at any depth.</summary>
    public static bool OrLinksIn(IReadOnlyList<Inline> inlines)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            switch (inlines[i])
            {
                case RedactionInline or LinkInline:
                    return true;
                case ContainerInline container when OrLinksIn(container.Content):
                    return true;
            }
        }

        return false;
    }

    /// <summary>Adds each redaction span of <paramref name="inlines"/>, at any depth, to <paramref name="spans"/>, in reading order.</summary>
    public static void Collect(IReadOnlyList<Inline> inlines, List<RedactionInline> spans)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            switch (inlines[i])
            {
                case RedactionInline redaction:
                    spans.Add(redaction);
                    break;
                case ContainerInline container:
                    Collect(container.Content, spans);
                    break;
            }
        }
    }
}
