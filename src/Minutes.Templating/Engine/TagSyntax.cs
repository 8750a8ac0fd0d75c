using System.Text;
using System.Text.RegularExpressions;

namespace Minutes.Templating.Engine;

/// <summary>What a tag does, as far as its placement in the document is concerned.</summary>
internal enum TagKind
{
    /// <summary>Writes a value (<c>{{ meeting.date }}</c>).</summary>
    Output,

    /// <summary>Opens a block (<c>for</c>, <c>if</c>, <c>while</c>, <c>capture</c>, <c>with</c>, <c>case</c>, <c>func</c>…).</summary>
    Open,

    /// <summary>Continues a block (<c>else</c>, <c>else if</c>, <c>when</c>).</summary>
    Continue,

    /// <summary>Closes a block (<c>end</c>).</summary>
    Close,

    /// <summary>A statement that writes nothing (an assignment, <c>break</c>, <c>continue</c>…), or a self-contained block.</summary>
    Statement,
}

/// <summary>Reads the little that the engine needs to know of a tag's Scriban code.</summary>
internal static partial class TagSyntax
{
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal) { "for", "if", "while", "tablerow", "capture", "with", "case", "func", "wrap" };
    private static readonly HashSet<string> Continuers = new(StringComparer.Ordinal) { "else", "when" };
    private static readonly HashSet<string> Statements = new(StringComparer.Ordinal) { "break", "continue", "ret", "import", "readonly" };

    /// <summary>The code between <c>{{</c> and <c>}}</c>, without whitespace-control marks.</summary>
    public static string Code(string tag)
    {
        var code = tag.AsSpan(2, tag.Length - 4);
        if (code.Length > 0 && code[0] is '~' or '-')
        {
            code = code[1..];
        }

        if (code.Length > 0 && code[^1] is '~' or '-')
        {
            code = code[..^1];
        }

        return code.Trim().ToString();
    }

    /// <summary>Classifies a tag by its code.</summary>
    public static TagKind Classify(string code)
    {
        var (opens, closes, first) = CountBlocks(code);
        if (first is null)
        {
            // No leading word: empty, a comment, a $variable assignment, or an expression that
            // starts with a literal or a parenthesis ({{ "Nr. " + meeting.number }}), which writes.
            return code.Length == 0 || code[0] == '#' || Assignment().IsMatch(code) ? TagKind.Statement : TagKind.Output;
        }

        if (opens > closes)
        {
            return TagKind.Open;
        }

        if (closes > opens)
        {
            return TagKind.Close;
        }

        if (Continuers.Contains(first))
        {
            return TagKind.Continue;
        }

        if (opens > 0 || Statements.Contains(first) || Assignment().IsMatch(code))
        {
            return TagKind.Statement;
        }

        return TagKind.Output;
    }

    /// <summary>How many blocks the code opens and closes, and the first keyword-or-word of it.</summary>
    public static (int Opens, int Closes, string? First) CountBlocks(string code)
    {
        var opens = 0;
        var closes = 0;
        string? first = null;
        foreach (var statement in SplitStatements(code))
        {
            var match = FirstWord().Match(statement);
            if (!match.Success)
            {
                continue;
            }

            var word = match.Groups[1].Value;
            first ??= word;
            if (Openers.Contains(word) || AnonymousFunction().IsMatch(statement))
            {
                // An anonymous function opens a block too: {{ f = do; ret $0 + 1; end }}, {{ list | array.each do }}.
                opens++;
            }
            else if (word == "end")
            {
                closes++;
            }
        }

        return (opens, closes, first);
    }

    /// <summary>Straightens the quotes Word's autocorrect puts in typed tags, and non-breaking spaces.</summary>
    public static string Straighten(string tag)
    {
        var builder = new StringBuilder(tag.Length);
        foreach (var c in tag)
        {
            builder.Append(c switch
            {
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
                '\u00A0' or '\u202F' => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static IEnumerable<string> SplitStatements(string code)
    {
        // Statements are separated by ';' or line breaks outside string literals.
        var start = 0;
        char quote = '\0';
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' or '`')
            {
                quote = c;
            }
            else if (c is ';' or '\n' or '\r')
            {
                yield return code[start..i];
                start = i + 1;
            }
        }

        yield return code[start..];
    }

    // A keyword stands alone: "for" in {{ for.index }} is the loop object, not a loop.
    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_.\[])")]
    private static partial Regex FirstWord();

    // "do", optionally with its parameters, ending a statement: what follows, up to its "end", is the function's body.
    [GeneratedRegex(@"(?<![A-Za-z0-9_.$])do\s*(\([^()]*\))?\s*$")]
    private static partial Regex AnonymousFunction();

    [GeneratedRegex(@"^\s*\$?[A-Za-z_][A-Za-z0-9_.\[\]""']*\s*(=|\+=|-=|\*=|/=)(?!=)")]
    private static partial Regex Assignment();
}
