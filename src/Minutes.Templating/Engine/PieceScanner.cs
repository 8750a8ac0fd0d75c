using System.Buffers;
using System.Xml.Linq;
using static Minutes.Templating.Engine.EngineNames;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Engine;

/// <summary>What <see cref="OutputFixer"/> does with one piece of a rendered part.</summary>
internal enum PieceKind : byte
{
    /// <summary>
    /// Nothing to fix but the engine's empty markers, which are cut out, and a list level, which becomes the paragraph's
    /// <c>w:ilvl</c>; the rest is as the XML writer writes it, and is copied as it stands.
    /// </summary>
    Copy,

    /// <summary>Read into a tree, fixed and written again.</summary>
    Fix,

    /// <summary>An empty marker of the engine between pieces: counted (a loop's iteration) and left out.</summary>
    Marker,

    /// <summary>The start tag of the main document's body, whose children are pieces too.</summary>
    BodyStart,

    /// <summary>The end of the body.</summary>
    BodyEnd,
}

/// <summary>What is done to the text of a copied piece where an <see cref="Edit"/> stands.</summary>
internal enum EditKind : byte
{
    /// <summary>An engine's marker, left out.</summary>
    Cut,

    /// <summary>The list level's numbering properties, put in.</summary>
    Level,

    /// <summary>A paragraph id (<c>w14:paraId</c> or <c>w14:textId</c>, whichever comes first), replaced by the rendering's next.</summary>
    NewParagraphId,

    /// <summary>The other of the two, replaced by the same id.</summary>
    SameParagraphId,

    /// <summary>A drawing's id (<c>wp:docPr/@id</c>), replaced by the rendering's next.</summary>
    DrawingId,
}

/// <summary>A change to the text of a copied piece: where it starts, how many characters it replaces, and what with.</summary>
internal readonly record struct Edit(int Start, int Length, EditKind Kind);

/// <summary>
/// One piece of a rendered part: a child of its root (of the body, in the main document) and where it stands in
/// the text. A piece to copy also says what is changed in it on the way: markers cut out, ids made unique, a list level.
/// </summary>
internal readonly record struct Piece(PieceKind Kind, int Start, int Length)
{
    /// <summary>The first of this piece's changes in <see cref="PieceScanner.Edits"/>.</summary>
    public int FirstEdit { get; init; }

    /// <summary>How many changes are made to this piece, in text order.</summary>
    public int Edits { get; init; }

    /// <summary>The loop iterations whose markers stand in this piece (or are it).</summary>
    public int Iterations { get; init; }

    /// <summary>True when the paragraph has no properties, so they are inserted with the numbering.</summary>
    public bool NewProperties { get; init; }

    /// <summary>Where the level's digits stand in the text.</summary>
    public int LevelStart { get; init; }

    public int LevelLength { get; init; }

    /// <summary>True for the start of a body written as an empty element.</summary>
    public bool Empty { get; init; }
}

/// <summary>
/// Splits the rendered text of a part into the pieces <see cref="OutputFixer"/> fixes one at a time, and finds the
/// pieces it has nothing to fix in whose text is exactly what reading them and writing them again with the XML
/// writer gives: those are copied as they are, neither read into a tree nor written again. Most of a long part is
/// such pieces.
/// </summary>
/// <remarks>
/// A piece is copied only when its every element, attribute and text is written as the writer writes it (one
/// space before each attribute, double quotes, <c> /&gt;</c> closing an empty element, only <c>&amp;amp;</c>,
/// <c>&amp;lt;</c> and <c>&amp;gt;</c> in text, no line ends, no whitespace the reader would drop), its names are
/// well-formed and declared on the root, and nothing in it needs a fix but what can be done to the text as it is
/// copied: markers cut out, paragraph and drawing ids renumbered, one list level put in. A piece with any other
/// marker, a shape, bookmark, comment, counting list, table without rows or cell without a closing paragraph is
/// read and fixed. Anything else is a piece to fix. Anything the scanner
/// does not follow at all (a comment, a processing instruction, a namespace declared below the root, tags that do not
/// match) makes it give up on the part, which is then read and written whole as before.
/// </remarks>
internal sealed class PieceScanner
{
    /// <summary>What ends text as the writer writes it, or is written otherwise: markup, references, line ends and characters XML does not allow.</summary>
    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&>\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\n\u000B\u000C\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    internal enum Space : byte
    {
        Other,
        W,
        Mt,
        Vml,
        Wp,
        W14,
        Xml,
    }

    /// <summary>What a WordprocessingML element is to the scanner.</summary>
    internal enum WName : byte
    {
        Other,
        Paragraph,
        Properties,
        NumberingProperties,
        NumberingId,
        Style,
        BeforeNumbering,
        Table,
        Row,
        Cell,
        Fixed,
    }

