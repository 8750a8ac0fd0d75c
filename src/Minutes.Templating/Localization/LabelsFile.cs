using System.Text;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Parsing;

namespace Minutes.Templating.Localization;

/// <summary>
/// A template's own labels: a YAML file mapping language tags to labels,
/// <code>
/// nl:
///   present: Aanwezigen
/// en:
///   present: Attendees
/// </code>
/// </summary>
internal static class LabelsFile
{
    /// <summary>
    /// Reads a labels file with the parser's YAML reader, within the same limits as minutes (size, UTF-8, depth,
    /// nodes); problems are added to <paramref name="diagnostics"/>, each at its line and column.
    /// </summary>
    /// <param name="stream">The labels file's bytes (UTF-8).</param>
    /// <param name="fileName">The file name for diagnostics.</param>
    /// <param name="limits">The limits; <see cref="ReadLimits.MinutesSize"/> applies.</param>
    /// <param name="diagnostics">Receives every problem found.</param>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Read(Stream stream, string fileName, ReadLimits limits, List<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        if (YamlTree.ReadText(stream, fileName, limits.MinutesSize, diagnostics) is not { } text)
        {
            return result;
        }

        var root = YamlTree.Read(text, fileName, diagnostics, out var syntaxError, limits.MinutesSize);
        if (syntaxError || root is null || root is SourceScalar { Kind: ScalarKind.Null })
        {
            return result;
        }

        if (root is not SourceMapping languages)
        {
            diagnostics.Add(Error(root.Location, $"a labels file maps language tags (nl, en, …) to labels, not {root.Describe()}"));
            return result;
        }

        foreach (var (language, labelsNode) in languages.Entries)
        {
            if (!labelsNode.IsComplete)
            {
                continue; // Already reported by the reader (an alias).
            }

            if (labelsNode is not SourceMapping labels)
            {
                diagnostics.Add(Error(labelsNode.Location, "each language maps label keys to texts, such as 'present: Aanwezig'"));
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, valueNode) in labels.Entries)
            {
                if (!valueNode.IsComplete)
                {
                    continue;
                }

                if (valueNode is not SourceScalar { Kind: not ScalarKind.Null } value)
                {
                    diagnostics.Add(Error(valueNode.Location, $"a label is a text, such as 'present: Aanwezig', not {valueNode.Describe()}"));
                    continue;
                }

                if (!Labels.Keys.Contains(key.Value) && Suggestions.Closest(key.Value, Labels.Keys) is { } suggestion)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidLabels, $"'{key.Value}' is not a built-in label; did you mean '{suggestion}'?", key.Location));
                }

                values[key.Value] = value.Value;
            }

            result[language.Value] = values;
        }

        return result;
    }

    /// <summary>Writes labels as a labels file a person can edit.</summary>
    public static string Write(IEnumerable<(string Language, IReadOnlyDictionary<string, string> Labels)> languages, string comment)
    {
        var builder = new StringBuilder();
        foreach (var line in comment.Split('\n'))
        {
            builder.Append("# ").Append(line).Append('\n');
        }

        foreach (var (language, labels) in languages)
        {
            builder.Append(language).Append(":\n");
            foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                builder.Append("  ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static Diagnostic Error(SourceLocation location, string message) =>
        new(DiagnosticSeverity.Error, DiagnosticCodes.InvalidLabels, message, location);
}
