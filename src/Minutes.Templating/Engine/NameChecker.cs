using System.Collections;
using System.Collections.Concurrent;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.TemplateModel;
using Scriban.Syntax;

namespace Minutes.Templating.Engine;

/// <summary>
/// Finds, without any minutes, what a template asks of the model that a rendering would refuse: a name the model
/// does not have (<c>{{ meeting.titel }}</c>, <c>{{ item.titel }}</c> inside <c>{{ for item in agenda }}</c>, a
/// misspelt top-level name, in a function's body or a <c>with</c> block too), a name a value does not have
/// (<c>{{ meeting.body.inlines }}</c>: of the .NET values behind the model a template reads a date's properties and a
/// text's or list's <c>size</c>, nothing else), and a value used as what it is not (<c>[…]</c> on a date, <c>with</c>
/// on inline text, <c>for</c> over a number). Loop variables take the shape of the list they walk; names the
/// template assigns itself, Scriban's built-ins, the engine's <c>word</c> functions and the organisation's own
/// <c>house</c> functions registered at load are known. A part that does not parse is checked as far as Scriban
/// read it, with every name it binds anywhere taken as known, so that a broken block does not make its names unknown.
/// </summary>
internal static class NameChecker
{
    /// <summary>The shape of the template model, from its declaration: every name a template can reach.</summary>
    private static readonly Shape ModelShape = Shape.Of(ModelNames.Root, new Dictionary<ModelName, Shape>(ReferenceEqualityComparer.Instance));

    /// <summary>The shape of the built-in functions: <c>array</c>, <c>string</c>, <c>date</c>… and their members.</summary>
    private static readonly Shape BuiltinShape = Shape.Of(WordFunctions.Builtins);

    private static readonly HashSet<string> Implicit = new(StringComparer.Ordinal) { "for", "tablerow", "while", "this", "empty", "blank", "null", "true", "false" };

    /// <summary>A scope key: inside a function's body, where <c>$</c> (<c>$0</c>, <c>$1</c>…) holds the arguments.</summary>
    private const string Arguments = "$";

    /// <summary>A scope key: anything may be known here (inside <c>with</c> on a value of unknown shape).</summary>
    private const string Anything = "*";

    /// <summary>A scope key: inside <c>with</c> on an object, whose names come before the top level's.</summary>
    private const string InWith = "with";

    /// <summary>Checks one compiled part, adding an error for each problem found.</summary>
    /// <param name="templateName">The template's name in diagnostics.</param>
    /// <param name="part">The part, parsed with or without errors.</param>
    /// <param name="diagnostics">Where the errors go.</param>
    /// <param name="houseFunctions">The names of the house functions registered for the template (<see cref="HouseFunctions"/>).</param>
    public static void Check(string templateName, CompiledPart part, List<Diagnostic> diagnostics, IReadOnlyCollection<string> houseFunctions)
    {
        if (part.Template.Page is not { } page)
        {
            return;
        }

        var bound = new HashSet<string>(StringComparer.Ordinal);
        CollectBound(page, bound);
        var scope = new Dictionary<string, Shape?>(StringComparer.Ordinal);
        if (part.Template.HasErrors)
        {
            foreach (var name in bound)
            {
                scope[name] = null;
            }
        }

        if (houseFunctions.Count > 0)
        {
            scope[HouseFunctions.Namespace] = Shape.OfNames(houseFunctions);
        }

        var walker = new Walker(bound, (node, code, message) => diagnostics.Add(PartCompiler.ToDiagnostic(templateName, part, node.Span.Start.Offset, message, code)), node => Typed(part, node));
        walker.Walk(page, scope);
    }

