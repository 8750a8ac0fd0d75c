using System.Globalization;
using Minutes.Templating.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Minutes.Templating.Parsing;

/// <summary>What a plain YAML scalar resolves to under the YAML 1.2 core schema.</summary>
internal enum ScalarKind
{
    /// <summary>Text (quoted, block, or a plain scalar that is nothing else).</summary>
    String,

    /// <summary><c>~</c>, <c>null</c> or nothing at all.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>A decimal integer.</summary>
    Int,

    /// <summary>A decimal floating point number.</summary>
    Float,
}

/// <summary>A node of the YAML text with the place it starts, as the parser saw it.</summary>
internal abstract class SourceNode
{
    protected SourceNode(SourceLocation location, int offset)
    {
        Location = location;
        Offset = offset;
    }

    /// <summary>Where the node starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>The 0-based character offset in the text where the node starts.</summary>
    public int Offset { get; }

    /// <summary>False when reading stopped inside the node (syntax error or limit), so it may lack entries.</summary>
    public bool IsComplete { get; set; } = true;

    /// <summary>How the node is named in messages: "a mapping", "a list", "text"…</summary>
    public abstract string Describe();
}

/// <summary>A scalar.</summary>
internal sealed class SourceScalar : SourceNode
{
    public SourceScalar(SourceLocation location, int offset, string value, ScalarStyle style, ScalarKind kind)
        : base(location, offset)
    {
        Value = value;
        Style = style;
        Kind = kind;
    }

    /// <summary>The scalar's text, after YAML's folding and escapes.</summary>
    public string Value { get; }

    /// <summary>Plain, quoted, literal or folded.</summary>
    public ScalarStyle Style { get; }

    /// <summary>What the scalar resolves to.</summary>
    public ScalarKind Kind { get; }

    /// <summary>True for <c>|</c> and <c>&gt;</c> scalars.</summary>
    public bool IsBlock => Style is ScalarStyle.Literal or ScalarStyle.Folded;

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "nothing (null)",
        ScalarKind.Bool => "a yes/no value",
        ScalarKind.Int or ScalarKind.Float => "a number",
        _ => "text",
    };
}

/// <summary>A list.</summary>
internal sealed class SourceSequence(SourceLocation location, int offset) : SourceNode(location, offset)
{
    public List<SourceNode> Items { get; } = [];

    public override string Describe() => "a list";
}

/// <summary>A mapping; keys are scalars (other keys are reported and dropped), duplicates are dropped.</summary>
internal sealed class SourceMapping(SourceLocation location, int offset) : SourceNode(location, offset)
{
    public List<KeyValuePair<SourceScalar, SourceNode>> Entries { get; } = [];

    public override string Describe() => "a mapping";

    public bool TryGet(string key, out SourceScalar keyNode, out SourceNode value)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                keyNode = entry.Key;
                value = entry.Value;
                return true;
            }
        }

        keyNode = null!;
        value = null!;
        return false;
    }
}

/// <summary>
/// Reads YAML text into a small tree of <see cref="SourceNode"/>s with their positions, walking
/// YamlDotNet's parser events. Unlike YamlDotNet's representation model it keeps going after a
/// duplicate key, rejects aliases instead of expanding them, enforces size, depth and node limits
/// without recursion, and keeps what it read before a syntax error.
/// </summary>
internal static class YamlTree
{
    /// <summary>Largest accepted input, in UTF-8 bytes.</summary>
    public const int MaxInputBytes = 4 * 1024 * 1024;

    /// <summary>Deepest accepted nesting of mappings and lists.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most nodes (scalars, mappings, lists) accepted in one document.</summary>
    public const int MaxNodes = 100_000;

    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    /// <summary>The only characters a plain scalar read as a float may hold.</summary>
    private static readonly System.Buffers.SearchValues<char> FloatCharacters = System.Buffers.SearchValues.Create("0123456789.-+eE");

