using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit.Sdk;

namespace Minutes.Templating.Tests.Snapshots;

/// <summary>
/// Matches a text against its snapshot in <c>Snapshots/__snapshots__/NAME.snap</c> with Snapshooter. The folder is
/// found from the repository root, not from the build's source paths (which CI builds map to <c>/_/</c>). On a
/// mismatch the failure names the section and shows the changed lines; the new text is in <c>__mismatch__/</c>.
/// </summary>
internal static class TextSnapshot
{
    private static readonly string Folder = Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "Snapshots");

    /// <summary>The committed snapshot file for <paramref name="name"/>.</summary>
    public static string PathOf(string name) => Path.Combine(Folder, "__snapshots__", name + ".snap");

    public static void Match(string text, string name)
    {
        try
        {
            Snapshot.Match(text, new SnapshotFullName(name + ".snap", Folder));
        }
        catch (Exception e) when (e is XunitException && File.Exists(PathOf(name)))
        {
            throw new XunitException(
                $"The snapshot {name}.snap no longer matches:\n{Diff(File.ReadAllText(PathOf(name)), text)}\n"
                + "If the change is intended, delete the .snap file (or run without SNAPSHOOTER_STRICT_MODE) to write it anew, review `git diff` and commit it.",
                e);
        }
    }

    /// <summary>The changed lines with two lines of context, each group headed by the section (the last '# ' line) it is in.</summary>
    public static string Diff(string expected, string actual)
    {
        var lines = InlineDiffBuilder.Diff(expected.ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"), ignoreWhiteSpace: false).Lines;
        var show = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (var j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++)
                {
                    show[j] = true;
                }
            }
        }

        var builder = new StringBuilder();
        string? section = null;
        var shownSection = (string?)null;
        var shown = 0;
        for (var i = 0; i < lines.Count && shown < 80; i++)
        {
            if (lines[i].Text.StartsWith("# ", StringComparison.Ordinal))
            {
                section = lines[i].Text;
            }

            if (!show[i] || (lines[i].Type == ChangeType.Unchanged && lines[i].Text.Length == 0))
            {
                continue;
            }

            if (section is not null && section != shownSection)
            {
                builder.Append("@@ ").Append(section).Append(" @@\n");
                shownSection = section;
            }

            var mark = lines[i].Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            };
            builder.Append(mark).Append(lines[i].Text).Append('\n');
            shown++;
        }

        return builder.ToString();
    }
}