    /// <summary>An expression as the author typed it in its tag (Scriban would print it without spaces), or as Scriban prints it.</summary>
    private static string Typed(CompiledPart part, ScriptNode? node)
    {
        if (node is null)
        {
            return string.Empty;
        }

        var (start, end) = (node.Span.Start.Offset, node.Span.End.Offset);
        return part.FindTag(start) is { } tag && start >= tag.SourceStart && end < tag.SourceEnd && end >= start
            ? tag.Text[(start - tag.SourceStart)..(end - tag.SourceStart + 1)]
            : node.ToString();
    }

    /// <summary>Every name the part binds anywhere: assigned, captured, a loop's variable, a function or its parameter.</summary>
    private static void CollectBound(ScriptNode? node, HashSet<string> bound)
    {
        switch (node)
        {
            case null:
                return;
            case ScriptAssignExpression { Target: ScriptVariable target }:
                bound.Add(target.Name);
                break;
            case ScriptCaptureStatement { Target: ScriptVariable target }:
                bound.Add(target.Name);
                break;
            case ScriptForStatement { Variable: ScriptVariable variable }:
                bound.Add(variable.Name);
                break;
            case ScriptFunction function:
                if (function.NameOrDoToken is ScriptVariable name)
                {
                    bound.Add(name.Name);
                }

                foreach (var parameter in function.Parameters ?? Enumerable.Empty<ScriptParameter>())
                {
                    if (parameter.Name is { } parameterName)
                    {
                        bound.Add(parameterName.Name);
                    }
                }

                break;
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            CollectBound(node.GetChildren(i), bound);
        }
    }

    /// <summary>Walks a part's syntax tree with the names known at each point, reporting what a rendering would refuse.</summary>
    private sealed class Walker(HashSet<string> bound, Action<ScriptNode, string, string> report, Func<ScriptNode?, string> Text)
    {
        public void Walk(ScriptNode? node, Dictionary<string, Shape?> scope)
        {
            switch (node)
            {
                case ScriptForStatement loop:
                    Walk(loop.Iterator, scope);
                    var iterated = Resolve(loop.Iterator, scope);
                    if (loop.Iterator is { } iterator && iterated is { CanLoop: false })
                    {
                        report(iterator, DiagnosticCodes.ValueMisused, $"'{(loop is ScriptTableRowStatement ? "tablerow" : "for")}' walks a list, but {Text(iterator)} is {iterated.Kind}");
                    }

                    var inner = new Dictionary<string, Shape?>(scope, StringComparer.Ordinal);
                    if (loop.Variable is ScriptVariable variable)
                    {
                        inner[variable.Name] = iterated?.Element;
                    }

                    Walk(loop.Body, inner);
                    Walk(loop.Else, scope);
                    return;
                case ScriptAssignExpression assign:
                    Walk(assign.Value, scope);
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

                    Walk(capture.Body, scope);
                    return;
                case ScriptFunction function:
                    WalkFunction(function, scope);
                    return;
                case ScriptWithStatement with:
                    Walk(with.Name, scope);
                    WalkWith(with, scope);
                    return;
                case ScriptObjectInitializerExpression initializer:
                    // The keys of { a: 1 } are names of the new object, not names to look up.
                    foreach (var member in initializer.Members ?? Enumerable.Empty<ScriptObjectMember>())
                    {
                        Walk(member.Value, scope);
                    }

                    return;
                case ScriptIsEmptyExpression empty:
                    // x.empty? asks whether any value is empty; it is not a name of the value.
                    Walk(empty.Target, scope);
                    return;
                case ScriptMemberExpression member:
                    Walk(member.Target, scope);
                    CheckMember(member, scope);
                    return;
                case ScriptIndexerExpression indexer:
                    Walk(indexer.Target, scope);
                    Walk(indexer.Index, scope);
                    if (Resolve(indexer.Target, scope) is { CanIndex: false } indexed && indexer.Index is not null)
                    {
                        report(indexer.Index, DiagnosticCodes.ValueMisused, $"[…] reads an element of a list or a character of a text, but {Text(indexer.Target)} is {indexed.Kind}");
                    }

                    return;
                case ScriptVariableGlobal global:
                    if (!Known(global.Name, scope))
                    {
                        report(global, DiagnosticCodes.UnknownName, WordFunctions.Unavailable.TryGetValue(global.Name, out var why)
                            ? $"'{global.Name}' is not available to templates: {why}"
                            : global.Name == HouseFunctions.Namespace
                                ? HouseFunctions.NoneRegistered
                                : Unknown(global.Name, ModelShape.Members!.Keys.Concat(scope.Keys.Where(k => k is not (Arguments or Anything or InWith))), scope.ContainsKey(InWith) ? "here" : "at the top level"));
                    }

                    return;
                case ScriptVariableLocal local:
                    if (!scope.ContainsKey(local.Name) && !scope.ContainsKey(Anything))
                    {
                        report(local, DiagnosticCodes.UnknownName, $"'{local.Name}' is not set here: a $ variable is set by the template itself ({{{{ {local.Name} = … }}}}) or, as $0, $1…, holds a function's arguments; nothing from outside (such as the environment) is");
                    }

                    return;
                case null:
                    return;
            }

            for (var i = 0; i < node.ChildrenCount; i++)
            {
                if (node.GetChildren(i) is { } child)
                {
                    Walk(child, scope);
                }
            }
        }

