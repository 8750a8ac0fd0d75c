using System.Globalization;
using System.Text;
using Minutes.Templating.Model;
using Minutes.Templating.TemplateModel;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Minutes.Templating.Engine;

/// <summary>Markup a function returns for the engine to write as is (never user data).</summary>
internal sealed record RawMarkup(string Xml);

/// <summary>
/// The Scriban context of one part's rendering. The template's own text is the part's XML and is
/// written as is; every value a tag writes goes through <see cref="Write(SourceSpan, object)"/>,
/// which escapes it and turns it into runs in the tag's formatting.
/// </summary>
/// <remarks>
/// Making a Scriban context costs more than rendering a small part (it makes its pools and 65 argument arrays up
/// front), so each thread keeps one between parts and between renderings: <see cref="Rent"/> takes it and
/// <see cref="Dispose"/> gives it back. It is given back only after a part rendered to its end, when Scriban's stacks
/// are as they started, and then reset by Scriban's own <see cref="TemplateContext.Reset"/> (the globals, the model
/// among them, popped; the stores Scriban reuses cleared as they are given back): nothing of one rendering is left for
/// the next to see. A part that stopped half way drops its context.
/// </remarks>
internal sealed class RenderContext : TemplateContext, IDisposable
{
    /// <summary>The context this thread keeps for its next part, or null while it is in use.</summary>
    [ThreadStatic]
    private static RenderContext? t_spare;

    /// <summary>
    /// The most characters a value's runs may have held for the builder to be kept with the context: one very large
    /// value's builder goes to the collector rather than stay with the thread.
    /// </summary>
    private const int LargestKeptRuns = 1 << 16;

    private CompiledPart? _part;
    private RenderState? _state;

    /// <summary>Where the part's XML is written (captures write elsewhere): its length raises the work allowed.</summary>
    private PartOutput? _output;

    /// <summary>True once the part rendered to its end: only then are Scriban's stacks as they started.</summary>
    private bool _finished;

    private RenderContext()
        : base(WordFunctions.Builtins)
    {
        StrictVariables = true;

        // Scriban's indentation of what is written under a tag that starts an indented line is for text
        // templates, not a part's XML; left on, every write of the template's own text searches the rest of the
        // compiled source for a line end, which took 40 % of the engine's time at 300 items.
        AutoIndent = false;
        EnableRelaxedMemberAccess = false;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        OnStringLimit = ScriptLimitBehavior.Throw;
        MemberFilter = DotNetMembers.IsReadable;
    }

    /// <summary>
    /// A context ready to render <paramref name="part"/>: the thread's own if it has one, a new one otherwise. Under the
    /// template's names it sees, in order, the house functions, the model and the builtins.
    /// </summary>
    /// <param name="part">The part to render.</param>
    /// <param name="state">What the parts of this rendering share.</param>
    /// <param name="model">The template model.</param>
    /// <param name="culture">The culture numbers and dates are written in.</param>
    /// <param name="limits">The limits of this rendering.</param>
    /// <param name="house">The template's house functions, or null.</param>
    /// <param name="cancellation">Stops the rendering.</param>
    public static RenderContext Rent(CompiledPart part, RenderState state, ScriptObject model, CultureInfo culture, RenderLimits limits, ScriptObject? house, CancellationToken cancellation)
    {
        var context = t_spare ?? new RenderContext();
        t_spare = null;
        context.Start(part, state, model, culture, limits, house, cancellation);
        return context;
    }

    private void Start(CompiledPart part, RenderState state, ScriptObject model, CultureInfo culture, RenderLimits limits, ScriptObject? house, CancellationToken cancellation)
    {
        _part = part;
        _state = state;
        _output = new PartOutput(part.LastOutputLength);
        _finished = false;
        _tag = null;
        _statementOffset = -1;
        Links = [];
        Images = [];
        LoopLimit = limits.LoopIterations;
        LoopLimitQueryable = limits.LoopIterations;
        RecursiveLimit = limits.RecursionDepth;
        OutputLimit = limits.OutputSize;
        LimitToString = limits.StringSize;
        RegexTimeOut = limits.RegexTime;
        CancellationToken = cancellation;
        PushOutput(_output);
        PushCulture(culture);
        if (house is not null)
        {
            // Under the model: a template's own names and the model's come first.
            PushGlobal(house);
        }

        PushGlobal(model);
        PushGlobal(new ScriptObject());
    }

