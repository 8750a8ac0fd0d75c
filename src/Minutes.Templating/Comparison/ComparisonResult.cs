using Minutes.Templating.Diagnostics;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Comparison;

/// <summary>The outcome of <see cref="WordTemplate.RenderChanges"/>: the amended document and what changed.</summary>
public sealed class ComparisonResult
{
    internal ComparisonResult(RenderResult document, ChangeSummary summary)
    {
        Document = document;
        Summary = summary;
    }

    /// <summary>The new version rendered with every difference from the old one as Word revisions; save it like any rendering.</summary>
    public RenderResult Document { get; }

    /// <summary>True when a document was produced.</summary>
    public bool Succeeded => Document.Succeeded;

    /// <summary>Every error and warning from the template or the comparison.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Document.Diagnostics;

    /// <summary>What changed between the versions, counted in points, items and attendees.</summary>
    public ChangeSummary Summary { get; }
}
