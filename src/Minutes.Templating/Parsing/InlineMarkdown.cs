using System.Buffers;
using System.Text;
using Minutes.Templating.Model;

namespace Minutes.Templating.Parsing;

/// <summary>
/// The small inline Markdown of the minutes' text fields: <c>**bold**</c>, <c>*italic*</c>,
/// <c>[link text](https://…)</c>, redaction spans <c>[[Jan Jansen|5.1.2e]]</c>, footnotes
/// <c>^[text]</c>, line breaks, and backslash escapes (<c>\*</c>, <c>\[</c>, <c>\]</c>, <c>\(</c>,
/// <c>\)</c>, <c>\|</c>, <c>\^</c>, <c>\\</c>).
/// </summary>
/// <remarks>
/// Markup that is not closed is kept as literal text, and so is a link whose address is not an
/// absolute <c>http</c>, <c>https</c> or <c>mailto</c> URL. A text without markup becomes a single
/// <see cref="TextInline"/>.
/// </remarks>
public static class InlineMarkdown
{
    /// <summary>Markup nested deeper than this is read as literal text (keeps the stack small).</summary>
    private const int MaxNesting = 16;

    /// <summary>
    /// The characters that can start markup, an escape or a line break (<c>^</c>, <c>]</c>, <c>(</c>, <c>)</c> and
    /// <c>|</c> mean something only after a <c>[</c>): a text without any of them is one <see cref="TextInline"/>.
    /// </summary>
    private static readonly SearchValues<char> MarkupStarts = SearchValues.Create("\\\n\r[*");