    /// <summary>
    /// Gives the part's output back to the pool (what <see cref="RenderPart"/> gave is no longer readable), and the
    /// context to the thread if the part rendered to its end.
    /// </summary>
    public void Dispose()
    {
        _output?.Dispose();
        _output = null;
        if (!_finished)
        {
            return;
        }

        _finished = false;
        Reset();
        CancellationToken = default;
        _part = null;
        _state = null;
        _tag = null;
        if (_runs.Capacity > LargestKeptRuns)
        {
            _runs = new StringBuilder();
        }

        t_spare = this;
    }

    private CompiledPart Part => _part ?? throw new InvalidOperationException("The context is not rendering a part.");

    private RenderState State => _state ?? throw new InvalidOperationException("The context is not rendering a part.");

    private PartOutput PartXml => _output ?? throw new InvalidOperationException("The context is not rendering a part.");

    /// <summary>
    /// Where a value's runs are put together before they are written: one builder for the whole part, cleared
    /// after each value, instead of a new one grown for every value.
    /// </summary>
    private StringBuilder _runs = new();

    /// <summary>The tag that wrote last: the next value is most often written by it too.</summary>
    private TemplateTag? _tag;

    /// <summary>
    /// Where in the compiled source the statement evaluated last starts: Scriban writes a statement's value right after
    /// evaluating it (with the span of the block around it), so this is the statement that writes.
    /// </summary>
    private int _statementOffset = -1;

    /// <summary>Hyperlinks written into this part: relationship id → address.</summary>
    public List<(string Id, string Url)> Links { get; private set; } = [];

    /// <summary>The zip entry of the part being written.</summary>
    public string PartEntryName => Part.EntryName;

    /// <summary>The template's text width in EMU: the widest a picture or table may be.</summary>
    public long TextWidth => State.MaxImageWidth;

    /// <summary>Pictures written into this part: relationship id → the media entry it points to.</summary>
    public List<(string Id, string Target)> Images { get; private set; } = [];

    /// <summary>Where hyperlinks go while inline text is written: this part's, or the footnote's being written.</summary>
    private List<(string Id, string Url)>? _linkTarget;