        /// <summary>
        /// A function's body runs where it is called: it sees the names known where it is defined, every name the
        /// part binds anywhere (of unknown shape), its parameters, and its arguments as <c>$0</c>, <c>$1</c>….
        /// </summary>
        private void WalkFunction(ScriptFunction function, Dictionary<string, Shape?> scope)
        {
            if (function.NameOrDoToken is ScriptVariable name)
            {
                scope[name.Name] = null;
            }

            // What a bound name holds when the function is called is not known: it may have been set again since.
            var body = new Dictionary<string, Shape?>(scope, StringComparer.Ordinal) { [Arguments] = null };
            foreach (var known in bound)
            {
                body[known] = null;
            }

            foreach (var parameter in function.Parameters ?? Enumerable.Empty<ScriptParameter>())
            {
                if (parameter.Name is { } parameterName)
                {
                    body[parameterName.Name] = null;
                }
            }

            Walk(function.Body, body);
        }

        /// <summary>
        /// Inside <c>with</c>, the names of its object come first, then those known outside. On a value of unknown
        /// shape anything may be known; on a value that is not an object, <c>with</c> is an error.
        /// </summary>
        private void WalkWith(ScriptWithStatement with, Dictionary<string, Shape?> scope)
        {
            var inner = new Dictionary<string, Shape?>(scope, StringComparer.Ordinal);
            var target = Resolve(with.Name, scope);
            if (with.Name is { } name && target is { IsObject: false })
            {
                report(name, DiagnosticCodes.ValueMisused, $"'with' opens an object, but {Text(name)} is {target.Kind}");
            }

            if (target?.Members is { } members && target.IsObject)
            {
                inner[InWith] = null;
                foreach (var (memberName, shape) in members)
                {
                    inner[memberName] = shape;
                }
            }
            else
            {
                inner[Anything] = null;
            }

            Walk(with.Body, inner);
        }

