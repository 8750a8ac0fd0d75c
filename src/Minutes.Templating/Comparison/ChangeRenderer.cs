using Minutes.Templating.Model;
using Minutes.Templating.Packaging;
using Minutes.Templating.Redaction;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Comparison;

/// <summary>
/// Renders two versions of minutes through one template with the same options, and compares the two
/// documents into the new one with the differences as revisions.
/// </summary>
internal static class ChangeRenderer
{
    public static ComparisonResult Render(WordTemplate template, MinutesDocument old, MinutesDocument @new, ChangeOptions options)
    {
        var newResult = template.Render(@new, options.Render);
        var oldResult = template.Render(old, options.Render);
        if (!newResult.Succeeded || !oldResult.Succeeded)
        {
            var diagnostics = newResult.Diagnostics.Concat(oldResult.Diagnostics).Distinct().ToList();
            return new ComparisonResult(new RenderResult(null, diagnostics, Withheld.None, template.Name), ChangeSummary.Of(old, @new, 0));
        }

        var date = options.Date ?? PackageWriter.SourceDate ?? new DateTimeOffset((@new.Document.ApprovedOn ?? @new.Meeting.Date).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (document, revisions) = DocumentComparer.Compare(oldResult.ToArray(), newResult.ToArray(), options.Author, date);
        var summary = ChangeSummary.Of(old, @new, revisions);

        // The comparison goes through the same last check as every rendering, with what the new version withholds:
        // text the old version printed and the new one withholds would otherwise show as deleted text.
        var withheld = options.Render.Mode == RenderMode.Publication ? Withheld.Of(Redactions.Mark(@new)) : Withheld.None;
        return new ComparisonResult(new RenderResult(document, newResult.Diagnostics, withheld, template.Name), summary);
    }
}
