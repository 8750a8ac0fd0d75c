using System.Text.Json;
using Minutes.Templating.Cli;
using Minutes.Templating.Tests.Engine;

namespace Minutes.Templating.Tests.Cli;

/// <summary>The minutes command as CI uses it: many files in one run, in parallel, with diagnostics as JSON.</summary>
public sealed class CliBatchTests : IDisposable
{
    private static readonly string Nl = Environment.NewLine;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Seed { get; } = File.ReadAllText(Path.Join(Repository.Root, "examples", "lrt-2023-04-21.yaml"));

    /// <summary>Writes <paramref name="count"/> minutes files in/01.yaml… with an invalid one at <paramref name="badIndex"/>.</summary>
    private List<string> WriteInputs(int count, int badIndex = -1) =>
        [.. Enumerable.Range(1, count).Select(i => _temp.Write($"in/{i:00}.yaml", i - 1 == badIndex ? CliRun.InvalidMinutes : Seed))];

    [Fact]
    public void Many_files_are_reported_in_input_order_whatever_order_they_finish_in()
    {
        var inputs = WriteInputs(7, badIndex: 3);
        var output = _temp["out"] + Path.DirectorySeparatorChar;
        var expected = string.Concat(inputs.Where((_, i) => i != 3).Select(input =>
            $"rendered {input} -> {Path.Join(output, Path.GetFileNameWithoutExtension(input) + ".docx")} (internal){Nl}"))
            + $"6 rendered, 1 failed{Nl}";

        for (var run = 0; run < 3; run++)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exitCode = RenderCommand.Run([_temp["in"]], null, output, new Reporter(stdout, stderr), maxParallelism: 4);

            Assert.Equal(1, exitCode);
            Assert.Equal(expected, stdout.ToString());
            Assert.All(stderr.ToString().Split(Nl, StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith(inputs[3] + ":", line, StringComparison.Ordinal));
        }

        Assert.Equal(6, Directory.GetFiles(output, "*.docx").Length);
        Assert.False(File.Exists(Path.Join(output, "04.docx")));
    }

    [Fact]
    public void On_a_terminal_each_file_gets_a_line_counting_the_files_done()
    {
        var inputs = WriteInputs(3, badIndex: 1);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = RenderCommand.Run(inputs, null, _temp["out/"], new Reporter(stdout, stderr) { Interactive = true });

        Assert.Equal(1, exitCode);
        var lines = stdout.ToString().Split(Nl, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"[1/3] rendered {inputs[0]} -> ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"[2/3] failed {inputs[1]}", lines[1]);
        Assert.StartsWith($"[3/3] rendered {inputs[2]} -> ", lines[2], StringComparison.Ordinal);
        Assert.Equal("2 rendered, 1 failed", lines[3]);
    }

    [Fact]
    public void Render_with_json_format_prints_one_json_document_of_documents_and_diagnostics_on_stdout()
    {
        var inputs = WriteInputs(2, badIndex: 0);

        var run = CliRun.Of("render", _temp["in"], "-o", _temp["out/"], "--format", "json", "--mode", "both");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var documents = json.RootElement.GetProperty("documents").EnumerateArray()
            .Select(d => (File: d.GetProperty("file").GetString(), Output: d.GetProperty("output").GetString(), Version: d.GetProperty("version").GetString()))
            .ToList();
        Assert.Equal(
            [
                (inputs[1], Path.Join(_temp["out/"], "02.docx"), "internal"),
                (inputs[1], Path.Join(_temp["out/"], "02.publication.docx"), "publication"),
            ],
            documents);
        var diagnostics = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d =>
        {
            Assert.Equal(inputs[0], d.GetProperty("file").GetString());
            Assert.True(d.GetProperty("line").GetInt32() >= 1);
            Assert.True(d.GetProperty("column").GetInt32() >= 1);
            Assert.Matches("^(error|warning)$", d.GetProperty("severity").GetString());
            Assert.Matches("^MT[0-9]{4}$", d.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(d.GetProperty("message").GetString()));
        });
        Assert.Contains(diagnostics, d => d.GetProperty("message").GetString()!.Contains("agenda", StringComparison.Ordinal));

        // The lines for people go to standard error, so standard output is nothing but the document.
        Assert.Contains($"rendered {inputs[1]} -> ", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith($"1 rendered, 1 failed{Nl}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_problem_names_its_part_in_its_own_json_field_and_in_brackets_in_text()
    {
        var input = WriteInputs(1)[0];
        var template = _temp["house.docx"];
        File.WriteAllBytes(template, new TemplateBuilder().Lines("{{ meeting.body }}").Header("default", Wml.Para("{{ meeting.bodyy }}")).ToPackage());

        var json = CliRun.Of("render", input, "-t", template, "-o", _temp["out/"], "--format", "json");
        var text = CliRun.Of("render", input, "-t", template, "-o", _temp["out/"]);

        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var entry = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal(("house.docx", "header1", 1, "MT2008"), (entry.GetProperty("file").GetString(), entry.GetProperty("part").GetString(), entry.GetProperty("line").GetInt32(), entry.GetProperty("code").GetString()));
        Assert.StartsWith("house.docx[header1]:1:", text.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'body'?", text.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_with_json_format_prints_an_empty_array_of_diagnostics_for_valid_minutes()
    {
        var inputs = WriteInputs(1);

        var run = CliRun.Of("validate", "--format", "json", inputs[0]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var diagnostics = json.RootElement.GetProperty("diagnostics");
        Assert.Equal(JsonValueKind.Array, diagnostics.ValueKind);
        Assert.Equal(0, diagnostics.GetArrayLength());
        Assert.False(json.RootElement.TryGetProperty("documents", out _));
        Assert.Equal($"ok: {inputs[0]}{Nl}", run.Stderr);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_json_error_without_a_place()
    {
        var file = _temp["in/unreadable.yaml"];
        using var stdout = new StringWriter();
        var reporter = new Reporter(stdout, TextWriter.Null) { Format = DiagnosticFormat.Json };

        reporter.FileError(file, "cannot be read");
        reporter.Finish();

        using var json = JsonDocument.Parse(stdout.ToString());
        var entry = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal(file, entry.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("line").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("column").ValueKind);
        Assert.Equal("error", entry.GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("code").ValueKind);
        Assert.Equal("cannot be read", entry.GetProperty("message").GetString());
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var inputs = WriteInputs(1);

        var run = CliRun.Of("render", inputs[0], "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("xml", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_error_with_json_format_prints_no_document()
    {
        var run = CliRun.Of("render", _temp["missing.yaml"], "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
    }
}
