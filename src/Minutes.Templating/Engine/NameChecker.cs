using Minutes.Templating.Diagnostics;
using Minutes.Templating.TemplateModel;
using Scriban.Syntax;

namespace Minutes.Templating.Engine;

/// <summary>
/// Finds, without any minutes, the names a template uses that the minutes model does not have:
/// <c>{{ meeting.titel }}</c>, <c>{{ item.titel }}</c> inside <c>{{ for item in agenda }}</c>, a misspelt
/// top-level name. Loop variables take the shape of the list they walk; names the template assigns
/// itself, Scriban's built-ins, the engine's <c>word</c> functions and the organisation's own <c>house</c> functions
/// registered at load are known.
/// </summary>
internal static class NameChecker
{
    /// <summary>The shape of the template model, from its declaration: every name a template can reach.</summary>
    private static readonly Shape ModelShape = Shape.Of(ModelNames.Root, new Dictionary<ModelName, Shape>(ReferenceEqualityComparer.Instance));

    /// <summary>The shape of the built-in functions: <c>array</c>, <c>string</c>, <c>date</c>… and their members.</summary>
    private static readonly Shape BuiltinShape = Shape.Of(WordFunctions.Builtins);

    private static readonly HashSet<string> Implicit = new(StringComparer.Ordinal) { "for", "tablerow", "while", "this", "empty", "blank", "null", "true", "false" };

    /// <summary>Checks one compiled part, adding an error for each unknown name.</summary>
    /// <param name="templateName">The template's name in diagnostics.</param>
    /// <param name="part">The part.</param>
    /// <param name="diagnostics">Where the errors go.</param>
    /// <param name="houseFunctions">The names of the house functions registered for the template (<see cref="HouseFunctions"/>).</param>
    public static void Check(string templateName, CompiledPart part, List<Diagnostic> diagnostics, IReadOnlyCollection<string> houseFunctions)
    {
        if (part.Template.Page is not { } page)
        {
            return;
        }

        var scope = new Dictionary<string, Shape?>(StringComparer.Ordinal);
        if (houseFunctions.Count > 0)
        {
            scope[HouseFunctions.Namespace] = Shape.OfNames(houseFunctions);
        }

        Walk(page, scope, (node, message) => diagnostics.Add(PartCompiler.ToDiagnostic(templateName, part, node.Span.Start.Offset, message, DiagnosticCodes.UnknownName)));
    }

    private static void Walk(ScriptNode? node, Dictionary<string, Shape?> scope, Action<ScriptNode, string> report)
    {
        switch (node)
        {
            case ScriptForStatement loop:
                Walk(loop.Iterator, scope, report);
                var inner = new Dictionary<string, Shape?>(scope, StringComparer.Ordinal);
                if (loop.Variable is ScriptVariable variable)
                {
                    inner[variable.Name] = Resolve(loop.Iterator, scope)?.Element;
                }

                Walk(loop.Body, inner, report);
                return;
            case ScriptAssignExpression assign:
                Walk(assign.Value, scope, report);
                if (assign.Target is ScriptVariable target)
                {
                    scope[target.Name] = Resolve(assign.Value, scope);
                }

                return;
            case ScriptCaptureStatement capture:
                if (capture.Target is ScriptVariable captured)
                {
                    scope[captured.Name] = null;
                }

                Walk(capture.Body, scope, report);
                return;
            case ScriptFunction function:
                if (function.NameOrDoToken is ScriptVariable name)
                {
                    scope[name.Name] = null;
                }

                // A function's body sees its parameters and whatever its callers pass: not checked.
                return;
            case ScriptWithStatement with:
                Walk(with.Name, scope, report);
                Walk(with.Body, new Dictionary<string, Shape?>(StringComparer.Ordinal) { ["*"] = null }, report);
                return;
            case ScriptMemberExpression member:
                Walk(member.Target, scope, report);
                if (Resolve(member.Target, scope) is { Members: { } members } && member.Member is ScriptVariable memberName && !members.ContainsKey(memberName.Name))
                {
                    var full = member.Target is ScriptVariableGlobal owner ? owner.Name + "." + memberName.Name : null;
                    report(member.Member, full is not null && WordFunctions.Unavailable.TryGetValue(full, out var why)
                        ? $"'{full}' is not available to templates: {why}"
                        : member.Target is ScriptVariableGlobal { Name: HouseFunctions.Namespace }
                            ? UnknownHouseFunction(memberName.Name, members.Keys)
                            : Unknown(memberName.Name, members.Keys, "here"));
                }

                return;
            case ScriptVariableGlobal global:
                if (!Known(global.Name, scope))
                {
                    report(global, WordFunctions.Unavailable.TryGetValue(global.Name, out var why)
                        ? $"'{global.Name}' is not available to templates: {why}"
                        : global.Name == HouseFunctions.Namespace
                            ? HouseFunctions.NoneRegistered
                            : Unknown(global.Name, ModelShape.Members!.Keys.Concat(scope.Keys), "at the top level"));
                }

                return;
            case ScriptVariableLocal local:
                if (!scope.ContainsKey(local.Name) && !scope.ContainsKey("*"))
                {
                    report(local, $"'{local.Name}' is not set here: a $ variable is set by the template itself ({{{{ {local.Name} = … }}}}) or is a function's parameter; nothing from outside (such as the environment) is");
                }

                return;
            case null:
                return;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            if (node.GetChildren(i) is { } child)
            {
                Walk(child, scope, report);
            }
        }
    }