    private readonly List<(string Prefix, string Uri, Space Space)> _prefixes = [];
    private readonly List<Attribute> _attributes = [];
    private readonly List<Open> _open = [];
    private readonly Numbering _numbering;
    private readonly ReadOnlyMemory<char> _memory;
    private string _defaultNamespace = string.Empty;
    private (int Start, int Length, string Uri, Space Space) _lastPrefix = (0, -1, string.Empty, Space.Other);

    private PieceScanner(ReadOnlyMemory<char> text, Numbering numbering, RootTag? knownRoot)
    {
        _memory = text;
        _numbering = numbering;
        Root = knownRoot;
        Pieces = new List<Piece>(16 + (text.Length / 256));
    }

    /// <summary>
    /// What the scanner read from a part's root start tag: the namespaces it declares, the root's name and attributes.
    /// The root tag is the template's own text, the same in every rendering of a part, so the part keeps what was read
    /// (<see cref="CompiledPart.ScannedRoot"/>) and the next scan takes it when the tag is the same text, rather than
    /// reading the thirty-odd namespace declarations of a Word part into new strings each time.
    /// </summary>
    internal sealed record RootTag
    {
        /// <summary>The start tag's text, up to its closing <c>&gt;</c>.</summary>
        public required string Tag { get; init; }

        /// <summary>The root's name, where it stands in <see cref="Tag"/>.</summary>
        public required Name Name { get; init; }

        public required bool Empty { get; init; }

        public required string DefaultNamespace { get; init; }

        public required (string Prefix, string Uri, Space Space)[] Prefixes { get; init; }

        public required string? WPrefix { get; init; }

        public required (string Prefix, string Local, string Namespace, string Value)[] Attributes { get; init; }

        public required (string Prefix, string Local, string Namespace) Element { get; init; }

        public required string QualifiedName { get; init; }

        /// <summary>
        /// The start tags the scan that left this met, by hash (see <see cref="PieceScanner.Known(ReadOnlySpan{char}, int)"/>): how a
        /// tag is taken depends only on its text and on what the root declares, so the next scan starts knowing them.
        /// Never changed once left: a scan copies it.
        /// </summary>
        public KnownTag?[]? Known { get; init; }
    }

    /// <summary>The pieces in document order.</summary>
    public List<Piece> Pieces { get; }

    /// <summary>The changes made to the pieces that are copied, in document order.</summary>
    public List<Edit> Edits { get; } = [];

    /// <summary>The root's start tag as it stands, which declares the namespaces every piece uses.</summary>
    public ReadOnlyMemory<char> RootStartTag { get; private set; }

    /// <summary>What the root's start tag holds: after a scan that followed the part, the one it read or took.</summary>
    public RootTag? Root { get; private set; }

    /// <summary>The root's qualified name.</summary>
    public string RootName => Root!.QualifiedName;

    /// <summary>The root's prefix, local name and namespace, as the writer is given them.</summary>
    public (string Prefix, string Local, string Namespace) RootElement => Root!.Element;

    /// <summary>The root's attributes as the writer is given them: prefix, local name, namespace and value.</summary>
    public IReadOnlyList<(string Prefix, string Local, string Namespace, string Value)> RootAttributes => Root!.Attributes;

    /// <summary>True when the root is an empty element.</summary>
    public bool RootEmpty => Root!.Empty;

    /// <summary>The body's prefix, local name and namespace.</summary>
    public (string Prefix, string Local, string Namespace) Body { get; private set; }

    /// <summary>The body's attributes.</summary>
    public List<(string Prefix, string Local, string Namespace, string Value)> BodyAttributes { get; } = [];

    /// <summary>The prefix the root gives the WordprocessingML namespace, for a list level's numbering properties.</summary>
    public string? WPrefix => Root!.WPrefix;

    /// <summary>The text the pieces stand in.</summary>
    public ReadOnlyMemory<char> Text => _memory;

    /// <summary>
    /// True when every piece is copied and the root and body carry no attribute but namespace declarations: the part
    /// can be written whole without an XML writer (<see cref="PieceCopier.TryCopyAll"/>).
    /// </summary>
    public bool CopiesAll =>
        BodyAttributes.Count == 0 &&
        Array.TrueForAll(Root!.Attributes, a => a.Namespace == XNamespace.Xmlns.NamespaceName) &&
        !Pieces.Exists(p => p.Kind == PieceKind.Fix);

    /// <summary>Scans <paramref name="text"/>; null when it is not XML the scanner follows (it is then read whole).</summary>
    /// <param name="text">The part's rendered XML.</param>
    /// <param name="numbering">The template's lists.</param>
    /// <param name="knownRoot">What an earlier scan of the part read from its root start tag, or null.</param>
    public static PieceScanner? Scan(ReadOnlyMemory<char> text, Numbering numbering, RootTag? knownRoot = null)
    {
        var scanner = new PieceScanner(text, numbering, knownRoot);
        if (!scanner.ScanPart(text.Span))
        {
            return null;
        }

        scanner.Root = scanner.Root! with { Known = scanner._known };
        return scanner;
    }