        private void CheckMember(ScriptMemberExpression member, Dictionary<string, Shape?> scope)
        {
            if (Resolve(member.Target, scope) is not { Members: { } members } owner || member.Member is not ScriptVariable memberName || members.ContainsKey(memberName.Name))
            {
                return;
            }

            var name = memberName.Name;
            var full = member.Target is ScriptVariableGlobal global ? global.Name + "." + name : null;
            if (full is not null && WordFunctions.Unavailable.TryGetValue(full, out var why))
            {
                report(member.Member, DiagnosticCodes.UnknownName, $"'{full}' is not available to templates: {why}");
            }
            else if (member.Target is ScriptVariableGlobal { Name: HouseFunctions.Namespace })
            {
                report(member.Member, DiagnosticCodes.UnknownName, UnknownHouseFunction(name, members.Keys));
            }
            else if (owner.Kind is null)
            {
                report(member.Member, DiagnosticCodes.UnknownName, Unknown(name, members.Keys, "here"));
            }
            else
            {
                report(member.Member, DiagnosticCodes.UnknownName, $"{Text(member.Target)} is {owner.Kind}, which has no name '{name}'" + (members.Count == 0
                    ? $": it has no names of its own; write it whole, {{{{ {Text(member.Target)} }}}}"
                    : Suggestions.Closest(name, members.Keys) is { } suggestion
                        ? $"; did you mean '{suggestion}'?"
                        : $"; it has: {string.Join(", ", members.Keys.Order(StringComparer.Ordinal))}"));
            }
        }

        private static bool Known(string name, Dictionary<string, Shape?> scope) =>
            scope.ContainsKey(name) || scope.ContainsKey(Anything) || ModelShape.Members!.ContainsKey(name) || Implicit.Contains(name)
            || WordFunctions.Builtins.ContainsKey(name);
    }

    private static string Unknown(string name, IEnumerable<string> known, string where) =>
        Suggestions.Closest(name, known) is { } suggestion
            ? $"'{name}' is not a name the minutes model has {where}; did you mean '{suggestion}'?"
            : $"'{name}' is not a name the minutes model has {where}; known: {string.Join(", ", known.Distinct().Order(StringComparer.Ordinal))}";

    private static string UnknownHouseFunction(string name, IEnumerable<string> known) =>
        Suggestions.Closest(name, known) is { } suggestion
            ? $"'{HouseFunctions.Namespace}.{name}' is not a house function registered for this template; did you mean '{suggestion}'?"
            : $"'{HouseFunctions.Namespace}.{name}' is not a house function registered for this template; registered: {string.Join(", ", known.Order(StringComparer.Ordinal))}";

    /// <summary>The shape an expression has, when it can be known without data.</summary>
    private static Shape? Resolve(ScriptNode? expression, Dictionary<string, Shape?> scope) => expression switch
    {
        ScriptVariableGlobal global when scope.TryGetValue(global.Name, out var local) => local,
        ScriptVariableGlobal global when scope.ContainsKey(Anything) => null,
        ScriptVariableGlobal global => ModelShape.Members!.GetValueOrDefault(global.Name) ?? BuiltinShape.Members!.GetValueOrDefault(global.Name),
        ScriptIsEmptyExpression => Shape.OfType(typeof(bool)),
        ScriptMemberExpression { Member: ScriptVariable member } access => Resolve(access.Target, scope)?.Members?.GetValueOrDefault(member.Name),
        ScriptIndexerExpression indexer => Resolve(indexer.Target, scope)?.Element,
        ScriptNestedExpression nested => Resolve(nested.Expression, scope),
        ScriptFunctionCall call => Resolve(call.Target, scope)?.Result,
        ScriptPipeCall pipe => pipe.To switch
        {
            ScriptFunctionCall call => Resolve(call, scope),
            ScriptMemberExpression or ScriptVariableGlobal => Resolve(pipe.To, scope)?.Result,
            _ => null,
        },
        _ => null,
    };

    /// <summary>What is known of a value: the names under it, the shape of a list's elements, and what it can be used as.</summary>
    private sealed class Shape
    {
        private static readonly ConcurrentDictionary<Type, Shape> ByType = new();

        /// <summary>The names that can be read after a dot; null when they cannot be known.</summary>
        public IReadOnlyDictionary<string, Shape?>? Members { get; private set; }

        /// <summary>The shape of a list's elements (and of a text's characters).</summary>
        public Shape? Element { get; private set; }

        /// <summary>For a built-in function, the shape of what it gives, when that is known.</summary>
        public Shape? Result { get; private init; }

