using Minutes.Templating.Model;

namespace Minutes.Templating.Redaction;

/// <summary>
/// Looks for redaction spans and links in inline text at any depth, the way <see cref="Inline.Walk"/> visits
/// the pieces, without an enumerator for each level: texts are asked this once or more each, and most have none.
/// </summary>
internal static class RedactionSpans
{
    /// <summary>True when <paramref name="text"/> has a redaction span (as <see cref="InlineText.HasRedactions"/>).</summary>
    public static bool In(InlineText text) => Any(text.Inlines, links: false);

    /// <summary>True when <paramref name="inlines"/> hold a redaction span at any depth.</summary>
    public static bool In(IReadOnlyList<Inline> inlines) => Any(inlines, links: false);

    /// <summary>True when <paramref name="inlines"/> hold a redaction span or a link at any depth.</summary>
    public static bool OrLinksIn(IReadOnlyList<Inline> inlines) => Any(inlines, links: true);

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

    private static bool Any(IReadOnlyList<Inline> inlines, bool links)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            var inline = inlines[i];
            if (inline is RedactionInline || (links && inline is LinkInline))
            {
                return true;
            }

            if (inline is ContainerInline container && Any(container.Content, links))
            {
                return true;
            }
        }

        return false;
    }
}
