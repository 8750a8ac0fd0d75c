using System.Globalization;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Minutes.Templating.Engine;

/// <summary>
/// The functions the engine adds for templates under <c>word</c>, and the built-ins every
/// rendering shares: Scriban's own, without those in <see cref="Unavailable"/> (a rendering never depends on
/// the clock or chance, never reads a file, never runs text as a template).
/// </summary>
/// <remarks>
/// Each function the engine adds is an <see cref="EngineFunction"/> that declares its parameters and reads its
/// arguments itself, not a delegate that Scriban would inspect and call through reflection: the command is
/// compiled ahead of time (Native AOT), where that reflection is not available.
/// </remarks>
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

    private static readonly RawMarkup PageBreak = new("<w:r><w:br w:type=\"page\"/></w:r>");
    private static readonly RawMarkup LineBreak = new("<w:r><w:br/></w:r>");
    private static readonly RawMarkup Tab = new("<w:r><w:tab/></w:r>");
    private static readonly RawMarkup ContinueMarker = new("<mt:continue/>");

    /// <summary>Built once and shared, read-only, by every rendering; declared after <see cref="Unavailable"/> and the markup, which it reads.</summary>
    public static ScriptObject Builtins { get; } = CreateBuiltins();

    private static ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
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
        word.SetValue("list_level", EngineFunction.OfInt("level", (_, level) => ListLevel(level)), true);
        word.SetValue("page_break", EngineFunction.Constant(PageBreak), true);
        word.SetValue("line_break", EngineFunction.Constant(LineBreak), true);
        word.SetValue("tab", EngineFunction.Constant(Tab), true);
        word.SetValue("continue_numbering", EngineFunction.Constant(ContinueMarker), true);
        builtins.SetValue("word", word, true);
        return builtins;
    }

    /// <summary>Puts the paragraph it is written in at list level <paramref name="level"/> (0–8) of its list.</summary>
    private static RawMarkup ListLevel(int level) =>
        new("<mt:ilvl v=\"" + Math.Clamp(level, 0, 8).ToString(CultureInfo.InvariantCulture) + "\"/>");

    /// <summary>
    /// A function of no argument, or of one whole number, that Scriban calls without reflection. It declares
    /// its parameter as a delegate imported into Scriban would (the type, so that Scriban converts the argument
    /// as it does for any function; the name, for named arguments), so templates see no difference.
    /// </summary>
    private sealed class EngineFunction : IScriptCustomFunction
    {
        private readonly ScriptParameterInfo[] _parameters;
        private readonly Func<TemplateContext, ScriptArray, object?> _body;

        private EngineFunction(ScriptParameterInfo[] parameters, Type returnType, Func<TemplateContext, ScriptArray, object?> body)
        {
            _parameters = parameters;
            ReturnType = returnType;
            _body = body;
        }

        /// <summary>A function of no argument that gives <paramref name="value"/>.</summary>
        public static EngineFunction Constant(RawMarkup value) => new([], typeof(RawMarkup), (_, _) => value);

        /// <summary>A function of one whole number, named <paramref name="name"/>, that gives what <paramref name="body"/> gives.</summary>
        public static EngineFunction OfInt(string name, Func<TemplateContext, int, RawMarkup> body) =>
            new([new ScriptParameterInfo(typeof(int), name)], typeof(RawMarkup), (context, arguments) => body(context, IntArgument(arguments)));

        /// <summary>A function of one whole number, named <paramref name="name"/>, that gives nothing: a statement.</summary>
        public static EngineFunction OfInt(string name, Action<TemplateContext, int> body) =>
            new([new ScriptParameterInfo(typeof(int), name)], typeof(void), (context, arguments) =>
            {
                body(context, IntArgument(arguments));
                return null;
            });

        /// <summary>
        /// The one argument, which Scriban has already converted to the declared type; a missing value (nil) is
        /// 0, as reflection passes it to a parameter of a value type.
        /// </summary>
        private static int IntArgument(ScriptArray arguments) => arguments[0] is int value ? value : 0;

        public int RequiredParameterCount => _parameters.Length;

        public int ParameterCount => _parameters.Length;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType { get; }

        /// <summary>
        /// The parameter at <paramref name="index"/>; past the last, a parameter of any type, so that Scriban goes on
        /// to report a call with too many arguments as such ("Invalid number of arguments `2` passed to …").
        /// </summary>
        public ScriptParameterInfo GetParameterInfo(int index) =>
            index < _parameters.Length ? _parameters[index] : new ScriptParameterInfo(typeof(object), string.Empty);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            _body(context, arguments);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(_body(context, arguments));
    }
}