    /// <summary>A name in the text: where it starts, its length, and where its colon is in it (-1 for none).</summary>
    internal readonly record struct Name(int Start, int Length, int Colon)
    {
        public int LocalStart => Start + Colon + 1;

        public int LocalLength => Length - Colon - 1;
    }

    private readonly record struct Attribute(Name Name, int ValueStart, int ValueLength);

    /// <summary>
    /// An element open around the scanner. For a table, <paramref name="Filled"/> says it has a row; for a cell, that it
    /// has a paragraph or table, and <paramref name="LastIsTable"/> that its last element so far is a table (the fixes
    /// drop a table without rows and end a cell with a paragraph).
    /// </summary>
    private readonly record struct Open(Name Name, bool Preserve, Space Space, WName WName, bool Filled = false, bool LastIsTable = false);

    private bool ScanPart(ReadOnlySpan<char> text)
    {
        var pos = 0;
        if (text.StartsWith("<?xml ", StringComparison.Ordinal))
        {
            var close = text.IndexOf("?>", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            pos = close + 2;
        }

        pos = SkipWhitespace(text, pos);
        if (pos + 1 >= text.Length || text[pos] != '<' || text[pos + 1] is '!' or '?' or '/')
        {
            return false;
        }

        var rootStart = pos;
        Name rootName;
        if (Root is { } known && text[pos..].StartsWith(known.Tag, StringComparison.Ordinal))
        {
            // The same text is read the same way: what the tag declares is taken as it was read before.
            pos += known.Tag.Length;
            rootName = known.Name with { Start = rootStart + known.Name.Start };
            _defaultNamespace = known.DefaultNamespace;
            _prefixes.AddRange(known.Prefixes);
            known.Known?.CopyTo(_known, 0);
        }
        else if (!ReadStartTag(text, ref pos, out rootName, out var rootEmpty, out _) || !DeclareRoot(text, rootName, rootStart, pos, rootEmpty))
        {
            return false;
        }

        RootStartTag = _memory[rootStart..pos];
        if (!Root!.Empty)
        {
            var body = default(Name);
            var inBody = false;
            while (true)
            {
                pos = SkipWhitespace(text, pos);
                if (pos + 1 >= text.Length || text[pos] != '<' || text[pos + 1] is '!' or '?')
                {
                    return false;
                }

                if (text[pos + 1] == '/')
                {
                    if (!ReadEndTag(text, ref pos, inBody ? body : rootName))
                    {
                        return false;
                    }

                    if (!inBody)
                    {
                        break;
                    }

                    Pieces.Add(new Piece(PieceKind.BodyEnd, pos, 0));
                    inBody = false;
                    continue;
                }

                var start = pos;
                if (!inBody && IsBody(text, pos))
                {
                    if (!ReadStartTag(text, ref pos, out body, out var bodyEmpty, out _) || !Attributes(text, BodyAttributes, root: false))
                    {
                        return false;
                    }

                    Body = (body.Colon < 0 ? string.Empty : text.Slice(body.Start, body.Colon).ToString(), "body", W.NamespaceName);
                    Pieces.Add(new Piece(PieceKind.BodyStart, start, pos - start) { Empty = bodyEmpty });
                    inBody = !bodyEmpty;
                    continue;
                }

                if (!ScanPiece(text, ref pos))
                {
                    return false;
                }
            }
        }

        return SkipWhitespace(text, pos) == text.Length;
    }

    private bool IsBody(ReadOnlySpan<char> text, int pos)
    {
        var name = ScanName(text, pos + 1, out _);
        return Local(text, name).SequenceEqual("body") && Resolve(text, name, element: true) is { Space: Space.W };
    }

    /// <summary>
    /// Reads the root's namespace declarations, its name and attributes into <see cref="Root"/>; false when they are not
    /// as the scanner needs them.
    /// </summary>
    private bool DeclareRoot(ReadOnlySpan<char> text, Name name, int start, int end, bool empty)
    {
        string? wPrefix = null;
        foreach (var attribute in _attributes)
        {
            var qname = text.Slice(attribute.Name.Start, attribute.Name.Length);
            var value = text.Slice(attribute.ValueStart, attribute.ValueLength);
            if (qname.SequenceEqual("xmlns"))
            {
                _defaultNamespace = value.ToString();
            }
            else if (qname.StartsWith("xmlns:"))
            {
                var uri = value.ToString();
                if (uri.Length == 0 || _prefixes.Exists(p => p.Uri == uri))
                {
                    // Two prefixes for one namespace: the writer would choose one of them.
                    return false;
                }

                var prefix = qname[6..].ToString();
                var space = SpaceOf(uri);
                _prefixes.Add((prefix, uri, space));
                if (space == Space.W)
                {
                    wPrefix = prefix;
                }
            }
        }

        if (_defaultNamespace.Length > 0 && _prefixes.Exists(p => p.Uri == _defaultNamespace))
        {
            return false;
        }

        var attributes = new List<(string Prefix, string Local, string Namespace, string Value)>(_attributes.Count);
        if (!Attributes(text, attributes, root: true) || Resolve(text, name, element: true) is not { } ns)
        {
            return false;
        }

        Root = new RootTag
        {
            Tag = text[start..end].ToString(),
            Name = name with { Start = name.Start - start },
            Empty = empty,
            DefaultNamespace = _defaultNamespace,
            Prefixes = [.. _prefixes],
            WPrefix = wPrefix,
            Attributes = [.. attributes],
            Element = (name.Colon < 0 ? string.Empty : text.Slice(name.Start, name.Colon).ToString(), Local(text, name).ToString(), ns.Uri),
            QualifiedName = text.Slice(name.Start, name.Length).ToString(),
        };
        return true;
    }

    /// <summary>The attributes just read, as the writer is given them; false when one is not followed.</summary>
    private bool Attributes(ReadOnlySpan<char> text, List<(string Prefix, string Local, string Namespace, string Value)> into, bool root)
    {
        foreach (var attribute in _attributes)
        {
            var name = attribute.Name;
            var qname = text.Slice(name.Start, name.Length);
            var value = text.Slice(attribute.ValueStart, attribute.ValueLength);
            if (value.IndexOfAny(TextStops) >= 0 || value.Contains('"') || value.Contains('\t') || text[attribute.ValueStart - 1] != '"' || qname.StartsWith("xml:"))
            {
                // A reference, whitespace the reader changes, or xml:space, which would make whitespace between pieces count.
                return false;
            }

            string prefix, local, ns;
            if (qname.SequenceEqual("xmlns") || (name.Colon > 0 && qname[..name.Colon].SequenceEqual("xmlns")))
            {
                (prefix, local, ns) = name.Colon < 0 ? (string.Empty, "xmlns", XNamespace.Xmlns.NamespaceName) : ("xmlns", Local(text, name).ToString(), XNamespace.Xmlns.NamespaceName);
                if (!root)
                {
                    return false;
                }

                if (local == "mt")
                {
                    // The engine's namespace is not declared in the output.
                    continue;
                }
            }
            else if (name.Colon < 0)
            {
                (prefix, local, ns) = (string.Empty, qname.ToString(), string.Empty);
            }
            else if (Resolve(text, name, element: false) is { } resolved)
            {
                (prefix, local, ns) = (qname[..name.Colon].ToString(), Local(text, name).ToString(), resolved.Uri);
            }
            else
            {
                return false;
            }

            into.Add((prefix, local, ns, value.ToString()));
        }

        return true;
    }

    private static Space SpaceOf(string uri) =>
        uri == W.NamespaceName ? Space.W
        : uri == Mt.NamespaceName ? Space.Mt
        : uri == Vml.NamespaceName ? Space.Vml
        : uri == Wp.NamespaceName ? Space.Wp
        : uri == W14.NamespaceName ? Space.W14
        : Space.Other;

    private static ReadOnlySpan<char> Local(ReadOnlySpan<char> text, Name name) => text.Slice(name.LocalStart, name.LocalLength);

    /// <summary>The namespace a name's prefix stands for on the root; null when it is not declared there.</summary>
    private (string Uri, Space Space)? Resolve(ReadOnlySpan<char> text, Name name, bool element)
    {
        if (name.Colon < 0)
        {
            return element ? (_defaultNamespace, SpaceOf(_defaultNamespace)) : (string.Empty, Space.Other);
        }

        var prefix = text.Slice(name.Start, name.Colon);
        if (prefix.SequenceEqual(text.Slice(_lastPrefix.Start, Math.Max(_lastPrefix.Length, 0))) && _lastPrefix.Length >= 0)
        {
            return (_lastPrefix.Uri, _lastPrefix.Space);
        }

        if (prefix.SequenceEqual("xml"))
        {
            return (XNamespace.Xml.NamespaceName, Space.Xml);
        }

        foreach (var (declared, uri, space) in _prefixes)
        {
            if (prefix.SequenceEqual(declared))
            {
                _lastPrefix = (name.Start, name.Colon, uri, space);
                return (uri, space);
            }
        }

        return null;
    }

    /// <summary>
    /// Scans a name from <paramref name="pos"/> to the first whitespace, <c>/</c>, <c>&gt;</c> or <c>=</c>.
    /// <paramref name="simple"/> is true for an ASCII name with at most one colon, neither first nor last: well-formed
    /// as it stands.
    /// </summary>
    private static Name ScanName(ReadOnlySpan<char> text, int pos, out bool simple)
    {
        var start = pos;
        var colon = -1;
        simple = true;
        for (; pos < text.Length; pos++)
        {
            var c = text[pos];
            if (c < 128 && NameCharacters[c] != 0)
            {
                continue;
            }

            if (c == ':')
            {
                simple &= colon < 0;
                colon = pos - start;
                continue;
            }

            if (c is ' ' or '/' or '>' or '=' or '\t' or '\r' or '\n')
            {
                break;
            }

            simple = false;
        }

        var length = pos - start;
        simple &= length > 0 && IsNameStart(text[start]) && colon != 0 && colon != length - 1 && (colon < 0 || IsNameStart(text[start + colon + 1]));
        return new Name(start, length, colon);
    }

    /// <summary>1 for the ASCII characters a simple name is made of, the colon aside.</summary>
    private static ReadOnlySpan<byte> NameCharacters =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    /// <summary>
    /// Reads a start tag at <paramref name="pos"/> (on its <c>&lt;</c>) into its name and <see cref="_attributes"/>;
    /// false when it is not a tag the scanner follows. <paramref name="canonical"/> says whether it is written as the
    /// XML writer writes it.
    /// </summary>
    private bool ReadStartTag(ReadOnlySpan<char> text, ref int pos, out Name name, out bool empty, out bool canonical)
    {
        _attributes.Clear();
        empty = false;
        name = ScanName(text, pos + 1, out canonical);
        if (name.Length == 0)
        {
            return false;
        }

        pos = name.Start + name.Length;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '>')
            {
                pos++;
                return true;
            }

            if (c == '/')
            {
                if (pos + 1 >= text.Length || text[pos + 1] != '>')
                {
                    return false;
                }

                // The whitespace before it was checked as it was read: the writer writes one space.
                canonical &= text[pos - 1] == ' ';
                empty = true;
                pos += 2;
                return true;
            }

            if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                return false;
            }

