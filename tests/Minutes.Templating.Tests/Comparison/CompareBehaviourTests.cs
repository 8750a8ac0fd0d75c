using System.IO.Compression;
using Minutes.Templating.Comparison;
using Minutes.Templating.Model;
using Minutes.Templating.Rendering;
using Minutes.Templating.Tests.Cli;

namespace Minutes.Templating.Tests.Comparison;

/// <summary>What the comparison promises besides the two versions' texts: identity, stable bytes, the summary, the publication version, the command.</summary>
public sealed class CompareBehaviourTests
{
    public static TheoryData<string, string> Renderings()
    {
        var data = new TheoryData<string, string>();
        foreach (var template in WordTemplate.BuiltInNames)
        {
            foreach (var example in Repository.Examples())
            {
                data.Add(template, Path.GetFileName(example));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Comparing_minutes_with_themselves_gives_the_plain_rendering_byte_for_byte(string templateName, string example)
    {
        var minutes = ComparisonTests.Load(example);
        var template = WordTemplate.BuiltIn(templateName);
        var result = template.RenderChanges(minutes, minutes);
        Assert.True(result.Succeeded);
        Assert.Equal(template.Render(minutes).ToArray(), result.Document.ToArray());
        Assert.Equal(0, result.Summary.Revisions);
        Assert.Equal("0 points changed, 0 added, 0 removed; 0 revisions", result.Summary.ToString());
    }

    [Fact]
    public void The_same_inputs_give_the_same_bytes_and_the_revisions_carry_author_and_date()
    {
        var old = ComparisonTests.Load("lrt-2023-04-21.yaml");
        var @new = ComparisonTests.Amendments["word edit"](old);
        var template = WordTemplate.BuiltIn("verslag");
        var first = template.RenderChanges(old, @new, new ChangeOptions { Author = "Griffie" }).Document.ToArray();
        var second = template.RenderChanges(old, @new, new ChangeOptions { Author = "Griffie" }).Document.ToArray();
        Assert.Equal(first, second);

        var body = Part(first, "word/document.xml");
        Assert.Contains("w:author=\"Griffie\"", body, StringComparison.Ordinal);

        // Without SOURCE_DATE_EPOCH (the test runner does not set it) the date is the meeting's, approved on no other day.
        var expected = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is null ? "w:date=\"2023-04-21T00:00:00Z\"" : "w:date=\"";
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.Contains("<w:del ", body, StringComparison.Ordinal);
        Assert.Contains("<w:delText xml:space=\"preserve\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_point_is_one_changed_paragraph_with_only_the_changed_words_marked()
    {
        var old = ComparisonTests.Load("lrt-2023-04-21.yaml");
        var @new = old with
        {
            Agenda = [old.Agenda[0] with { Points = [old.Agenda[0].Points[0], new StatementPoint { Text = InlineText.Plain("De Ministers van VWS en VRO zijn helaas verhinderd.") }, .. old.Agenda[0].Points.Skip(2)] }, .. old.Agenda.Skip(1)],
        };
        var result = WordTemplate.BuiltIn("verslag").RenderChanges(old, @new);
        var body = Part(result.Document.ToArray(), "word/document.xml");
        Assert.Contains("<w:delText xml:space=\"preserve\">voor PVO en </w:delText>", body, StringComparison.Ordinal);
        Assert.Contains("<w:t xml:space=\"preserve\">helaas </w:t>", body, StringComparison.Ordinal);
        Assert.Contains("<w:t xml:space=\"preserve\">De Ministers van VWS en </w:t>", body, StringComparison.Ordinal);
        Assert.Equal(1, result.Summary.PointsChanged);
        Assert.Equal(0, result.Summary.PointsAdded + result.Summary.PointsRemoved);
    }

    [Fact]
    public void Bold_added_to_a_word_is_a_formatting_change()
    {
        var old = ComparisonTests.Load("lrt-2023-04-21.yaml");
        var @new = ComparisonTests.Amendments["bold added"](old);
        var body = Part(WordTemplate.BuiltIn("verslag").RenderChanges(old, @new).Document.ToArray(), "word/document.xml");
        Assert.Contains("<w:rPrChange ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<w:del ", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_counts_points_attendees_and_details()
    {
        var old = ComparisonTests.Load("harbour-trust-board-2024-03-14.yaml");
        var @new = ComparisonTests.Amendments["attendee added and removed"](ComparisonTests.Amendments["status draft to approved"](ComparisonTests.Amendments["decision added"](old)));
        var summary = WordTemplate.BuiltIn("minutes").RenderChanges(old, @new).Summary;
        Assert.Equal(1, summary.PointsAdded);
        Assert.Equal(2, summary.AttendeesAdded);
        Assert.Equal(1, summary.AttendeesRemoved);
        Assert.Contains("document.status", summary.Details);
        Assert.StartsWith("0 points changed, 1 added, 0 removed; 2 attendees added, 1 removed; document.status, document changed; ", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_publication_version_never_shows_a_withheld_name_not_even_as_deleted_text()
    {
        var @new = ComparisonTests.Load("stuurgroep-2024-09-12.yaml");
        var options = new ChangeOptions { Render = new RenderOptions { Mode = RenderMode.Publication } };
        var template = WordTemplate.BuiltIn("verslag");

        // The old version named a person the new one withholds: its deleted text would show the name.
        var old = @new with { Attendees = @new.Attendees with { Present = [.. @new.Attendees.Present.Select(p => p.Name == "E. Smit" ? p with { Redact = null } : p)] } };
        var refused = template.RenderChanges(old, @new, options);
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Diagnostics, d => d.Code == "MT3000");
        Assert.DoesNotContain(refused.Diagnostics, d => d.Message.Contains("E. Smit", StringComparison.Ordinal));

        // Both versions withholding it: the amended publication version holds it nowhere.
        var amended = ComparisonTests.Amendments["word edit"](@new);
        var result = template.RenderChanges(@new, amended, options);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.True(TrackedChanges.Count(result.Document.ToArray()) > 0);
        using var zip = new ZipArchive(new MemoryStream(result.Document.ToArray()));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var text = reader.ReadToEnd();
            Assert.DoesNotContain("E. Smit", text, StringComparison.Ordinal);
            Assert.DoesNotContain("F. Mulder", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_command_writes_the_amended_document_and_prints_the_summary()
    {
        using var folder = new TempDirectory();
        var old = File.ReadAllText(Path.Combine(Repository.Root, "examples", "lrt-2023-04-21.yaml"));
        var oldPath = folder.Write("draft.yaml", old.Replace("status: approved", "status: draft", StringComparison.Ordinal));
        var newPath = folder.Write("amended.yaml", old.Replace("zijn verhinderd", "waren verhinderd", StringComparison.Ordinal));

        var run = CliRun.Of("compare", oldPath, newPath, "--author", "Secretariaat");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(string.Empty, run.Stderr);
        var written = folder["amended.changes.docx"];
        Assert.True(File.Exists(written));
        Assert.Contains($"compared {oldPath} -> {newPath}: {written}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 point changed, 0 added, 0 removed; document.status changed; ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("w:author=\"Secretariaat\"", Part(File.ReadAllBytes(written), "word/document.xml"), StringComparison.Ordinal);

        var missing = CliRun.Of("compare", oldPath, folder["nowhere.yaml"]);
        Assert.Equal(2, missing.ExitCode);

        var invalid = CliRun.Of("compare", oldPath, folder.Write("invalid.yaml", CliRun.InvalidMinutes), "-o", folder["x.docx"]);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("[MT1002]", invalid.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["x.docx"]));
    }

    private static string Part(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