        /// <summary>What the value is in messages (<c>a date</c>, <c>inline text</c>); null for an object of the model.</summary>
        public string? Kind { get; private init; }

        /// <summary>True for an object <c>with</c> can open: one of the model's or Scriban's own.</summary>
        public bool IsObject { get; private init; } = true;

        /// <summary>True when <c>[…]</c> reads from it.</summary>
        public bool CanIndex { get; private init; } = true;

        /// <summary>True when <c>for</c> can walk it.</summary>
        public bool CanLoop { get; private init; } = true;

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
                    ? ListOf(Of(element, made))
                    : member.Members.Count > 0 ? Of(member, made) : OfDeclared(member.Type);
            }

            return shape;
        }

        /// <summary>The shape of a plain value declared as <paramref name="type"/> (<c>date</c>, <c>list of inline text</c>); null for a kind not declared.</summary>
        private static Shape? OfDeclared(string type) =>
            type.StartsWith(ModelNames.ListOf, StringComparison.Ordinal)
                ? OfDeclared(type[ModelNames.ListOf.Length..]) is { } element ? ListOf(element) : ListOf(null)
                : type.StartsWith("lists of ", StringComparison.Ordinal)
                    ? OfDeclared(ModelNames.ListOf + type["lists of ".Length..])
                    : ModelNames.ValueTypes.TryGetValue(type, out var valueType) ? OfType(valueType) : null;

        /// <summary>A list (Scriban's array): its elements, and its <c>size</c>.</summary>
        private static Shape ListOf(Shape? element) => new()
        {
            Element = element,
            Members = new Dictionary<string, Shape?>(StringComparer.Ordinal) { ["size"] = OfType(typeof(int)) },
            Kind = "a list",
        };

        /// <summary>
        /// The shape of a .NET value: a text has its <c>size</c> and characters; any other value the names
        /// <see cref="DotNetMembers.Readable"/> gives (a date's properties), and no others.
        /// </summary>
        public static Shape OfType(Type type) => ByType.GetOrAdd(type, Make);

        private static Shape Make(Type type)
        {
            var members = new Dictionary<string, Shape?>(StringComparer.Ordinal);
            var text = type == typeof(string);
            var shape = new Shape
            {
                Members = members,
                Kind = text ? "text" : KindOf(type),
                IsObject = false,
                CanIndex = text || typeof(IList).IsAssignableFrom(type),
                CanLoop = text || typeof(IEnumerable).IsAssignableFrom(type),
            };
            if (text)
            {
                members["size"] = OfType(typeof(int));
                shape.Element = shape;
                return shape;
            }

            foreach (var (name, memberType) in DotNetMembers.Readable(type))
            {
                // A date's date is a date again; no other value has names, so no other cycle can be.
                members[name] = memberType == type ? shape : OfType(memberType);
            }

            return shape;
        }

        private static string KindOf(Type type) => type switch
        {
            _ when type == typeof(DateTime) => "a date",
            _ when type == typeof(bool) => "yes or no",
            _ when type == typeof(Model.InlineText) => "inline text",
            _ when type == typeof(TableValue) => "a table",
            _ when type == typeof(ImageValue) => "a picture",
            _ when type.IsPrimitive || type == typeof(decimal) => "a number",
            _ => "a value",
        };

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
                p => p.Value switch
                {
                    Scriban.Runtime.ScriptObject inner => Of(inner),
                    Scriban.Runtime.IScriptCustomFunction function => new Shape { Result = ResultOf(function.ReturnType) },
                    _ => null,
                },
                StringComparer.Ordinal),
        };

        /// <summary>What a built-in function gives, when it is a value whose names are known: a date, a duration, a text, a number, yes or no.</summary>
        private static Shape? ResultOf(Type type) =>
            type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(string) || type == typeof(bool) || type.IsPrimitive
                ? OfType(type)
                : null;
    }
}
