using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Minutes.Templating.Diagnostics;

namespace Minutes.Templating.Cli;

/// <summary>How <c>render</c> and <c>validate</c> report diagnostics (<c>--format</c>).</summary>
internal enum DiagnosticFormat
{
    /// <summary>One line per diagnostic on standard error, in the form compilers use.</summary>
    Text,

    /// <summary>
    /// One JSON document on standard output when the command ends: an object with <c>diagnostics</c>, an array of
    /// <c>{file, line, column, severity, code, message}</c>, and for <c>render</c> <c>documents</c>, an array of
    /// <c>{file, output, version}</c>. The lines meant for people go to standard error.
    /// </summary>
    Json,
}

/// <summary>
/// Writes what the commands have to say: results to standard output, diagnostics and errors to standard error;
/// or, with <see cref="DiagnosticFormat.Json"/>, diagnostics collected into one JSON document on standard output.
/// Not thread-safe: one thread at a time reports.
/// </summary>
internal sealed class Reporter(TextWriter stdout, TextWriter stderr)
{
    /// <summary>The name the command goes by in its messages.</summary>
    public const string CommandName = "minutes";

    /// <summary>The values <c>--format</c> accepts.</summary>
    public static readonly string[] FormatNames = ["text", "json"];

    private readonly List<JsonEntry> _collected = [];
    private readonly List<WrittenDocument> _written = [];

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>How diagnostics are written.</summary>
    public DiagnosticFormat Format { get; set; } = DiagnosticFormat.Text;

    /// <summary>True when standard output is a terminal a person watches, so progress is worth showing.</summary>
    public bool Interactive { get; init; }

    /// <summary>
    /// Where the lines about each file and the summary go: standard output, or standard error when standard
    /// output carries the JSON document.
    /// </summary>
    public TextWriter Results => Format == DiagnosticFormat.Json ? Error : Out;

    /// <summary>Parses a <c>--format</c> value (one of <see cref="FormatNames"/>); null means text.</summary>
    public static DiagnosticFormat ParseFormat(string? value) =>
        string.Equals(value, "json", StringComparison.OrdinalIgnoreCase) ? DiagnosticFormat.Json : DiagnosticFormat.Text;

    /// <summary>Writes each diagnostic as <c>file:line:column: error|warning: message [code]</c>, or collects it for JSON.</summary>
    public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (Format == DiagnosticFormat.Json)
            {
                var location = diagnostic.Location;
                _collected.Add(new JsonEntry(location.File, location.Part, location.Line, location.Column, SeverityName(diagnostic.Severity), diagnostic.Code, diagnostic.Message));
            }
            else
            {
                Error.WriteLine(diagnostic.ToString());
            }
        }
    }

    /// <summary>Writes a problem with one file that has no place inside it (it cannot be read, for example).</summary>
    public void FileError(string file, string message)
    {
        if (Format == DiagnosticFormat.Json)
        {
            _collected.Add(new JsonEntry(file, null, null, null, "error", null, message));
        }
        else
        {
            Error.WriteLine($"{file}: error: {message}");
        }
    }

    /// <summary>
    /// Says that a document was written: <c>rendered IN -> OUT (VERSION)</c> on <see cref="Results"/>, after
    /// <paramref name="progress"/>, and with <see cref="DiagnosticFormat.Json"/> an entry of <c>documents</c>.
    /// </summary>
    /// <param name="input">The minutes file.</param>
    /// <param name="output">The document written.</param>
    /// <param name="version">Which version it is: <c>internal</c> or <c>publication</c>.</param>
    /// <param name="progress">A prefix such as <c>[3/10] </c>, or empty.</param>
    public void Written(string input, string output, string version, string progress)
    {
        Results.WriteLine($"{progress}rendered {input} -> {output} ({version})");
        if (Format == DiagnosticFormat.Json)
        {
            _written.Add(new WrittenDocument(input, output, version));
        }
    }

    /// <summary>Writes a problem with the command as a whole.</summary>
    public void CommandError(string message) => Error.WriteLine($"{CommandName}: error: {message}");

    /// <summary>
    /// With <see cref="DiagnosticFormat.Json"/>, writes what was collected so far as one JSON document to standard
    /// output: <c>{"documents": [...], "diagnostics": [...]}</c> (<c>documents</c> only when <paramref name="documents"/>).
    /// </summary>
    /// <param name="documents">True for a command that writes documents (<c>render</c>).</param>
    public void Finish(bool documents = false)
    {
        if (Format != DiagnosticFormat.Json)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // Read by programs and people, never embedded in HTML: names with accents stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            if (documents)
            {
                json.WriteStartArray("documents");
                foreach (var document in _written)
                {
                    json.WriteStartObject();
                    json.WriteString("file", document.File);
                    json.WriteString("output", document.Output);
                    json.WriteString("version", document.Version);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("diagnostics");
            foreach (var entry in _collected)
            {
                json.WriteStartObject();
                json.WriteString("file", entry.File);
                if (entry.Part is not null)
                {
                    json.WriteString("part", entry.Part);
                }

                WriteNumberOrNull(json, "line", entry.Line);
                WriteNumberOrNull(json, "column", entry.Column);
                json.WriteString("severity", entry.Severity);
                json.WriteString("code", entry.Code);
                json.WriteString("message", entry.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        _collected.Clear();
        _written.Clear();
    }

    private static string SeverityName(DiagnosticSeverity severity) =>
        severity == DiagnosticSeverity.Error ? "error" : "warning";

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private sealed record WrittenDocument(string File, string Output, string Version);

    private sealed record JsonEntry(string File, string? Part, int? Line, int? Column, string Severity, string? Code, string Message);
}