    /// <summary>
    /// Renders the part, as <see cref="Template.Render(TemplateContext)"/> does, and gives the output that holds its XML
    /// rather than a copy of it in one string; it is readable until this context is disposed.
    /// </summary>
    public PartOutput RenderPart()
    {
        var template = Part.Template;
        if (template.SourceFilePath is { } path)
        {
            PushSourceFile(path);
        }

        try
        {
            var page = template.Page;
            if (page is not null && Evaluate(page) is { } result && EnableOutput)
            {
                Write(page.Span, result);
            }
        }
        finally
        {
            if (template.SourceFilePath is not null)
            {
                PopSourceFile();
            }
        }

        _finished = true;
        return PartXml;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case RawMarkup markup:
                Write(markup.Xml);
                return this;
            case InlineText text when !Part.PlainText:
                WriteInline(WritingTag(), text);
                return this;
            case TableValue table when !Part.PlainText:
                Write(RichContent.Table(table.Table, this, State).Xml);
                return this;
            case ImageValue image when !Part.PlainText:
                Write(RichContent.Image(image.Image, this, State).Xml);
                return this;
            case DateTime date:
                // A date on its own prints in the document's long form: "21 april 2023".
                return Write(span, TemplateModelBuilder.LongDate(date, CurrentCulture));
            default:
                if (Part.PlainText)
                {
                    var value = ObjectToString(textAsObject) ?? string.Empty;
                    for (var i = 0; i < value.Length; i++)
                    {
                        i = AppendEscaped(_runs, value, i);
                    }

                    return WriteRuns();
                }

                WriteRun(Part.RunProperties(WritingTag(), RunStyle.None), ObjectToString(textAsObject) ?? string.Empty);
                return WriteRuns();
        }
    }

    /// <summary>
    /// The tag whose statement writes now, whose formatting the value takes: found from where the statement stands in
    /// the compiled source, at no cost when the same tag writes again.
    /// </summary>
    private TemplateTag? WritingTag()
    {
        var offset = _statementOffset;
        if (_tag is null || offset < _tag.SourceStart || offset >= _tag.SourceEnd)
        {
            _tag = Part.FindTag(offset);
        }

        return _tag;
    }

    /// <summary>
    /// Evaluates one expression or statement and counts its work (see <see cref="RenderLimits.Work"/>): 1, and for
    /// the text or list it gives, 1 for each <see cref="CharactersPerStep"/> characters or each item (a range such as
    /// <c>1..10</c> is counted by the loop that goes through it), so that a
    /// template repeating cheap steps, or work on long text or long lists, stops at the work limit. A text longer
    /// than <see cref="RenderLimits.StringSize"/>, captured text too, stops the rendering at once.
    /// </summary>
    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        var value = base.Evaluate(scriptNode, aliasReturnedFunction);
        if (scriptNode is ScriptStatement statement)
        {
            _statementOffset = statement.Span.Start.Offset;
        }

        var characters = value switch
        {
            string text => text.Length,
            StringBuilderOutput captured => captured.Builder.Length,
            _ => 0,
        };
        if (characters > State.Limits.StringSize)
        {
            throw new RenderLimitException(scriptNode?.Span ?? CurrentSpan, "string-size");
        }

        var steps = 1 + (characters + CharactersPerStep - 1) / CharactersPerStep + (value is System.Collections.ICollection list and not ScriptRange ? list.Count : 0);
        State.Work += steps;
        if (State.Work > State.Limits.Work && State.Work > State.Limits.Work + (State.Written + PartXml.Length) / CharactersWrittenPerStep)
        {
            throw new RenderLimitException(scriptNode?.Span ?? CurrentSpan, "work");
        }

        return value;
    }

    /// <summary>How many characters of text count as one step of work: copying a character costs far less than evaluating an expression.</summary>
    public const int CharactersPerStep = 16;

    /// <summary>
    /// How many characters of XML written raise the work allowed by one step: a template that writes a large
    /// document has the room it needs, while one that loops or computes without writing stops early.
    /// </summary>
    public const int CharactersWrittenPerStep = 8;

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => ValueTask.FromResult(Write(span, textAsObject));

    private void WriteInline(TemplateTag? tag, InlineText text)
    {
        foreach (var inline in text.Inlines)
        {
            AppendInline(_runs, tag, inline, RunStyle.None);
        }

        WriteRuns();
    }

    /// <summary>Writes what <see cref="_runs"/> holds, through Scriban's output (its limits and captures), and clears it.</summary>
    private RenderContext WriteRuns()
    {
        if (_runs.Length > 0)
        {
            Write(_runs.ToString());
            _runs.Clear();
        }

        return this;
    }

    /// <summary>
    /// Writes text as one run, as <see cref="AppendRun"/> would append it to <see cref="_runs"/>: text with nothing to
    /// escape or turn into Word's own breaks and tabs (most text) is written as it stands, after what the runs hold,
    /// rather than copied into them and out again.
    /// </summary>
    private void WriteRun(string runProperties, string text)
    {
        if (text.AsSpan().IndexOfAny(RunSpecials) >= 0 || text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 || text.AsSpan().IndexOfAnyInRange('\uFFFE', '\uFFFF') >= 0)
        {
            AppendRun(_runs, runProperties, text);
            return;
        }

        if (text.Length == 0)
        {
            return;
        }

        WriteRuns();
        Write(RunStart);
        Write(runProperties);
        Write(TextStart);
        Write(text);
        Write(TextRunEnd);
    }

    /// <summary>What <see cref="AppendRun"/> escapes, drops or turns into Word's markup; the characters XML does not allow among them.</summary>
    private static readonly System.Buffers.SearchValues<char> RunSpecials = System.Buffers.SearchValues.Create(
        "<>&\"\n\t\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private const string RunStart = "<w:r>";
    private const string TextStart = "<w:t xml:space=\"preserve\">";
    private const string TextRunEnd = "</w:t></w:r>";

    private void AppendInline(StringBuilder builder, TemplateTag? tag, Inline inline, RunStyle style)
    {
        switch (inline)
        {
            case TextInline text when ReferenceEquals(builder, _runs):
                WriteRun(Part.RunProperties(tag, style), text.Text);
                break;
            case TextInline text:
                AppendRun(builder, Part.RunProperties(tag, style), text.Text);
                break;
            case LineBreakInline:
                AppendRun(builder, Part.RunProperties(tag, style), "\n");
                break;
            case RedactionInline redaction when State.Publication:
                // The publication model holds only the ground here; it is shown in a black box.
                AppendRun(builder, Part.RunProperties(tag, style | RunStyle.Redacted), " " + redaction.Text + " ");
                break;
            case RedactionInline redaction:
                // The internal version prints the withheld text, marked, with its ground beside it.
                AppendRun(builder, Part.RunProperties(tag, style | RunStyle.Withheld), redaction.Text);
                AppendRun(builder, Part.RunProperties(tag, style | RunStyle.WithheldGround), (redaction.Text.Length > 0 ? " " : string.Empty) + redaction.Ground);
                break;
            case FootnoteInline footnote when Part.Kind == "document":
                AppendFootnote(builder, footnote);
                break;
            case FootnoteInline footnote:
                // Headers, footers and notes cannot hold a footnote: its text goes in brackets.
                AppendRun(builder, Part.RunProperties(tag, style), " (");
                foreach (var child in footnote.Content)
                {
                    AppendInline(builder, tag, child, style);
                }

                AppendRun(builder, Part.RunProperties(tag, style), ")");
                break;
            case LinkInline link:
                var links = _linkTarget ?? Links;
                var id = _linkTarget is null
                    ? "mtLink" + (Links.Count + 1).ToString(CultureInfo.InvariantCulture)
                    : "mtNoteLink" + (++State.NoteLinkCount).ToString(CultureInfo.InvariantCulture);
                links.Add((id, link.Url));
                builder.Append("<w:hyperlink r:id=\"").Append(id).Append("\" w:history=\"1\">");
                foreach (var child in link.Content)
                {
                    AppendInline(builder, tag, child, style | RunStyle.Link);
                }

                builder.Append("</w:hyperlink>");
                break;
            case StrongInline strong:
                foreach (var child in strong.Content)
                {
                    AppendInline(builder, tag, child, style | RunStyle.Bold);
                }

                break;
            case EmphasisInline emphasis:
                foreach (var child in emphasis.Content)
                {
                    AppendInline(builder, tag, child, style | RunStyle.Italic);
                }

                break;
        }
    }

    /// <summary>Writes a footnote's reference here, and its text into the footnotes the rendering collects.</summary>
    private void AppendFootnote(StringBuilder builder, FootnoteInline footnote)
    {
        var id = State.NextFootnoteId++;
        var note = new Footnote(id);
        var text = new StringBuilder();
        _linkTarget = note.Links;
        try
        {
            foreach (var child in footnote.Content)
            {
                AppendInline(text, null, child, RunStyle.None);
            }
        }
        finally
        {
            _linkTarget = null;
        }

        note.Runs = text.ToString();
        State.Footnotes.Add(note);
        builder.Append("<w:r><w:rPr><w:rStyle w:val=\"").Append(RichContent.FootnoteReferenceStyle).Append("\"/><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"")
            .Append(id.ToString(CultureInfo.InvariantCulture)).Append("\"/></w:r>");
    }

    /// <summary>Writes inline text as runs in the given run properties (for the cells of a table).</summary>
    public string Runs(InlineText text, RunStyle style)
    {
        var builder = new StringBuilder();
        foreach (var inline in text.Inlines)
        {
            AppendInline(builder, null, inline, style);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Appends the character at <paramref name="index"/> escaped for XML text, dropping characters XML
    /// forbids (a lone surrogate among them); returns the index of the last character used.
    /// </summary>
    private static int AppendEscaped(StringBuilder builder, string text, int index)
    {
        var c = text[index];
        switch (c)
        {
            case '<': builder.Append("&lt;"); break;
            case '>': builder.Append("&gt;"); break;
            case '&': builder.Append("&amp;"); break;
            case '"': builder.Append("&quot;"); break;
            default:
                if (System.Xml.XmlConvert.IsXmlChar(c))
                {
                    builder.Append(c);
                }
                else if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
                {
                    // Only whole pairs: a lone surrogate would make the part unreadable.
                    builder.Append(c).Append(text[++index]);
                }

                break;
        }

        return index;
    }

    /// <summary>Writes text as one run: escaped, characters XML forbids dropped, line breaks and tabs as Word's own.</summary>
    internal static void AppendRun(StringBuilder builder, string runProperties, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        builder.Append(RunStart).Append(runProperties);
        var open = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    Close();
                    builder.Append("<w:br/>");
                    break;
                case '\t':
                    Close();
                    builder.Append("<w:tab/>");
                    break;
                case '\r':
                    break;
                default:
                    if (!open)
                    {
                        builder.Append(TextStart);
                        open = true;
                    }

                    i = AppendEscaped(builder, text, i);
                    break;
            }
        }

        Close();
        builder.Append("</w:r>");

        void Close()
        {
            if (open)
            {
                builder.Append("</w:t>");
                open = false;
            }
        }
    }
}

/// <summary>A limit of <see cref="RenderLimits"/> that the engine itself counts was reached.</summary>
internal sealed class RenderLimitException(SourceSpan span, string limit)
    : ScriptRuntimeException(span, "the limit " + limit + " was reached")
{
    /// <summary>The limit's name, one of <see cref="RenderLimits.Names"/>.</summary>
    public string Limit { get; } = limit;
}

/// <summary>What one rendering shares between its parts.</summary>
internal sealed class RenderState
{
    public bool Publication { get; init; }

    /// <summary>The limits of this rendering.</summary>
    public RenderLimits Limits { get; init; } = RenderLimits.Default;

    /// <summary>The work done so far, over all parts, as <see cref="RenderLimits.Work"/> counts it.</summary>
    public long Work { get; set; }

    /// <summary>The characters of XML the parts rendered so far wrote, which raise the work allowed.</summary>
    public long Written { get; set; }

    public int NextDrawingId { get; set; } = 1;

    public int NextBookmarkId { get; set; }

    public int NextParagraphId { get; set; } = 1;

    public int NextNumId { get; set; } = 1;

    /// <summary>Hyperlinks written into footnotes so far: their relationship ids are unique in the footnotes part.</summary>
    public int NoteLinkCount { get; set; }

    /// <summary>The id the next footnote gets; after the template's own footnotes.</summary>
    public int NextFootnoteId { get; set; } = 1;

    /// <summary>True when a <c>table:</c> point was written, so the table styles must exist.</summary>
    public bool WroteTable { get; set; }

    /// <summary>The footnotes that <c>^[text]</c> wrote, for the footnotes part.</summary>
    public List<Footnote> Footnotes { get; } = [];

    /// <summary>Pictures written so far: media entry → bytes.</summary>
    public List<(string Entry, ReadOnlyMemory<byte> Data)> Media { get; } = [];

    /// <summary>The widest a picture or table may be, in EMU: the template's text width.</summary>
    public long MaxImageWidth { get; init; } = RichContent.DefaultTextWidth;

    /// <summary>List instances added to restart counting lists: (numId, abstractNumId).</summary>
    public List<(int NumId, string AbstractId)> AddedLists { get; } = [];
}

/// <summary>A footnote written by <c>^[text]</c>: its id, its text as runs, and the hyperlinks in it.</summary>
internal sealed class Footnote(int id)
{
    public int Id { get; } = id;

    public string Runs { get; set; } = string.Empty;

    public List<(string Id, string Url)> Links { get; } = [];
}
