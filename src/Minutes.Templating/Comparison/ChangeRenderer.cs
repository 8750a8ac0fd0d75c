using System.IO.Compression;
using System.Xml.Linq;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;
using Minutes.Templating.Packaging;
using Minutes.Templating.Rendering;
using static Minutes.Templating.Engine.WordNames;

namespace Minutes.Templating.Comparison;

/// <summary>
/// Renders two versions of minutes through one template with the same options, and compares the two
/// documents into the new one with the differences as revisions.
/// </summary>
internal static class ChangeRenderer
{
    /// <summary>The old version prints, in the publication version, text that the new version withholds.</summary>
    public const string WithheldInOld = "MT4001";

    public static ComparisonResult Render(WordTemplate template, MinutesDocument old, MinutesDocument @new, ChangeOptions options)
    {
        var newResult = template.Render(@new, options.Render);
        var oldResult = template.Render(old, options.Render);
        if (!newResult.Succeeded || !oldResult.Succeeded)
        {
            var diagnostics = newResult.Diagnostics.Concat(oldResult.Diagnostics).Distinct().ToList();
            return new ComparisonResult(new RenderResult(null, diagnostics), ChangeSummary.Of(old, @new, 0));
        }

        var date = options.Date ?? PackageWriter.SourceDate ?? new DateTimeOffset((@new.Document.ApprovedOn ?? @new.Meeting.Date).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (document, revisions) = DocumentComparer.Compare(oldResult.ToArray(), newResult.ToArray(), options.Author, date);
        var summary = ChangeSummary.Of(old, @new, revisions);
        if (options.Render.Mode == RenderMode.Publication && Revealed(document, newResult.ToArray(), Withheld(@new)) is { } ground)
        {
            var diagnostic = new Diagnostic(
                DiagnosticSeverity.Error,
                WithheldInOld,
                $"the old version prints text that the new version withholds ({ground}), and would show it as deleted text; withhold it in the old version too",
                new SourceLocation(template.Name, 1, 1));
            return new ComparisonResult(new RenderResult(null, [.. newResult.Diagnostics, diagnostic]), summary);
        }

        return new ComparisonResult(new RenderResult(document, newResult.Diagnostics), summary);
    }

    /// <summary>The ground of the first withheld text that the document holds anywhere, deleted text included.</summary>
    private static string? Revealed(byte[] document, byte[] newDocument, List<(string Text, string Ground)> withheld)
    {
        // What the new version's own publication rendering prints is not brought in by the comparison.
        withheld = [.. withheld.Where(w => Revealed(newDocument, [w]) is null)];
        return withheld.Count == 0 ? null : Revealed(document, withheld);
    }

    private static string? Revealed(byte[] document, List<(string Text, string Ground)> withheld)
    {
        using var zip = new ZipArchive(new MemoryStream(document, writable: false), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            using var stream = entry.Open();
            var xml = XDocument.Load(stream);
            var text = string.Concat(xml.Descendants().Where(e => !e.HasElements).Select(e => e.Value));
            var attributes = string.Join("\n", xml.Descendants().Attributes().Select(a => a.Value));
            foreach (var (value, ground) in withheld)
            {
                if (text.Contains(value, StringComparison.Ordinal) || attributes.Contains(value, StringComparison.Ordinal))
                {
                    return ground;
                }
            }
        }

        return null;
    }

    /// <summary>Every text the publication version of <paramref name="minutes"/> withholds, with its ground.</summary>
    private static List<(string Text, string Ground)> Withheld(MinutesDocument minutes)
    {
        var withheld = new List<(string Text, string Ground)>();
        foreach (var person in minutes.Attendees.Present.Concat(minutes.Attendees.Absent).Concat(minutes.Attendees.Guests))
        {
            if (person.Redact is { } ground)
            {
                foreach (var value in new[] { person.Name, person.OnBehalfOf })
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        withheld.Add((value.Trim(), ground));
                    }
                }
            }

            Texts(person.Text, person.Note);
        }

        Texts(minutes.Document.Title, minutes.Meeting.Body, minutes.Meeting.Location, minutes.NextMeeting?.Location);
        Texts([.. minutes.Organisations.Select(o => o.Name)]);
        foreach (var item in minutes.Agenda)
        {
            Texts([item.Title, item.Presenter, .. item.Documents]);
            Points(item.Points);
        }

        return [.. withheld.Where(w => w.Text.Length > 0).Distinct()];

        void Points(IReadOnlyList<Point> points)
        {
            foreach (var point in points)
            {
                switch (point)
                {
                    case StatementPoint s: Texts(s.Text); Points(s.Points); break;
                    case TopicPoint t: Texts(t.Title); Points(t.Points); break;
                    case AgreementPoint a: Texts(a.Text); break;
                    case DecisionPoint d: Texts(d.Text); break;
                    case ActionPoint a: Texts(a.Text); break;
                }
            }
        }

        void Texts(params InlineText?[] texts)
        {
            foreach (var text in texts)
            {
                if (text is not null)
                {
                    withheld.AddRange(Inline.Walk(text.Inlines).OfType<RedactionInline>().Select(r => (r.Text.Trim(), r.Ground)));
                }
            }
        }
    }
}
