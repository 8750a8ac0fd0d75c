using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Minutes.Templating.Tests.EndToEnd;

/// <summary>The texts of a minutes YAML file that a rendering must print, and the check that a document's text holds them in order.</summary>
internal static partial class YamlTexts
{
    private static readonly HashSet<string> TextKeys = ["title", "presenter", "text", "topic", "agreement", "decision", "action", "documents", "points"];

    private static readonly HashSet<string> OutcomeKeys = ["agreement", "decision", "action"];

    /// <summary>The built-in templates that are a decision list: they print the meeting's outcomes, not its discussion.</summary>
    private static readonly HashSet<string> DecisionLists = ["besluitenlijst"];

    /// <summary>
    /// Asserts that the text a template rendered holds every text of the YAML that this kind of
    /// template prints, in order: everything for minutes, the decisions, agreements and actions for a
    /// decision list.
    /// </summary>
    public static void AssertInOrder(string text, string path, string templateName, bool collapseWhitespace = false) =>
        AssertInOrder(text, DecisionLists.Contains(templateName) ? DecisionListOrder(path) : InOrder(path), collapseWhitespace);

    /// <summary>A decision list's order: the body's name, the decisions and agreements, then the actions, each in the YAML's order.</summary>
    private static IEnumerable<string> DecisionListOrder(string path)
    {
        var texts = InOrder(path, outcomesOnly: true).ToList();
        var actions = ActionTexts(path).ToHashSet();
        return [texts[0], .. texts.Skip(1).Where(t => !actions.Contains(t)), .. texts.Skip(1).Where(actions.Contains)];
    }

    private static IEnumerable<string> ActionTexts(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        return yaml.Documents[0].AllNodes.OfType<YamlMappingNode>()
            .Select(m => m.Children.TryGetValue(new YamlScalarNode("action"), out var action) ? action : null)
            .OfType<YamlScalarNode>()
            .Select(a => Plain(a.Value!));
    }

    /// <summary>
    /// Asserts that <paramref name="text"/> holds every text of the YAML file at <paramref name="path"/>, in the YAML's order.
    /// With <paramref name="collapseWhitespace"/>, runs of whitespace count as one space on both sides (for text read
    /// back from a PDF, where lines wrap).
    /// </summary>
    public static void AssertInOrder(string text, string path, bool collapseWhitespace = false) =>
        AssertInOrder(text, InOrder(path), collapseWhitespace);

    private static void AssertInOrder(string text, IEnumerable<string> texts, bool collapseWhitespace)
    {
        if (collapseWhitespace)
        {
            text = Collapse(text);
        }

        var position = 0;
        foreach (var yamlText in texts)
        {
            var expected = collapseWhitespace ? Collapse(yamlText) : yamlText;
            var found = text.IndexOf(expected, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{expected}' is missing after position {position} of the document's text:\n{text}");
            position = found + expected.Length;
        }
    }

    /// <summary>
    /// The texts of a YAML file that minutes print, in the YAML's order: the body's name, the attendees,
    /// and everything under the agenda. Inline Markdown is reduced to its text.
    /// </summary>
    public static IEnumerable<string> InOrder(string path, bool outcomesOnly = false)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var meeting = (YamlMappingNode)root.Children[new YamlScalarNode("meeting")];
        yield return Plain(((YamlScalarNode)meeting.Children[new YamlScalarNode("body")]).Value!);
        if (!outcomesOnly && root.Children.TryGetValue(new YamlScalarNode("attendees"), out var attendees))
        {
            foreach (var group in ((YamlMappingNode)attendees).Children)
            {
                foreach (var person in (YamlSequenceNode)group.Value)
                {
                    var text = person is YamlScalarNode s ? s.Value : (person as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("name"), out var n) == true ? ((YamlScalarNode)n).Value : null;
                    if (text is not null)
                    {
                        yield return Plain(text);
                    }
                }
            }
        }

        foreach (var text in AgendaTexts(root.Children[new YamlScalarNode("agenda")], outcomesOnly))
        {
            yield return text;
        }
    }

    private static IEnumerable<string> AgendaTexts(YamlNode node, bool outcomesOnly, bool isOutcome = false)
    {
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Value is { Length: > 0 } value && (isOutcome || !outcomesOnly):
                // A footnote's text stands at the foot of the page: the text around it is checked in its place.
                foreach (var piece in Footnote().Split(value).Select(p => p.Trim()).Where(p => p.Length > 0))
                {
                    yield return Plain(piece);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence)
                {
                    foreach (var text in AgendaTexts(child, outcomesOnly))
                    {
                        yield return text;
                    }
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value!;
                    if (TextKeys.Contains(name))
                    {
                        foreach (var text in AgendaTexts(value, outcomesOnly, OutcomeKeys.Contains(name)))
                        {
                            yield return text;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>The text as the internal version prints it: Markdown marks gone, a redaction span's own text kept with its ground beside it.</summary>
    private static string Plain(string markdown) =>
        Link().Replace(Redaction().Replace(markdown, "$1 $2").Replace("**", string.Empty, StringComparison.Ordinal), "$1").Replace("*", string.Empty, StringComparison.Ordinal);

    /// <summary>The footnotes of a text: <c>^[…]</c>, with links and redaction spans inside.</summary>
    [GeneratedRegex(@"\^\[(?:[^\[\]]|\[[^\]]*\]|\[\[[^\]]*\]\])*\]")]
    public static partial Regex Footnote();

    [GeneratedRegex(@"\[\[([^|\]]*)\|([^\]]*)\]\]")]
    private static partial Regex Redaction();

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