    /// <summary>
    /// Reads a stream of UTF-8 YAML text (a byte order mark is skipped), no more than <paramref name="maxBytes"/> of it:
    /// a larger file, or an endless stream, is one error (MT1012); bytes that are not UTF-8 are an error (MT1001)
    /// at their line and column.
    /// </summary>
    /// <param name="stream">The stream to read.</param>
    /// <param name="file">The file name for diagnostics.</param>
    /// <param name="maxBytes">The largest input accepted, in bytes.</param>
    /// <param name="diagnostics">Receives the one problem, when there is one.</param>
    /// <returns>The text, or null when it cannot be read.</returns>
    public static string? ReadText(Stream stream, string file, long maxBytes, List<Diagnostic> diagnostics) =>
        Decode(ReadLimits.ReadAll(stream, maxBytes), file, maxBytes, diagnostics);

    /// <summary>
    /// Decodes the UTF-8 bytes of a file read within the limit (<see cref="ReadLimits.ReadAll"/> or its asynchronous
    /// form): null bytes (the limit was passed) are one error, bytes that are not UTF-8 an error at their place.
    /// </summary>
    /// <param name="bytes">The bytes read, or null when reading stopped at the limit.</param>
    /// <param name="file">The file name for diagnostics.</param>
    /// <param name="maxBytes">The limit the bytes were read within.</param>
    /// <param name="diagnostics">Receives the one problem, when there is one.</param>
    /// <returns>The text, or null when it cannot be read.</returns>
    public static string? Decode(byte[]? bytes, string file, long maxBytes, List<Diagnostic> diagnostics)
    {
        if (bytes is null)
        {
            diagnostics.Add(Error(DiagnosticCodes.LimitExceeded, $"the file is larger than {ReadLimits.Size(maxBytes)}: {ReadLimits.Exceeded("minutes-size", maxBytes, bytes: true)}", new SourceLocation(file, 1, 1)));
            return null;
        }

        var text = bytes.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var chars = new char[text.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(text, chars, out var bytesRead, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            // The place of the first byte that is not UTF-8: its line, and its column in characters.
            var before = chars.AsSpan(0, written);
            var line = before.Count('\n') + 1;
            var column = written - (before.LastIndexOf('\n') + 1) + 1;
            diagnostics.Add(Error(
                DiagnosticCodes.SyntaxError,
                string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-8: byte 0x{text[bytesRead]:X2} cannot be read as text; save the file as UTF-8"),
                new SourceLocation(file, line, column)));
            return null;
        }

        return new string(chars, 0, written);
    }

    /// <summary>Reads the text; returns the root node, or null when there is none.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name for diagnostics.</param>
    /// <param name="diagnostics">Receives every problem found.</param>
    /// <param name="syntaxError">True when reading stopped at a YAML syntax error or a limit.</param>
    /// <param name="maxBytes">The largest input accepted, in UTF-8 bytes (<see cref="ReadLimits.MinutesSize"/>).</param>
    public static SourceNode? Read(string text, string file, List<Diagnostic> diagnostics, out bool syntaxError, long maxBytes = MaxInputBytes)
    {
        syntaxError = false;

        // A UTF-16 character is at most 3 UTF-8 bytes, so a short text need not be counted.
        if ((long)text.Length * 3 > maxBytes && System.Text.Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            diagnostics.Add(Error(
                DiagnosticCodes.LimitExceeded,
                $"the input is larger than {ReadLimits.Size(maxBytes)}: {ReadLimits.Exceeded("minutes-size", maxBytes, bytes: true)}",
                new SourceLocation(file, 1, 1)));
            syntaxError = true;
            return null;
        }

        var reader = new Reader(file, diagnostics);
        try
        {
            reader.Run(new Parser(new StringReader(text)));
        }
        catch (YamlException ex)
        {
            syntaxError = true;
            reader.MarkIncomplete();
            var error = SyntaxError(ex, text, file, out var misread);
            if (misread is { } value)
            {
                // What YAML read from the start of that text is no value of its own: the one error is this one, or the
                // alias already reported there.
                reader.DropAt(value);
                if (diagnostics.Exists(d => d.Code == DiagnosticCodes.UnsupportedYaml && d.Location == error.Location))
                {
                    error = null;
                }
            }

            if (error is not null)
            {
                diagnostics.Add(error);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            // YamlDotNet's scanner can fail on some malformed input without a YamlException; the
            // input is still not YAML, so report it like any syntax error, after the last good event.
            syntaxError = true;
            reader.MarkIncomplete();
            diagnostics.Add(Error(DiagnosticCodes.SyntaxError, "YAML syntax error: the text after this point is not well-formed YAML", Location(file, reader.LastMark)));
        }

        syntaxError |= reader.Stopped;
        return reader.Root;
    }

    internal static SourceLocation Location(string file, Mark mark) =>
        new(file, (int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

    private static int Offset(Mark mark) => (int)Math.Clamp(mark.Index, 0, int.MaxValue);

    private static Diagnostic Error(string code, string message, SourceLocation location) =>
        new(DiagnosticSeverity.Error, code, message, location);

    /// <summary>
    /// The diagnostic of a syntax error: the mistakes people make most (a tab in the indentation, a text that starts
    /// with a character YAML gives a meaning, a quote not closed, a colon and a space inside a value, a value starting
    /// with <c>@</c> or a backquote, a key indented under text) in plain words at their place; any other in the YAML
    /// reader's words at the place it gives.
    /// </summary>
    /// <param name="ex">The reader's exception.</param>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name for the diagnostic.</param>
    /// <param name="misread">Where a text starts that YAML read as something else, when that is the error.</param>
    private static Diagnostic SyntaxError(YamlException ex, string text, string file, out int? misread)
    {
        misread = null;
        var message = ReaderWords(ex);
        var at = (int)Math.Clamp(ex.Start.Index, 0, text.Length);
        var found = at < text.Length ? text[at] : '\0';
        if (message.Contains(" tab ", StringComparison.Ordinal) && IndentingTab(text, at) is { } tab)
        {
            return Error(DiagnosticCodes.SyntaxError, "YAML syntax error: a tab cannot indent YAML; indent with spaces", PlaceOf(file, text, tab));
        }

        if (MisreadValue(text, at) is { } value)
        {
            misread = value;
            var what = text[value] switch
            {
                '[' => "the start of a list",
                '{' => "the start of a mapping",
                '*' => "an alias",
                '&' => "an anchor",
                _ => "a tag",
            };
            return Error(DiagnosticCodes.SyntaxError, $"YAML syntax error: this text starts with '{text[value]}', which YAML reads as {what}, and goes on after it; put the whole text in quotes", PlaceOf(file, text, value));
        }

        var words = found switch
        {
            '"' or '\'' when message.Contains("quoted scalar", StringComparison.Ordinal)
                && (message.Contains("end of stream", StringComparison.Ordinal) || message.Contains("wrong indentation", StringComparison.Ordinal)) =>
                $"the quoted text that starts here is not closed; end it with {found}",
            '@' or '`' when message.Contains("cannot start any token", StringComparison.Ordinal) =>
                $"a value cannot start with {found}; put the whole value in quotes",
            ':' when message.Contains("invalid mapping", StringComparison.Ordinal) =>
                text.AsSpan(LineStart(text, at)..at).Contains(": ", StringComparison.Ordinal)
                    ? "a colon and a space inside a value start a new key; put the whole value in quotes"
                    : "this key is indented under text; line it up with the keys above it",
            _ => message.Length == 0 ? "the text is not well-formed YAML" : char.ToLowerInvariant(message[0]) + message[1..],
        };

        return Error(DiagnosticCodes.SyntaxError, "YAML syntax error: " + words, Location(file, ex.Start));
    }

    /// <summary>The YAML reader's own words for a syntax error, without the place it prefixes them with.</summary>
    private static string ReaderWords(YamlException ex)
    {
        // YamlDotNet prefixes its messages with "(Line: 3, Col: 1, Idx: 20) - (…): "; the
        // location is already in the diagnostic, so keep only the words.
        var message = ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0)
        {
            message = message[(cut + 3)..];
        }

        return message.Trim().TrimEnd('.');
    }

    /// <summary>
    /// Where the value starts on the line of a syntax error at <paramref name="at"/>, when that value begins with a
    /// character YAML gives a meaning (<c>[</c>, <c>{</c>, <c>*</c>, <c>&amp;</c>, <c>!</c>) and words go on after what
    /// YAML read there: a text such as <c>- [[Jan Jansen|5.1.2e]] opent …</c> or <c>- **Let op**, …</c>.
    /// </summary>
    private static int? MisreadValue(string text, int at)
    {
        if (at >= text.Length || !(char.IsLetterOrDigit(text[at]) || text[at] == '('))
        {
            return null;
        }

        var i = LineStart(text, at);
        while (i < at && text[i] == ' ')
        {
            i++;
        }

        while (i + 1 < at && text[i] == '-' && text[i + 1] == ' ')
        {
            i += 2;
            while (i < at && text[i] == ' ')
            {
                i++;
            }
        }

        if (i < at && !IsIndicator(text[i]) && text.AsSpan(i, at - i).IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon)
        {
            i += colon + 2;
            while (i < at && text[i] == ' ')
            {
                i++;
            }
        }

        return i < at && IsIndicator(text[i]) ? i : null;

        static bool IsIndicator(char c) => c is '[' or '{' or '*' or '&' or '!';
    }

    /// <summary>The index of the first tab in a line's indentation from the line of <paramref name="from"/> on, if there is one.</summary>
    private static int? IndentingTab(string text, int from)
    {
        var indenting = true;
        for (var i = LineStart(text, from); i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\t' when indenting:
                    return i;
                case '\n':
                    indenting = true;
                    break;
                case not ' ':
                    indenting = false;
                    break;
            }
        }

        return null;
    }

    private static int LineStart(string text, int at) => at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;

    /// <summary>The line and column (both from 1) of a place in the text.</summary>
    private static SourceLocation PlaceOf(string file, string text, int at)
    {
        var before = text.AsSpan(0, at);
        return new SourceLocation(file, before.Count('\n') + 1, at - LineStart(text, at) + 1);
    }

    private static ScalarKind Resolve(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is not null && tag != "!")
        {
            return tag switch
            {
                CoreTagPrefix + "null" => ScalarKind.Null,
                CoreTagPrefix + "bool" => ScalarKind.Bool,
                CoreTagPrefix + "int" => ScalarKind.Int,
                CoreTagPrefix + "float" => ScalarKind.Float,
                _ => ScalarKind.String,
            };
        }

        return scalar.Style == ScalarStyle.Plain && tag is null ? ResolvePlain(scalar.Value) : ScalarKind.String;
    }

    /// <summary>Resolves a plain scalar by the YAML 1.2 core schema (dates and times stay text).</summary>
    internal static ScalarKind ResolvePlain(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ScalarKind.Bool;
        }

        if (IsDecimalInteger(value))
        {
            return ScalarKind.Int;
        }

        return IsFloat(value) ? ScalarKind.Float : ScalarKind.String;
    }

