using System.Globalization;
using Scriban.Runtime;

namespace Minutes.Templating.Engine;

/// <summary>
/// The functions the engine adds for templates under <c>word</c>, and the built-ins every
/// rendering shares (Scriban's own, without <c>date.now</c>: a rendering never depends on the clock).
/// </summary>
internal static class WordFunctions
{
    /// <summary>Built once and shared, read-only, by every rendering.</summary>
    public static ScriptObject Builtins { get; } = CreateBuiltins();

    private static ScriptObject CreateBuiltins()
    {
        var builtins = Scriban.TemplateContext.GetDefaultBuiltinObject();
        if (builtins["date"] is ScriptObject date)
        {
            date.Remove("now");
        }

        var word = new ScriptObject();
        word.Import("list_level", new Func<int, RawMarkup>(ListLevel));
        word.Import("page_break", new Func<RawMarkup>(() => new RawMarkup("<w:r><w:br w:type=\"page\"/></w:r>")));
        word.Import("line_break", new Func<RawMarkup>(() => new RawMarkup("<w:r><w:br/></w:r>")));
        word.Import("tab", new Func<RawMarkup>(() => new RawMarkup("<w:r><w:tab/></w:r>")));
        builtins.SetValue("word", word, true);
        word.Import("continue_numbering", new Func<RawMarkup>(() => new RawMarkup("<mt:continue/>")));
        builtins.Import(RenderContext.IterationFunction, new Func<RawMarkup>(() => IterationMarker));
        builtins.Import(RenderContext.TagFunction, new Action<Scriban.TemplateContext, int>(RenderContext.EnterTag));
        return builtins;
    }

    private static readonly RawMarkup IterationMarker = new("<mt:iteration/>");

    /// <summary>Puts the paragraph it is written in at list level <paramref name="level"/> (0–8) of its list.</summary>
    private static RawMarkup ListLevel(int level) =>
        new("<mt:ilvl v=\"" + Math.Clamp(level, 0, 8).ToString(CultureInfo.InvariantCulture) + "\"/>");
}