            var spaceStart = pos;
            pos = SkipWhitespace(text, pos);
            canonical &= pos - spaceStart == 1 && c == ' ';
            if (pos >= text.Length)
            {
                return false;
            }

            if (text[pos] is '/' or '>')
            {
                canonical &= text[pos] == '/';
                continue;
            }

            var attributeName = ScanName(text, pos, out var simple);
            canonical &= simple;
            pos += attributeName.Length;
            if (attributeName.Length == 0 || pos + 1 >= text.Length || text[pos] != '=')
            {
                return false;
            }

            var quote = text[pos + 1];
            if (quote is not ('"' or '\''))
            {
                return false;
            }

            canonical &= quote == '"';
            var valueStart = pos + 2;
            var close = text[valueStart..].IndexOf(quote);
            if (close < 0)
            {
                return false;
            }

            canonical &= IsCanonical(text.Slice(valueStart, close), attribute: true);
            _attributes.Add(new Attribute(attributeName, valueStart, close));
            pos = valueStart + close + 1;
        }

        return false;
    }

    /// <summary>
    /// True when text or an attribute's value is written as the writer writes what the reader reads of it: no
    /// character or reference the writer writes otherwise (it writes <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>,
    /// and <c>&amp;quot;</c> in a value, and writes a line end or tab in a value as a reference), and no character XML does not allow.
    /// </summary>
    private static bool IsCanonical(ReadOnlySpan<char> text, bool attribute)
    {
        var at = text.IndexOfAny(TextStops);
        while (at >= 0)
        {
            if (text[at] != '&' || !(text[at..].StartsWith("&amp;") || text[at..].StartsWith("&lt;") || text[at..].StartsWith("&gt;") || (attribute && text[at..].StartsWith("&quot;"))))
            {
                return false;
            }

            var next = text[(at + 1)..].IndexOfAny(TextStops);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return !(attribute && text.Contains('\t')) && IsWellFormedUtf16(text);
    }

    /// <summary>True unless a surrogate stands alone or U+FFFE or U+FFFF stands in the text (the writer refuses them).</summary>
    private static bool IsWellFormedUtf16(ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAnyInRange('\uD800', '\uFFFF');
        if (at < 0)
        {
            return true;
        }

        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c >= '\uFFFE')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the end tag at <paramref name="pos"/>; false unless it closes <paramref name="name"/> as the writer writes it.</summary>
    private static bool ReadEndTag(ReadOnlySpan<char> text, ref int pos, Name name)
    {
        var end = pos + 2 + name.Length;
        if (end >= text.Length || text[end] != '>' || !text.Slice(pos + 2, name.Length).SequenceEqual(text.Slice(name.Start, name.Length)))
        {
            return false;
        }

        pos = end + 1;
        return true;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t' or '\r' or '\n')
        {
            pos++;
        }

        return pos;
    }

    private static WName WNameOf(ReadOnlySpan<char> local) => local switch
    {
        "p" => WName.Paragraph,
        "pPr" => WName.Properties,
        "numPr" => WName.NumberingProperties,
        "numId" => WName.NumberingId,
        "pStyle" => WName.Style,
        "keepNext" or "keepLines" or "pageBreakBefore" or "framePr" or "widowControl" => WName.BeforeNumbering,
        "tbl" => WName.Table,
        "tr" => WName.Row,
        "tc" => WName.Cell,
        "bookmarkStart" or "bookmarkEnd" or "commentRangeStart" or "commentRangeEnd" or "commentReference" => WName.Fixed,
        _ => WName.Other,
    };

    /// <summary>Scans the piece starting at <paramref name="pos"/> and adds it; false when the scanner does not follow it.</summary>
    private bool ScanPiece(ReadOnlySpan<char> text, ref int pos)
    {
        var start = pos;
        _open.Clear();
        var copy = true;
        var paragraphs = 0;
        var rootIsParagraph = false;
        var firstEdit = Edits.Count;
        var iterations = 0;
        var (levelMarker, levelStart, levelLength) = (-1, -1, 0);
        var properties = -1;
        var propertiesDone = false;
        var numberingProperties = false;
        var insert = -1;

        while (true)
        {
            // pos is on a '<'.
            if (pos + 1 >= text.Length || text[pos + 1] is '!' or '?')
            {
                return false;
            }

            if (text[pos + 1] == '/')
            {
                if (_open.Count == 0)
                {
                    return false;
                }

                var open = _open[^1];
                if (!ReadEndTag(text, ref pos, open.Name))
                {
                    return false;
                }

                _open.RemoveAt(_open.Count - 1);
                copy &= open.WName switch
                {
                    WName.Table => open.Filled,
                    WName.Cell => open.Filled && !open.LastIsTable,
                    _ => true,
                };
                if (properties >= 0 && !propertiesDone)
                {
                    // Closing the paragraph's properties, or one of their children that goes before the numbering.
                    propertiesDone = _open.Count == 1 && open.WName == WName.Properties;
                    if (_open.Count == 2 && open.WName is WName.BeforeNumbering or WName.Style)
                    {
                        insert = pos;
                    }
                }

                if (_open.Count == 0)
                {
                    break;
                }
            }
            else
            {
                var tagStart = pos;
                var depth = _open.Count;
                if (ReadTag(text, ref pos, depth > 0 && _open[^1].Preserve, ref copy) is not { } tag)
                {
                    return false;
                }

                var (name, empty, space, wname) = (tag.Name, tag.Empty, tag.Space, tag.WName);
                switch (space)
                {
                    case Space.Mt when depth == 0 && empty:
                        Pieces.Add(new Piece(PieceKind.Marker, start, pos - start) { Iterations = Local(text, name).SequenceEqual(IterationMarker.LocalName) ? 1 : 0 });
                        return true;
                    case Space.Mt when empty && Local(text, name).SequenceEqual(IterationMarker.LocalName):
                        Edits.Add(new Edit(tagStart, pos - tagStart, EditKind.Cut));
                        iterations++;
                        break;
                    case Space.Mt when empty && levelStart < 0 && Local(text, name).SequenceEqual(LevelMarker.LocalName) && _attributes.Count == 1 && text.Slice(_attributes[0].Name.Start, _attributes[0].Name.Length).SequenceEqual("v"):
                        var value = _attributes[0];
                        copy &= value.ValueLength is > 0 and < 4 && text.Slice(value.ValueStart, value.ValueLength).IndexOfAnyExceptInRange('0', '9') < 0;
                        Edits.Add(new Edit(tagStart, pos - tagStart, EditKind.Cut));
                        (levelMarker, levelStart, levelLength) = (tagStart, value.ValueStart, value.ValueLength);
                        break;
                    case Space.Mt:
                        copy = false;
                        break;
                    case Space.W:
                        switch (wname)
                        {
                            case WName.Paragraph:
                                paragraphs++;
                                rootIsParagraph |= depth == 0;
                                break;
                            case WName.Properties when depth == 1 && properties < 0:
                                properties = pos;
                                copy &= !empty;
                                break;
                            case WName.Fixed:
                            case WName.Table or WName.Cell when empty:
                                copy = false;
                                break;
                            case WName.NumberingId or WName.Style:
                                copy &= !tag.Counts;
                                break;
                        }

                        if (depth == 2 && properties >= 0 && !propertiesDone)
                        {
                            numberingProperties |= wname == WName.NumberingProperties;
                            if (empty && wname is WName.BeforeNumbering or WName.Style)
                            {
                                insert = pos;
                            }
                        }

                        break;
                    case Space.Vml:
                        copy = false;
                        break;
                }

                if (depth > 0 && space != Space.Mt && _open[^1] is { WName: WName.Table or WName.Cell } parent)
                {
                    _open[^1] = parent.WName == WName.Table
                        ? parent with { Filled = parent.Filled || wname == WName.Row }
                        : parent with { Filled = parent.Filled || wname is WName.Paragraph or WName.Table, LastIsTable = wname == WName.Table };
                }

                if (!empty)
                {
                    _open.Add(new Open(name, tag.Preserve, space, wname));
                }
                else if (depth == 0)
                {
                    break;
                }
            }

            // Text up to the next tag.
            var next = text[pos..].IndexOf('<');
            if (next < 0)
            {
                return false;
            }

            if (next > 0 && copy)
            {
                var content = text.Slice(pos, next);

                // Whitespace alone is dropped by the reader, unless xml:space="preserve" keeps it.
                copy &= (_open[^1].Preserve || content.IndexOfAnyExcept(' ', '\t') >= 0) && IsCanonical(content, attribute: false);
            }

            pos += next;
        }

        AddPiece(text, start, pos - start, copy, firstEdit, iterations, (levelMarker, levelStart, levelLength), paragraphs == 1 && rootIsParagraph && !numberingProperties, properties, insert);
        return true;
    }

    /// <summary>
    /// Adds the piece just scanned: to copy, with its list level's numbering properties put in where they go, or to
    /// read and fix, its edits dropped.
    /// </summary>
    /// <param name="text">The part's text.</param>
    /// <param name="start">Where the piece starts.</param>
    /// <param name="length">The piece's length.</param>
    /// <param name="copy">True when nothing seen in the piece stops it being copied.</param>
    /// <param name="firstEdit">The first of the piece's edits in <see cref="Edits"/>.</param>
    /// <param name="iterations">The loop iterations whose markers stand in the piece.</param>
    /// <param name="level">Where the list level marker stands and where its digits are; -1 for none.</param>
    /// <param name="oneParagraph">True when the piece is one paragraph, with no paragraph inside it and no numbering properties of its own: the level can go into it.</param>
    /// <param name="properties">Where the paragraph's properties' content starts; -1 when it has none.</param>
    /// <param name="insert">The end of the last paragraph property that goes before the numbering; -1 for none.</param>
    private void AddPiece(ReadOnlySpan<char> text, int start, int length, bool copy, int firstEdit, int iterations, (int Marker, int Start, int Length) level, bool oneParagraph, int properties, int insert)
    {
        if (copy && level.Start >= 0)
        {
            // The level goes into the paragraph the marker stands in: the piece, with no paragraph inside it.
            var at = properties < 0 ? text[start..].IndexOf('>') + start + 1 : insert >= 0 ? insert : properties;
            copy = oneParagraph && WPrefix is not null && at <= level.Marker;
            var index = Edits.Count;
            while (index > firstEdit && Edits[index - 1].Start >= at)
            {
                index--;
            }

            Edits.Insert(index, new Edit(at, 0, EditKind.Level));
        }

        if (copy)
        {
            Pieces.Add(new Piece(PieceKind.Copy, start, length)
            {
                FirstEdit = firstEdit,
                Edits = Edits.Count - firstEdit,
                Iterations = iterations,
                NewProperties = properties < 0,
                LevelStart = level.Start,
                LevelLength = level.Length,
            });
        }
        else
        {
            Edits.RemoveRange(firstEdit, Edits.Count - firstEdit);
            Pieces.Add(new Piece(PieceKind.Fix, start, length));
        }
    }

    /// <summary>What a start tag is to the scanner, and whether whitespace in it is kept.</summary>
    private readonly record struct Tag(Name Name, bool Empty, Space Space, WName WName, bool Counts, bool Preserve);

    /// <summary>
    /// Reads the start tag at <paramref name="pos"/>: at once when one of the same text was met before, otherwise
    /// whole, checking it and its attributes (and noting the ids in them to renumber) while <paramref name="copy"/>
    /// holds, which it clears when the tag cannot be copied. Null when the scanner does not follow the tag.
    /// </summary>
    /// <param name="text">The part's text.</param>
    /// <param name="pos">Where the tag starts, on its <c>&lt;</c>; moved past it.</param>
    /// <param name="inherited">Whether whitespace is kept where the tag stands.</param>
    /// <param name="copy">Whether the piece can still be copied; cleared when this tag stops it.</param>
    private Tag? ReadTag(ReadOnlySpan<char> text, ref int pos, bool inherited, ref bool copy)
    {
        if (Known(text, pos) is { } known)
        {
            // A start tag met before, with nothing in it that differs from one piece to the next.
            var start = pos;
            pos += known.Text.Length;
            return new Tag(new Name(start + 1, known.NameLength, known.Colon), known.Empty, known.Space, known.WName, known.Counts, known.Preserve ?? inherited);
        }

        var tagStart = pos;
        if (!ReadStartTag(text, ref pos, out var name, out var empty, out var canonical))
        {
            return null;
        }

        var ns = Resolve(text, name, element: true);
        var space = ns?.Space ?? Space.Other;
        var wname = space == Space.W ? WNameOf(Local(text, name)) : WName.Other;
        var drawing = space == Space.Wp && Local(text, name).SequenceEqual("docPr");

        // The engine's markers are left out of the output, so how they are written does not matter.
        var written = ns is not null && (canonical || space == Space.Mt);
        var edits = Edits.Count;
        bool? preserve = null;
        if (_attributes.Count > 0 && written && copy)
        {
            written = CheckAttributes(text, ref preserve, drawing);
        }

        var counts = wname is WName.NumberingId or WName.Style && _numbering.HasCountingLists && Counts(text, wname == WName.NumberingId);
        copy &= written;
        if (copy && canonical && space != Space.Mt && !drawing && Edits.Count == edits)
        {
            Remember(text[tagStart..pos], new KnownTag(text[tagStart..pos].ToString(), name.Length, name.Colon, empty, space, wname, counts, preserve));
        }

        return new Tag(name, empty, space, wname, counts, preserve ?? inherited);
    }

    /// <summary>
    /// Checks the attributes of the start tag just read: unique names, declared prefixes, no namespace declaration;
    /// notes <c>xml:space</c> (<paramref name="preserve"/>), and the paragraph or drawing ids to renumber. False when
    /// the piece cannot be copied.
    /// </summary>
    private bool CheckAttributes(ReadOnlySpan<char> text, ref bool? preserve, bool drawing)
    {
        var (paragraphId, textId, drawingId) = (-1, -1, -1);
        for (var i = 0; i < _attributes.Count; i++)
        {
            var name = _attributes[i].Name;
            var qname = text.Slice(name.Start, name.Length);
            for (var j = 0; j < i; j++)
            {
                if (qname.SequenceEqual(text.Slice(_attributes[j].Name.Start, _attributes[j].Name.Length)))
                {
                    return false;
                }
            }

            if (name.Colon < 0)
            {
                if (qname.SequenceEqual("xmlns"))
                {
                    return false;
                }

                drawingId = drawing && qname.SequenceEqual("id") ? i : drawingId;
                continue;
            }

            if (qname[..name.Colon].SequenceEqual("xmlns") || Resolve(text, name, element: false) is not { } ns)
            {
                return false;
            }

            var local = Local(text, name);
            if (ns.Space == Space.Xml)
            {
                var value = text.Slice(_attributes[i].ValueStart, _attributes[i].ValueLength);
                if (!local.SequenceEqual("space") || !(value.SequenceEqual("preserve") || value.SequenceEqual("default")))
                {
                    return false;
                }

                preserve = value.SequenceEqual("preserve");
            }
            else if (ns.Space == Space.W14)
            {
                paragraphId = local.SequenceEqual("paraId") ? i : paragraphId;
                textId = local.SequenceEqual("textId") ? i : textId;
            }
        }

        if (drawing)
        {
            // The fix sets the id, adding one where there is none: that is left to it, as is an element with both ids.
            if (drawingId < 0 || paragraphId >= 0)
            {
                return false;
            }

            Edits.Add(new Edit(_attributes[drawingId].ValueStart, _attributes[drawingId].ValueLength, EditKind.DrawingId));
        }

        if (paragraphId >= 0)
        {
            // The text id takes the paragraph id's new value, in whichever order the two stand.
            var (first, second) = textId >= 0 && textId < paragraphId ? (textId, paragraphId) : (paragraphId, textId);
            Edits.Add(new Edit(_attributes[first].ValueStart, _attributes[first].ValueLength, EditKind.NewParagraphId));
            if (second >= 0)
            {
                Edits.Add(new Edit(_attributes[second].ValueStart, _attributes[second].ValueLength, EditKind.SameParagraphId));
            }
        }

        return true;
    }

    /// <summary>
    /// A start tag as the scanner found it: written as the writer writes it, its names declared, nothing in it that
    /// is changed as it is copied, so that every tag of the same text is taken the same way.
    /// </summary>
    internal sealed record KnownTag(string Text, int NameLength, int Colon, bool Empty, Space Space, WName WName, bool Counts, bool? Preserve);

    /// <summary>The start tags met before, by a hash of their text: a part repeats the same few tags over and over.</summary>
    private readonly KnownTag?[] _known = new KnownTag?[128];

    /// <summary>The start tag at <paramref name="pos"/>, when one of the same text was met before.</summary>
    private KnownTag? Known(ReadOnlySpan<char> text, int pos)
    {
        // A known tag holds no '>' but its last: the tag here is the known one when the text up to the first '>' is.
        var end = text[pos..].IndexOf('>');
        if (end < 0)
        {
            return null;
        }

        var tag = text.Slice(pos, end + 1);
        var known = _known[string.GetHashCode(tag) & (_known.Length - 1)];
        return known is not null && tag.SequenceEqual(known.Text) ? known : null;
    }

    private void Remember(ReadOnlySpan<char> tag, KnownTag known) => _known[string.GetHashCode(tag) & (_known.Length - 1)] = known;

    /// <summary>True when the <c>w:val</c> of the <c>w:numId</c> or <c>w:pStyle</c> just read is a counting list.</summary>
    private bool Counts(ReadOnlySpan<char> text, bool numId)
    {
        foreach (var attribute in _attributes)
        {
            if (Local(text, attribute.Name).SequenceEqual("val"))
            {
                var value = text.Slice(attribute.ValueStart, attribute.ValueLength);
                return numId ? _numbering.IsCountingList(value) : _numbering.IsCountingStyle(value);
            }
        }

        return false;
    }
}
