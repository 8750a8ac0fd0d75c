using System.Text.Json;
using System.Text.RegularExpressions;

namespace Minutes.Templating.Tests.Cli;

/// <summary>The minutes command over the real parser and renderer, on the repository's example minutes.</summary>
public sealed class CliEndToEndTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Example { get; } = Path.Join(Repository.Root, "examples", "lrt-2023-04-21.yaml");

    [Fact]
    public void Render_writes_the_example_into_the_output_directory()
    {
        var output = _temp["out"] + Path.DirectorySeparatorChar;

        var run = CliRun.Of("render", Example, "-o", output);

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        var docx = Path.Join(output, "lrt-2023-04-21.docx");
        Assert.Equal($"rendered {Example} -> {docx} (internal){Environment.NewLine}", run.Stdout);
        AssertIsDocx(docx);
    }

    [Fact]
    public void Render_with_mode_both_writes_the_internal_and_the_publication_version_and_says_which_is_which()
    {
        var output = _temp["out"] + Path.DirectorySeparatorChar;
        var example = Path.Join(Repository.Root, "examples", "stuurgroep-2024-09-12.yaml");

        var run = CliRun.Of("render", example, "--mode", "both", "-o", output);

        Assert.Equal(0, run.ExitCode);
        var internalVersion = Path.Join(output, "stuurgroep-2024-09-12.docx");
        var publication = Path.Join(output, "stuurgroep-2024-09-12.publication.docx");
        Assert.Equal(
            $"rendered {example} -> {internalVersion} (internal){Environment.NewLine}"
            + $"rendered {example} -> {publication} (publication){Environment.NewLine}",
            run.Stdout);
        AssertIsDocx(internalVersion);
        AssertIsDocx(publication);
        Assert.Contains("E. Smit", CliRun.Of("snapshot", internalVersion).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("E. Smit", CliRun.Of("snapshot", publication).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_ground_is_an_error_at_its_line_and_column_listing_the_valid_grounds_and_nothing_is_written()
    {
        var input = _temp.Write("woo.yaml", """
            minutes: 1
            meeting: { body: Stuurgroep, date: 2024-09-12 }
            attendees:
              present:
                - { name: Kees Verborgen, org: SZW, redact: 5.1.2x }
            agenda:
              - title: Opening
                points:
                  - Brief van [[Piet Pieters|art. 5.1.2 e]].
            """);

        var run = CliRun.Of("render", input, "--mode", "both");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{input}:5:49: error: '5.1.2x' is not a ground of the Woo; valid grounds: 5.1.1a–5.1.1e, 5.1.2a–5.1.2i, 5.1.5 or 5.2", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{input}:9:34: error: 'art. 5.1.2 e' is not written as a ground of the Woo; did you mean '5.1.2e'?", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp[""], "*.docx"));
    }

    [Fact]
    public void Validate_warns_at_each_unmarked_name_of_a_withheld_attendee_and_the_publication_withholds_it()
    {
        var input = _temp.Write("woo.yaml", """
            minutes: 1
            meeting: { body: Stuurgroep, date: 2024-09-12 }
            attendees:
              present:
                - { name: Kees Verborgen, org: SZW, redact: 5.1.2e }
            agenda:
              - title: Opening
                points:
                  - Kees Verborgen geeft een toelichting; [[Kees Verborgen|5.1.2e]] is gemarkeerd.
                  - action: Brief sturen.
                    owner: kees  verborgen
            """);

        var run = CliRun.Of("validate", input);

        Assert.Equal(0, run.ExitCode);
        var warnings = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("[MT1101]", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith($"{input}:9:9: warning: 'Kees Verborgen' is the name of an attendee withheld under 5.1.2e", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith($"{input}:11:16: warning: 'kees  verborgen'", warnings[1], StringComparison.Ordinal);

        Assert.Equal(0, CliRun.Of("render", input, "--mode", "publication").ExitCode);
        var text = CliRun.Of("snapshot", _temp["woo.publication.docx"]).Stdout;
        Assert.DoesNotContain("verborgen", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("5.1.2e", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withheld_name_in_a_field_that_cannot_withhold_it_is_warned_about_and_blocks_only_the_publication()
    {
        var input = _temp.Write("ref.yaml", """
            minutes: 1
            language: nl
            document:
              reference: SG/2024/07, opgesteld door kees verborgen
            meeting: { body: Stuurgroep, date: 2024-09-12 }
            attendees:
              present:
                - { name: Kees Verborgen, org: SZW, redact: 5.1.2e }
            agenda:
              - title: Opening
            """);

        var validate = CliRun.Of("validate", input);
        var publication = CliRun.Of("render", input, "--mode", "publication");
        var internalVersion = CliRun.Of("render", input);

        Assert.Equal(0, validate.ExitCode);
        Assert.Contains($"{input}:4:41: warning: 'kees verborgen' is the name of an attendee withheld under 5.1.2e, in document.reference, which is printed as it stands and cannot withhold it", validate.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, publication.ExitCode);
        Assert.Contains("[MT3000]", publication.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["ref.publication.docx"]));
        Assert.Equal(0, internalVersion.ExitCode);
    }

    [Fact]
    public void Render_with_mode_publication_writes_only_the_publication_version()
    {
        var input = _temp.Write("lrt.yaml", File.ReadAllText(Example));

        var run = CliRun.Of("render", input, "--mode", "publication");

        Assert.Equal(0, run.ExitCode);
        AssertIsDocx(_temp["lrt.publication.docx"]);
        Assert.False(File.Exists(_temp["lrt.docx"]));
    }

    [Fact]
    public void Render_with_language_prints_the_labels_and_dates_of_that_language()
    {
        var output = _temp["out.docx"];

        var run = CliRun.Of("render", Example, "--language", "en", "-o", output);

        Assert.Equal(0, run.ExitCode);
        var text = CliRun.Of("snapshot", output).Stdout;
        Assert.Contains("21 April 2023", text, StringComparison.Ordinal);
        Assert.DoesNotContain("21 april 2023", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mode", "public")]
    [InlineData("--language", "en_GB")]
    public void A_wrong_mode_or_language_is_a_usage_error_and_nothing_is_written(string option, string value)
    {
        var input = _temp.Write("lrt.yaml", File.ReadAllText(Example));

        var run = CliRun.Of("render", input, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(value, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp[""], "*.docx"));
    }

    [Fact]
    public void Render_without_output_writes_next_to_the_input()
    {
        var input = _temp.Write("lrt.yaml", File.ReadAllText(Example));

        var run = CliRun.Of("render", input);

        Assert.Equal(0, run.ExitCode);
        AssertIsDocx(_temp["lrt.docx"]);
    }

    [Fact]
    public void Render_to_a_named_docx_writes_that_file()
    {
        var run = CliRun.Of("render", Example, "--template", "verslag", "--output", _temp["verslag.docx"]);

        Assert.Equal(0, run.ExitCode);
        AssertIsDocx(_temp["verslag.docx"]);
    }

    [Fact]
    public void Render_of_invalid_minutes_exits_1_and_leaves_the_existing_document_alone()
    {
        var input = _temp.Write("bad.yaml", CliRun.InvalidMinutes);
        var target = _temp.Write("bad.docx", "the previous document");

        var run = CliRun.Of("render", input);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(ErrorLine(input), run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.Equal("the previous document", File.ReadAllText(target));
    }

    [Fact]
    public void Render_of_invalid_minutes_into_a_directory_writes_nothing()
    {
        var input = _temp.Write("bad.yaml", CliRun.InvalidMinutes);

        var run = CliRun.Of("render", input, "-o", _temp["out/"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(ErrorLine(input), run.Stderr);
        Assert.False(File.Exists(_temp["out/bad.docx"]));
    }

    [Fact]
    public void One_invalid_file_does_not_stop_the_others()
    {
        var bad = _temp.Write("in/a-bad.yaml", CliRun.InvalidMinutes);
        _temp.Write("in/b-good.yaml", File.ReadAllText(Example));

        var run = CliRun.Of("render", _temp["in"], "-o", _temp["out"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(ErrorLine(bad), run.Stderr);
        AssertIsDocx(_temp["out/b-good.docx"]);
        Assert.False(File.Exists(_temp["out/a-bad.docx"]));
        Assert.EndsWith($"1 rendered, 1 failed{Environment.NewLine}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_the_example()
    {
        var run = CliRun.Of("validate", Example);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"ok: {Example}{Environment.NewLine}", run.Stdout);
    }

    [Fact]
    public void Validate_reports_every_problem_with_its_place_and_exits_1()
    {
        var input = _temp.Write("bad.yaml", CliRun.InvalidMinutes);

        var run = CliRun.Of("validate", input);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(ErrorLine(input), run.Stderr);
        Assert.Contains("agenda", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("ok:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_of_several_files_sums_up()
    {
        _temp.Write("in/a-bad.yaml", CliRun.InvalidMinutes);
        _temp.Write("in/b-good.yaml", File.ReadAllText(Example));

        var run = CliRun.Of("validate", _temp["in/*.yaml"]);

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith($"1 valid, 1 invalid{Environment.NewLine}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_check_accepts_the_built_in_template()
    {
        var run = CliRun.Of("template", "check", "verslag");

        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"ok: verslag{Environment.NewLine}", run.Stdout);
    }

    [Fact]
    public void Template_check_lists_every_unknown_name_with_its_place()
    {
        var xml = File.ReadAllText(Path.Join(Repository.Root, "templates", "verslag", "verslag.xml"));
        xml = xml.Replace("{{ labels.date }}", "{{ lables.date }}", StringComparison.Ordinal)
                 .Replace("{{ point.text }}", "{{ point.txt }}", StringComparison.Ordinal);
        var template = _temp.Write("house.xml", xml);

        var run = CliRun.Of("template", "check", template);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"house\.xml\[document\]:\d+:4: error: \{\{ lables\.date \}\}: 'lables' .*did you mean 'labels'\?.*\[MT2008\]", run.Stderr);
        Assert.Matches(@"house\.xml\[document\]:\d+:\d+: error: \{\{ point\.txt \}\}: 'txt' .*did you mean 'text'\?.*\[MT2008\]", run.Stderr);
        Assert.Equal(1 + 3, Regex.Count(run.Stderr, @"\[MT2008\]")); // labels.date once, point.text in three paragraphs
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Template_check_reports_what_a_rendering_would_refuse_in_every_part_at_once()
    {
        var template = _temp["house.docx"];
        File.WriteAllBytes(template, new Engine.TemplateBuilder()
            .Lines("{{ meeting.titel }} {{ 1 + }}", "{{ func kop }}{{ ret vergadering }}{{ end }}")
            .Header("default", Engine.Wml.Para("{{ meeting.body.inlines }}"))
            .Footer("default", Engine.Wml.Para("{{ with meeting.date }}{{ year }}{{ end }}"))
            .ToPackage());

        var run = CliRun.Of("template", "check", template);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "house.docx[document]:1:28: error: [MT2001]",
                "house.docx[document]:1:12: error: [MT2008]",
                "house.docx[document]:2:22: error: [MT2008]",
                "house.docx[header1]:1:17: error: [MT2008]",
                "house.docx[footer1]:1:9: error: [MT2103]",
                $"{template}: 5 errors",
            ],
            run.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(line => Regex.Replace(line, @" error: .* (\[MT\d+\])$", " error: $1")));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Template_list_names_each_built_in_template_with_its_description()
    {
        var run = CliRun.Of("template", "list");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["besluitenlijst", "minutes", "verslag"], lines.Select(l => l.Split(' ')[0]));
        Assert.All(lines, l => Assert.True(l.Length > 40, "no description: " + l));
    }

    [Fact]
    public void Template_init_writes_a_template_to_make_ones_own_and_render_uses_its_labels()
    {
        var folder = _temp["house"];

        var init = CliRun.Of("template", "init", "verslag", folder);

        Assert.Equal(0, init.ExitCode);
        Assert.True(File.Exists(Path.Join(folder, "verslag.docx")));
        var labels = Path.Join(folder, "labels.yaml");
        Assert.Contains("  present: \"Aanwezig\"", File.ReadAllText(labels), StringComparison.Ordinal);

        File.WriteAllText(labels, File.ReadAllText(labels).Replace("  present: \"Aanwezig\"", "  present: \"Aanwezigen\"", StringComparison.Ordinal));
        var render = CliRun.Of("render", Example, "--template", folder, "-o", _temp["out"] + Path.DirectorySeparatorChar);

        Assert.Equal("", render.Stderr);
        Assert.Equal(0, render.ExitCode);
        var snapshot = CliRun.Of("snapshot", Path.Join(_temp["out"], "lrt-2023-04-21.docx"));
        Assert.Contains("| Aanwezigen | Dhr. Van der Burg (SJenV)", snapshot.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_init_into_a_folder_that_holds_the_template_already_exits_2()
    {
        Assert.Equal(0, CliRun.Of("template", "init", "minutes", _temp["t"]).ExitCode);

        var again = CliRun.Of("template", "init", "minutes", _temp["t"]);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists already", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_prints_json()
    {
        var run = CliRun.Of("schema");

        Assert.Equal(0, run.ExitCode);
        using var schema = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Object, schema.RootElement.ValueKind);
    }

    private static Regex ErrorLine(string file) =>
        new($"(?m)^{Regex.Escape(file)}:\\d+:\\d+: error: ", RegexOptions.CultureInvariant);

    private static void AssertIsDocx(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 0, $"{path} is empty");
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }
}
