using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Minutes.Templating.Snapshots;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace OrganisationTests;

/// <summary>
/// Locks down what our house-style template makes of our sample minutes. A change to the template (or an update of
/// Minutes.Templating) that alters the document fails here; the new text is in __snapshots__/__mismatch__/, and
/// `git diff --no-index __snapshots__/X.snap __snapshots__/__mismatch__/X.snap` shows what changed.
/// </summary>
public sealed class HouseStyleTests
{
    [Theory]
    [InlineData("lrt-2023-04-21", RenderMode.Internal)]
    [InlineData("lrt-2023-04-21", RenderMode.Publication)]
    public void Sample_minutes_render_as_before(string minutes, RenderMode mode)
    {
        // Our template: the folder made with 'minutes template init verslag', changed in Word, with our labels.
        var template = WordTemplate.Load(Path.Combine(ProjectFolder, "..", "template"));
        Assert.Empty(template.Diagnostics);

        // Our sample minutes; here the repository's example (in an organisation's repository: minutes/NAME.yaml).
        var parsed = MinutesParser.ParseFile(Path.Combine(ProjectFolder, "..", "..", minutes + ".yaml"));
        Assert.False(parsed.HasErrors, string.Join('\n', parsed.Diagnostics));

        var result = template.Render(parsed.Document!, new RenderOptions { Mode = mode });
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        Snapshot.Match(DocxSnapshot.ToText(result.ToArray()), new SnapshotFullName($"{minutes}.{mode.ToString().ToLowerInvariant()}.snap", ProjectFolder));
    }

    /// <summary>This project's folder, found from the build output (not from the build's source paths, which CI builds map to /_/).</summary>
    private static string ProjectFolder { get; } = FindProjectFolder();

    private static string FindProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrganisationTests.csproj")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("OrganisationTests.csproj was not found above " + AppContext.BaseDirectory);
    }
}