    private static bool IsDecimalInteger(string value)
    {
        var start = value.Length > 0 && (value[0] == '-' || value[0] == '+') ? 1 : 0;
        if (value.Length == start)
        {
            return false;
        }

        for (var i = start; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFloat(string value) =>
        value.AsSpan().ContainsAnyInRange('0', '9')
        && !value.AsSpan().ContainsAnyExcept(FloatCharacters)
        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private sealed class Reader(string file, List<Diagnostic> diagnostics)
    {
        /// <summary>The frames of the open mappings and lists, outermost first; kept for reuse when they close.</summary>
        private readonly List<Frame> _frames = [];

        /// <summary>How many of <see cref="_frames"/> are open.</summary>
        private int _depth;
        private int _nodes;
        private int _documents;

        public SourceNode? Root { get; private set; }

        /// <summary>The end of the last event read, for errors that come without a position.</summary>
        public Mark LastMark { get; private set; } = Mark.Empty;

        /// <summary>True when a limit stopped reading.</summary>
        public bool Stopped { get; private set; }

        public void MarkIncomplete()
        {
            for (var i = 0; i < _depth; i++)
            {
                _frames[i].Node.IsComplete = false;
            }
        }

        /// <summary>
        /// Replaces the node that starts at <paramref name="offset"/>, when it is among the last read (on the path of last
        /// children from the root, where reading stopped), with an empty stand-in marked incomplete: what YAML read
        /// from the start of a text it misread is no value, and nothing is reported about it beyond the syntax error.
        /// </summary>
        public void DropAt(int offset)
        {
            SourceNode? parent = null;
            var node = Root;
            while (node is not null && node.Offset <= offset)
            {
                if (node.Offset == offset)
                {
                    var standIn = new SourceScalar(node.Location, node.Offset, string.Empty, ScalarStyle.Plain, ScalarKind.Null) { IsComplete = false };
                    switch (parent)
                    {
                        case SourceSequence sequence:
                            sequence.Items[^1] = standIn;
                            break;
                        case SourceMapping mapping:
                            mapping.Entries[^1] = new(mapping.Entries[^1].Key, standIn);
                            break;
                        default:
                            Root = standIn;
                            break;
                    }

                    return;
                }

                parent = node;
                node = node switch
                {
                    SourceSequence { Items: [.., var last] } => last,
                    SourceMapping { Entries: [.., var last] } => last.Value,
                    _ => null,
                };
            }
        }

        public void Run(Parser parser)
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                LastMark = current.End;
                switch (current)
                {
                    case DocumentStart:
                        _documents++;
                        if (_documents > 1)
                        {
                            diagnostics.Add(Error(
                                DiagnosticCodes.UnsupportedYaml,
                                "the file holds more than one YAML document ('---'); it must be one document",
                                Location(file, current.Start)));
                            Stopped = true;
                            return;
                        }

                        break;
                    case AnchorAlias alias:
                        diagnostics.Add(Error(
                            DiagnosticCodes.UnsupportedYaml,
                            $"YAML reads '*{alias.Value}' as an alias, and minutes do not support aliases: if the '*' starts bold or italic text, put the whole text in quotes (\"**Let op**: …\"); otherwise write the value out in full",
                            Location(file, alias.Start)));
                        if (!CountNode(current))
                        {
                            return;
                        }

                        // Keep the mapping's key/value pairing intact with a stand-in value.
                        Add(new SourceScalar(Location(file, alias.Start), Offset(alias.Start), string.Empty, ScalarStyle.Plain, ScalarKind.Null) { IsComplete = false });
                        break;
                    case Scalar scalar:
                        if (!CountNode(current))
                        {
                            return;
                        }

                        CheckTag(scalar.Tag, scalar.Start);
                        Add(new SourceScalar(Location(file, scalar.Start), Offset(scalar.Start), scalar.Value, scalar.Style, Resolve(scalar)));
                        break;
                    case MappingStart mappingStart:
                        if (!CountNode(current))
                        {
                            return;
                        }

                        CheckTag(mappingStart.Tag, mappingStart.Start);
                        if (!Open(new SourceMapping(Location(file, mappingStart.Start), Offset(mappingStart.Start))))
                        {
                            return;
                        }

                        break;
                    case SequenceStart sequenceStart:
                        if (!CountNode(current))
                        {
                            return;
                        }

                        CheckTag(sequenceStart.Tag, sequenceStart.Start);
                        if (!Open(new SourceSequence(Location(file, sequenceStart.Start), Offset(sequenceStart.Start))))
                        {
                            return;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        _depth--;
                        break;
                }
            }
        }

        private void CheckTag(TagName tag, Mark start)
        {
            if (tag.IsEmpty || tag.IsNonSpecific || tag.Value.StartsWith(CoreTagPrefix, StringComparison.Ordinal))
            {
                return;
            }

            diagnostics.Add(Error(
                DiagnosticCodes.UnsupportedYaml,
                $"YAML tag '{tag.Value}' is not supported; remove it, or put the whole value in quotes if the '!' belongs to the text",
                Location(file, start)));
        }

        private bool CountNode(ParsingEvent current)
        {
            _nodes++;
            if (_nodes <= MaxNodes)
            {
                return true;
            }

            diagnostics.Add(Error(
                DiagnosticCodes.LimitExceeded,
                string.Create(CultureInfo.InvariantCulture, $"the document has more than {MaxNodes} YAML nodes; reading stopped here"),
                Location(file, current.Start)));
            Stopped = true;
            MarkIncomplete();
            return false;
        }

        /// <summary>
        /// Opens a mapping or list; false (and one diagnostic) when it would be too deep. Reading stops
        /// there: YamlDotNet's scanner slows down quadratically on very deep flow nesting, so the rest
        /// of such a text is not worth scanning.
        /// </summary>
        private bool Open(SourceNode node)
        {
            if (_depth >= MaxDepth)
            {
                diagnostics.Add(Error(
                    DiagnosticCodes.LimitExceeded,
                    string.Create(CultureInfo.InvariantCulture, $"mappings and lists nest deeper than {MaxDepth} levels here; reading stopped"),
                    node.Location));
                Stopped = true;
                MarkIncomplete();
                return false;
            }

            // Attached to its parent on opening, so a syntax error later still leaves it in the tree.
            Add(node);
            if (_depth == _frames.Count)
            {
                _frames.Add(new Frame());
            }

            _frames[_depth++].Open(node);
            return true;
        }

        private void Add(SourceNode node)
        {
            if (_depth == 0)
            {
                Root ??= node;
                return;
            }

            var parent = _frames[_depth - 1];
            switch (parent.Node)
            {
                case SourceSequence sequence:
                    sequence.Items.Add(node);
                    break;
                case SourceMapping mapping:
                    if (!parent.HasPendingKey)
                    {
                        parent.HasPendingKey = true;
                        parent.PendingKey = node as SourceScalar;
                        if (node is not SourceScalar)
                        {
                            diagnostics.Add(Error(
                                DiagnosticCodes.WrongType,
                                $"a mapping key must be text, not {node.Describe()}",
                                node.Location));
                        }
                        else if (node is SourceScalar { IsComplete: true } key
                            && parent.TryGetEarlierKey(mapping, key.Value, out var first))
                        {
                            diagnostics.Add(Error(
                                DiagnosticCodes.DuplicateKey,
                                string.Create(CultureInfo.InvariantCulture, $"duplicate key '{key.Value}'; it is already defined on line {first.Line}, column {first.Column}"),
                                key.Location));
                            parent.PendingKey = null;
                        }

                        return;
                    }

                    parent.HasPendingKey = false;
                    if (parent.PendingKey is { } pendingKey)
                    {
                        mapping.Entries.Add(new(pendingKey, node));
                        parent.RecordKey(pendingKey);
                        parent.PendingKey = null;
                    }

                    break;
            }
        }

        /// <summary>An open mapping or list, with the state of the mapping entry being read; reused for the next one at its depth.</summary>
        private sealed class Frame
        {
            /// <summary>Up to this many entries a mapping's keys are looked through; beyond it they are indexed.</summary>
            private const int ScannedEntries = 8;

            /// <summary>The place of each key of a large mapping, once there are more than <see cref="ScannedEntries"/>.</summary>
            private Dictionary<string, SourceLocation>? _keys;

            public SourceNode Node { get; private set; } = null!;

            public bool HasPendingKey { get; set; }

            public SourceScalar? PendingKey { get; set; }

            /// <summary>Starts reading <paramref name="node"/> in this frame.</summary>
            public void Open(SourceNode node)
            {
                Node = node;
                HasPendingKey = false;
                PendingKey = null;
                _keys = null;
            }

            /// <summary>
            /// The place of the last entry of <paramref name="mapping"/> with this key: its entries are looked through while
            /// there are few (most mappings), and indexed once there are more, so a large mapping is not read in quadratic time.
            /// </summary>
            public bool TryGetEarlierKey(SourceMapping mapping, string key, out SourceLocation location)
            {
                var entries = mapping.Entries;
                if (_keys is null && entries.Count > ScannedEntries)
                {
                    _keys = new Dictionary<string, SourceLocation>(entries.Count * 2, StringComparer.Ordinal);
                    foreach (var (entryKey, _) in entries)
                    {
                        _keys[entryKey.Value] = entryKey.Location;
                    }
                }

                if (_keys is not null)
                {
                    return _keys.TryGetValue(key, out location);
                }

                for (var i = entries.Count - 1; i >= 0; i--)
                {
                    if (entries[i].Key.Value == key)
                    {
                        location = entries[i].Key.Location;
                        return true;
                    }
                }

                location = default;
                return false;
            }

            /// <summary>Notes the key of the entry just added, when the mapping's keys are indexed.</summary>
            public void RecordKey(SourceScalar key)
            {
                if (_keys is not null)
                {
                    _keys[key.Value] = key.Location;
                }
            }
        }
    }
}
