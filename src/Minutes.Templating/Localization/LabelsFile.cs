using System.Text;
using Minutes.Templating.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
    /// <summary>Reads a labels file; problems are added to <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Read(string text, string fileName, List<Diagnostic> diagnostics)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Error(fileName, ex.Start, "not valid YAML: " + ex.Message));
            return result;
        }

        if (stream.Documents.Count == 0)
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode languages)
        {
            diagnostics.Add(Error(fileName, stream.Documents[0].RootNode.Start, "a labels file maps language tags (nl, en, …) to labels"));
            return result;
        }

        foreach (var (languageNode, labelsNode) in languages.Children)
        {
            if (labelsNode is not YamlMappingNode labels || languageNode is not YamlScalarNode { Value: { } language })
            {
                diagnostics.Add(Error(fileName, labelsNode.Start, "each language maps label keys to texts, such as 'present: Aanwezig'"));
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in labels.Children)
            {
                if (keyNode is YamlScalarNode { Value: { } key } && valueNode is YamlScalarNode { Value: { } value })
                {
                    if (!Labels.Keys.Contains(key) && Suggestions.Closest(key, Labels.Keys) is { } suggestion)
                    {
                        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.InvalidLabels, $"'{key}' is not a built-in label; did you mean '{suggestion}'?", Location(fileName, keyNode.Start)));
                    }

                    values[key] = value;
                }
                else
                {
                    diagnostics.Add(Error(fileName, valueNode.Start, "a label is a text, such as 'present: Aanwezig'"));
                }
            }

            result[language] = values;
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

    private static Diagnostic Error(string fileName, Mark mark, string message) =>
        new(DiagnosticSeverity.Error, DiagnosticCodes.InvalidLabels, message, Location(fileName, mark));

    private static SourceLocation Location(string fileName, Mark mark) => new(fileName, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
