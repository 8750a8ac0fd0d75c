using Scriban.Parsing;

namespace Minutes.Templating.Engine;

/// <summary>
/// Finds where tags start and end in a paragraph's text with Scriban's own lexer, so that a tag ends where
/// Scriban would end it: a <c>}}</c> or <c>{{</c> inside a string literal (<c>{{ "}}" }}</c>,
/// <c>{{ x | string.append '}}' }}</c>) belongs to the tag, as it does when the tag runs.
/// </summary>
internal static class TagFinder
{
    private static readonly LexerOptions Options = new() { Mode = ScriptMode.Default };

    /// <summary>
    /// The tags of <paramref name="text"/> as [start, end) spans, in order. A tag not closed in the text is
    /// added to <paramref name="problems"/> (message, 1-based column), and the search goes on at the next <c>{{</c>.
    /// </summary>
    /// <param name="text">A paragraph's text (or a property's), as the author typed it.</param>
    /// <param name="problems">Receives the tags that are not closed.</param>
    public static List<(int Start, int End)> Find(string text, List<(string Message, int Column)> problems)
    {
        var spans = new List<(int, int)>();
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return spans;
        }

        var code = Lexable(text);
        var from = code.IndexOf("{{", StringComparison.Ordinal);
        while (from >= 0)
        {
            var lexer = new Lexer(code, options: Options with { StartPosition = new TextPosition(from, 0, from) });
            var open = -1;
            var resumeAt = -1;
            foreach (var token in lexer)
            {
                if (token.Type == TokenType.CodeEnter)
                {
                    open = token.Start.Offset;
                }
                else if (token.Type == TokenType.CodeExit && open >= 0)
                {
                    spans.Add((open, token.End.Offset + 1));
                    open = -1;
                }
                else if (token.Type == TokenType.Eof)
                {
                    break;
                }
            }

            if (open >= 0)
            {
                // Scriban would read the rest of the paragraph as this tag's code: report it, and look for
                // tags after its '{{' again, as an author who forgot one '}}' expects.
                var unterminated = lexer.Errors.Any(e => e.Message.Contains("string", StringComparison.OrdinalIgnoreCase));
                problems.Add((unterminated
                    ? "the tag is not closed with '}}' in this paragraph: a string in it is not closed, so its '}}' is part of the string"
                    : "the tag is not closed with '}}' in this paragraph", open + 1));
                resumeAt = code.IndexOf("{{", open + 2, StringComparison.Ordinal);
            }

            from = resumeAt;
        }

        return spans;
    }

    /// <summary>
    /// The text as Scriban reads it: quotes straightened (Word's autocorrect), and a <c>{%</c> made plain so that
    /// Scriban's escape blocks (<c>{%{ … }%}</c>) play no part in a Word document, where that text is printed as typed.
    /// Every character keeps its place.
    /// </summary>
    private static string Lexable(string text) => TagSyntax.Straighten(text).Replace("{%", "{ ", StringComparison.Ordinal);
}
