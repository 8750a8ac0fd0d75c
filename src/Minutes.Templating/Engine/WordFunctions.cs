using System.Globalization;
using Scriban.Runtime;

namespace Minutes.Templating.Engine;

/// <summary>
/// The functions the engine adds for templates under <c>word</c>, and the built-ins every
/// rendering shares: Scriban's own, without those in <see cref="Unavailable"/> (a rendering never depends on
/// the clock or chance, never reads a file, never runs text as a template).
/// </summary>
internal static class WordFunctions
{
    /// <summary>Scriban's functions that templates do not have, and why.</summary>
    public static IReadOnlyDictionary<string, string> Unavailable { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date.now"] = "a rendering never depends on the clock; use meeting.date",
        ["date.utc_now"] = "a rendering never depends on the clock; use meeting.date",
        ["math.random"] = "a rendering never depends on chance: the same minutes give the same document",
        ["math.uuid"] = "a rendering never depends on chance: the same minutes give the same document",
        ["include"] = "a template cannot read files",
        ["include_join"] = "a template cannot read files",
        ["object.eval"] = "a template cannot run text as code",
        ["object.eval_template"] = "a template cannot run text as a template",
    };

    /// <summary>Built once and shared, read-only, by every rendering; declared after <see cref="Unavailable"/>, which it reads.</summary>
    public static ScriptObject Builtins { get; } = CreateBuiltins();

    private static ScriptObject CreateBuiltins()
    {
        var builtins = Scriban.TemplateContext.GetDefaultBuiltinObject();
        foreach (var name in Unavailable.Keys)
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                builtins.Remove(name);
            }
            else if (builtins[name[..dot]] is ScriptObject owner)
            {
                owner.Remove(name[(dot + 1)..]);
            }
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