    /// <summary>Parses inline Markdown; malformed redaction spans are kept as literal text.</summary>
    /// <param name="text">The text as written.</param>
    public static InlineText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, errors: null);
    }

    /// <summary>
    /// Parses inline Markdown and reports malformed markup with its offset in <paramref name="text"/>; the ground of
    /// each redaction span goes to <paramref name="grounds"/> with its offset, for the caller to check.
    /// </summary>
    internal static InlineText Parse(string text, List<(int Offset, string Message)>? errors, List<(int Offset, string Ground)>? grounds = null)
    {
        if (text.Length == 0)
        {
            return InlineText.Empty;
        }

        if (!text.AsSpan().ContainsAny(MarkupStarts))
        {
            // Most texts have no markup at all: the text itself is the one piece, without the parser's tables.
            return new InlineText(new ValueList<Inline>([new TextInline { Text = text }]));
        }

        var state = new State(text, errors, grounds);
        return new InlineText(state.ParseRange(0, text.Length, 0));
    }

    private static bool IsEscapable(char c) => c is '\\' or '*' or '[' or ']' or '(' or ')' or '|' or '_' or '`' or '^';

    private static bool IsLinkUrl(string url) =>
        url.Length > 0
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);

    private sealed class State
    {
        private readonly string _s;
        private readonly bool[] _escaped;
        private readonly List<(int Offset, string Message)>? _errors;
        private readonly List<(int Offset, string Ground)>? _grounds;

        /// <summary>For each unescaped <c>[</c>, the index of its matching <c>]</c> (nesting counted), or -1.</summary>
        private readonly int[] _matchingBracket;

        private bool _inFootnote;

        public State(string s, List<(int Offset, string Message)>? errors, List<(int Offset, string Ground)>? grounds)
        {
            _s = s;
            _errors = errors;
            _grounds = grounds;
            _escaped = new bool[s.Length];
            for (var i = 0; i < s.Length - 1; i++)
            {
                if (s[i] == '\\' && IsEscapable(s[i + 1]))
                {
                    _escaped[i + 1] = true;
                    i++;
                }
            }

            // One pass with a stack, so finding a footnote's end never rescans the text.
            _matchingBracket = new int[s.Length];
            var open = new Stack<int>();
            for (var i = 0; i < s.Length; i++)
            {
                if (_escaped[i])
                {
                    continue;
                }

                if (s[i] == '[')
                {
                    _matchingBracket[i] = -1;
                    open.Push(i);
                }
                else if (s[i] == ']' && open.Count > 0)
                {
                    _matchingBracket[open.Pop()] = i;
                }
            }
        }

        /// <summary>Parses <c>[start, end)</c>; each call searches closers only inside its range.</summary>
        public List<Inline> ParseRange(int start, int end, int depth)
        {
            var result = new List<Inline>();

            // Room for the whole range at once: a builder that grew in chunks allocates again on every Clear.
            var text = new StringBuilder(end - start);
            var finder = new Finder(this, end);
            var markup = depth < MaxNesting;

            void Flush()
            {
                if (text.Length > 0)
                {
                    result.Add(new TextInline { Text = text.ToString() });
                    text.Clear();
                }
            }

            var i = start;
            while (i < end)
            {
                var c = _s[i];
                if (c == '\\' && i + 1 < end && _escaped[i + 1])
                {
                    text.Append(_s[i + 1]);
                    i += 2;
                    continue;
                }

                if (c == '\n')
                {
                    Flush();
                    result.Add(LineBreakInline.Instance);
                    i++;
                    continue;
                }

                if (c == '\r')
                {
                    i++;
                    continue;
                }

                if (!markup || _escaped[i])
                {
                    text.Append(c);
                    i++;
                    continue;
                }

                if (c == '^' && At(i + 1, end, '[') && !_escaped[i + 1] && _matchingBracket[i + 1] is var footnoteEnd && footnoteEnd > 0 && footnoteEnd < end)
                {
                    if (_inFootnote)
                    {
                        _errors?.Add((i, "a footnote cannot hold another footnote; write its text in the footnote itself"));
                    }
                    else if (_s.AsSpan(i + 2, footnoteEnd - i - 2).Trim().IsEmpty)
                    {
                        _errors?.Add((i, "footnote '^[]' has no text; write it as ^[text]"));
                    }
                    else
                    {
                        Flush();
                        _inFootnote = true;
                        result.Add(new FootnoteInline { Content = ParseRange(i + 2, footnoteEnd, depth + 1) });
                        _inFootnote = false;
                        i = footnoteEnd + 1;
                        continue;
                    }
                }

                if (c == '[' && At(i + 1, end, '['))
                {
                    var close = finder.Find(Finder.RedactionClose, i + 2);
                    if (close >= 0)
                    {
                        if (TryRedaction(i, close, out var redaction))
                        {
                            Flush();
                            result.Add(redaction);
                        }
                        else
                        {
                            text.Append(_s, i, close + 2 - i);
                        }

                        i = close + 2;
                        continue;
                    }
                }

                if (c == '[')
                {
                    // The matching bracket when there is one, so a link's text may hold a redaction span.
                    var close = _matchingBracket[i] > i && _matchingBracket[i] < end ? _matchingBracket[i] : finder.Find(Finder.BracketClose, i + 1);
                    if (close >= 0 && At(close + 1, end, '('))
                    {
                        var paren = finder.Find(Finder.ParenClose, close + 2);
                        if (paren >= 0)
                        {
                            var url = _s[(close + 2)..paren].Trim();
                            if (close > i + 1 && IsLinkUrl(url))
                            {
                                Flush();
                                result.Add(new LinkInline { Content = ParseRange(i + 1, close, depth + 1), Url = url });
                                i = paren + 1;
                                continue;
                            }
                        }
                    }

                    text.Append(c);
                    i++;
                    continue;
                }

                if (c == '*' && At(i + 1, end, '*'))
                {
                    var close = finder.Find(Finder.DoubleStar, i + 2);

                    // "***x***": the closing "**" is the last two stars of the run.
                    while (close >= 0 && At(close + 2, end, '*') && !_escaped[close + 2])
                    {
                        close++;
                    }

                    if (close > i + 2)
                    {
                        Flush();
                        result.Add(new StrongInline { Content = ParseRange(i + 2, close, depth + 1) });
                        i = close + 2;
                    }
                    else
                    {
                        text.Append("**");
                        i += 2;
                    }

                    continue;
                }

                if (c == '*')
                {
                    var close = finder.Find(Finder.SingleStar, i + 1);
                    if (close > i + 1)
                    {
                        Flush();
                        result.Add(new EmphasisInline { Content = ParseRange(i + 1, close, depth + 1) });
                        i = close + 1;
                        continue;
                    }
                }

                text.Append(c);
                i++;
            }

            Flush();
            return result;
        }

        private bool At(int index, int end, char c) => index < end && _s[index] == c;

        private bool TryRedaction(int open, int close, out RedactionInline redaction)
        {
            redaction = null!;
            var bar = -1;
            for (var k = close - 1; k >= open + 2; k--)
            {
                if (_s[k] == '|' && !_escaped[k])
                {
                    bar = k;
                    break;
                }
            }

            var name = bar < 0 ? string.Empty : Unescape(open + 2, bar).Trim();
            var ground = bar < 0 ? string.Empty : Unescape(bar + 1, close).Trim();
            if (bar < 0 || name.Length == 0 || ground.Length == 0 || name.Contains('\n', StringComparison.Ordinal))
            {
                var what = bar < 0
                    ? "has no ground"
                    : name.Length == 0 ? "has no text" : ground.Length == 0 ? "has no ground" : "spans a line break";
                _errors?.Add((open, $"redaction span '{_s[open..(close + 2)]}' {what}; write it as [[text|ground]], for example [[Jan Jansen|5.1.2e]]"));
                return false;
            }

            var groundStart = bar + 1;
            while (groundStart < close && char.IsWhiteSpace(_s[groundStart]))
            {
                groundStart++;
            }

            _grounds?.Add((groundStart, ground));
            redaction = new RedactionInline { Text = name, Ground = ground };
            return true;
        }

        private string Unescape(int start, int end)
        {
            var builder = new StringBuilder(end - start);
            for (var k = start; k < end; k++)
            {
                if (_s[k] == '\\' && k + 1 < end && _escaped[k + 1])
                {
                    continue;
                }

                builder.Append(_s[k]);
            }

            return builder.ToString();
        }

        /// <summary>
        /// Finds closers within one range. Each kind caches its last answer: when no closer lies in
        /// <c>[from, found)</c>, every later search starting in that span has the same answer, so a
        /// run of unclosed markers costs linear, not quadratic, time.
        /// </summary>
        private sealed class Finder(State state, int end)
        {
            public const int RedactionClose = 0;
            public const int BracketClose = 1;
            public const int ParenClose = 2;
            public const int DoubleStar = 3;
            public const int SingleStar = 4;

            private readonly (int From, int Found)[] _cache = [(-1, -1), (-1, -1), (-1, -1), (-1, -1), (-1, -1)];

            public int Find(int kind, int from)
            {
                var (cachedFrom, cachedFound) = _cache[kind];
                if (cachedFrom >= 0 && from >= cachedFrom && (cachedFound < 0 || from <= cachedFound))
                {
                    return cachedFound;
                }

                var found = -1;
                for (var k = from; k < end; k++)
                {
                    if (Matches(kind, k))
                    {
                        found = k;
                        break;
                    }
                }

                _cache[kind] = (from, found);
                return found;
            }

            private bool Matches(int kind, int k)
            {
                var s = state._s;
                if (state._escaped[k])
                {
                    return false;
                }

                return kind switch
                {
                    RedactionClose => s[k] == ']' && k + 1 < end && s[k + 1] == ']',
                    BracketClose => s[k] == ']',
                    ParenClose => s[k] == ')',
                    DoubleStar => s[k] == '*' && k + 1 < end && s[k + 1] == '*',
                    _ => s[k] == '*' && (k + 1 >= end || s[k + 1] != '*') && s[k - 1] != '*',
                };
            }
        }
    }
}
