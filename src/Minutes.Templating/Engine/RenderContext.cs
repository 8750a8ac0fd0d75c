using System.Globalization;
using System.Text;
using Minutes.Templating.Model;
using Minutes.Templating.TemplateModel;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Minutes.Templating.Engine;

/// <summary>Markup a function returns for the engine to write as is (never user data).</summary>
internal sealed record RawMarkup(string Xml);

/// <summary>
/// The Scriban context of one part's rendering. The template's own text is the part's XML and is
/// written as is; every value a tag writes goes through <see cref="Write(SourceSpan, object)"/>,
/// which escapes it and turns it into runs in the tag's formatting.
/// </summary>
internal sealed class RenderContext : TemplateContext
{
    private readonly CompiledPart _part;
    private readonly RenderState _state;

    public RenderContext(ScriptObject builtins, CompiledPart part, RenderState state)
        : base(builtins)
    {
        _part = part;
        _state = state;
    }

    /// <summary>The function the compiled source calls before each tag that may write.</summary>
    public const string TagFunction = "__mt_tag";

    /// <summary>The function the compiled source calls at the start of each loop iteration.</summary>
    public const string IterationFunction = "__mt_iteration";

    /// <summary>The tag writing now.</summary>
    private TemplateTag? _tag;

    /// <summary>Hyperlinks written into this part: relationship id → address.</summary>
    public List<(string Id, string Url)> Links { get; } = [];

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case RawMarkup markup:
                Write(markup.Xml);
                return this;
            case InlineText text when !_part.PlainText:
                WriteInline(_tag, text);
                return this;
            case DateTime date:
                // A date on its own prints in the document's long form: "21 april 2023".
                return Write(span, TemplateModelBuilder.LongDate(date, CurrentCulture));
            default:
                if (_part.PlainText)
                {
                    var escaped = new StringBuilder();
                    var value = ObjectToString(textAsObject) ?? string.Empty;
                    for (var i = 0; i < value.Length; i++)
                    {
                        i = AppendEscaped(escaped, value, i);
                    }

                    Write(escaped.ToString());
                    return this;
                }

                var builder = new StringBuilder();
                AppendRun(builder, _part.RunProperties(_tag, RunStyle.None), ObjectToString(textAsObject) ?? string.Empty);
                Write(builder.ToString());
                return this;
        }
    }

    /// <summary>Called by the compiled source before a tag that may write.</summary>
    public static void EnterTag(Scriban.TemplateContext context, int index)
    {
        if (context is RenderContext render)
        {
            render._tag = render._part.Tags[index];
        }
    }

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) => ValueTask.FromResult(Write(span, textAsObject));

    private void WriteInline(TemplateTag? tag, InlineText text)
    {
        var builder = new StringBuilder();
        foreach (var inline in text.Inlines)
        {
            AppendInline(builder, tag, inline, RunStyle.None);
        }

        Write(builder.ToString());
    }

    private void AppendInline(StringBuilder builder, TemplateTag? tag, Inline inline, RunStyle style)
    {
        switch (inline)
        {
            case TextInline text:
                AppendRun(builder, _part.RunProperties(tag, style), text.Text);
                break;
            case LineBreakInline:
                AppendRun(builder, _part.RunProperties(tag, style), "\n");
                break;
            case RedactionInline redaction when _state.Publication:
                // The publication model holds only the ground here; it is shown in a black box.
                AppendRun(builder, _part.RunProperties(tag, style | RunStyle.Redacted), " " + redaction.Text + " ");
                break;
            case RedactionInline redaction:
                // The internal version prints the withheld text, marked, with its ground beside it.
                AppendRun(builder, _part.RunProperties(tag, style | RunStyle.Withheld), redaction.Text);
                AppendRun(builder, _part.RunProperties(tag, style | RunStyle.WithheldGround), (redaction.Text.Length > 0 ? " " : string.Empty) + redaction.Ground);
                break;
            case LinkInline link:
                var id = "mtLink" + (Links.Count + 1).ToString(CultureInfo.InvariantCulture);
                Links.Add((id, link.Url));
                builder.Append("<w:hyperlink r:id=\"").Append(id).Append("\" w:history=\"1\">");
                foreach (var child in link.Children)
                {
                    AppendInline(builder, tag, child, style | RunStyle.Link);
                }

                builder.Append("</w:hyperlink>");
                break;
            case StrongInline strong:
                foreach (var child in strong.Children)
                {
                    AppendInline(builder, tag, child, style | RunStyle.Bold);
                }

                break;
            case EmphasisInline emphasis:
                foreach (var child in emphasis.Children)
                {
                    AppendInline(builder, tag, child, style | RunStyle.Italic);
                }

                break;
        }
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
    private static void AppendRun(StringBuilder builder, string runProperties, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        builder.Append("<w:r>").Append(runProperties);
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
                        builder.Append("<w:t xml:space=\"preserve\">");
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

/// <summary>What one rendering shares between its parts.</summary>
internal sealed class RenderState
{
    public bool Publication { get; init; }

    public int NextDrawingId { get; set; } = 1;

    public int NextBookmarkId { get; set; }

    public int NextParagraphId { get; set; } = 1;

    public int NextNumId { get; set; } = 1;

    /// <summary>List instances added to restart counting lists: (numId, abstractNumId).</summary>
    public List<(int NumId, string AbstractId)> AddedLists { get; } = [];
}