    private static string Unknown(string name, IEnumerable<string> known, string where) =>
        Suggestions.Closest(name, known) is { } suggestion
            ? $"'{name}' is not a name the minutes model has {where}; did you mean '{suggestion}'?"
            : $"'{name}' is not a name the minutes model has {where}; known: {string.Join(", ", known.Distinct().Order(StringComparer.Ordinal))}";

    private static string UnknownHouseFunction(string name, IEnumerable<string> known) =>
        Suggestions.Closest(name, known) is { } suggestion
            ? $"'{HouseFunctions.Namespace}.{name}' is not a house function registered for this template; did you mean '{suggestion}'?"
            : $"'{HouseFunctions.Namespace}.{name}' is not a house function registered for this template; registered: {string.Join(", ", known.Order(StringComparer.Ordinal))}";

    private static bool Known(string name, Dictionary<string, Shape?> scope) =>
        scope.ContainsKey(name) || scope.ContainsKey("*") || ModelShape.Members!.ContainsKey(name) || Implicit.Contains(name)
        || WordFunctions.Builtins.ContainsKey(name);

    /// <summary>The shape an expression has, when it can be known without data.</summary>
    private static Shape? Resolve(ScriptNode? expression, Dictionary<string, Shape?> scope) => expression switch
    {
        ScriptVariableGlobal global when scope.TryGetValue(global.Name, out var local) => local,
        ScriptVariableGlobal global => ModelShape.Members!.GetValueOrDefault(global.Name) ?? BuiltinShape.Members!.GetValueOrDefault(global.Name),
        ScriptMemberExpression { Member: ScriptVariable member } access => Resolve(access.Target, scope)?.Members?.GetValueOrDefault(member.Name),
        ScriptNestedExpression nested => Resolve(nested.Expression, scope),
        _ => null,
    };

    /// <summary>The names under a value: members of an object, or the shape of a list's elements.</summary>
    private sealed class Shape
    {
        public IReadOnlyDictionary<string, Shape?>? Members { get; private init; }

        public Shape? Element { get; private init; }

        /// <summary>The shape of a declared object, each object made once (a point's points are points again).</summary>
        public static Shape Of(ModelName name, Dictionary<ModelName, Shape> made)
        {
            if (made.TryGetValue(name, out var shape))
            {
                return shape;
            }

            var members = new Dictionary<string, Shape?>(StringComparer.Ordinal);
            shape = new Shape { Members = members };
            made[name] = shape;
            foreach (var member in name.Members)
            {
                members[member.Name] = member.Element is { } element
                    ? new Shape { Element = Of(element, made) }
                    : member.Members.Count > 0 ? Of(member, made) : null;
            }

            return shape;
        }

        /// <summary>An object whose members are <paramref name="names"/>, each of unknown shape.</summary>
        public static Shape OfNames(IEnumerable<string> names) => new()
        {
            Members = names.ToDictionary(n => n, _ => (Shape?)null, StringComparer.Ordinal),
        };

        /// <summary>The shape of Scriban's built-in objects (<c>array</c>, <c>string</c>…): the names of their functions.</summary>
        public static Shape Of(Scriban.Runtime.ScriptObject builtins) => new()
        {
            Members = builtins.ToDictionary(
                p => p.Key,
                p => p.Value is Scriban.Runtime.ScriptObject inner ? Of(inner) : null,
                StringComparer.Ordinal),
        };
    }
}
