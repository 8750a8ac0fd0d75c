using Minutes.Templating.Diagnostics;
using Minutes.Templating.Model;
using Minutes.Templating.TemplateModel;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Minutes.Templating.Engine;

/// <summary>
/// Finds, without any minutes, the names a template uses that the minutes model does not have:
/// <c>{{ meeting.titel }}</c>, <c>{{ item.titel }}</c> inside <c>{{ for item in agenda }}</c>, a misspelt
/// top-level name. Loop variables take the shape of the list they walk; names the template assigns
/// itself, Scriban's built-ins and the engine's <c>word</c> functions are known.
/// </summary>
internal static class NameChecker
{
    /// <summary>The shape of the template model: every name a template can reach.</summary>
    private static readonly Shape ModelShape = Shape.Of(TemplateModelBuilder.Build(SampleMinutes()))!;

    private static readonly HashSet<string> Implicit = new(StringComparer.Ordinal) { "for", "tablerow", "while", "this", "empty", "blank", "null", "true", "false" };

    /// <summary>Checks one compiled part, adding an error for each unknown name.</summary>
    public static void Check(string templateName, CompiledPart part, List<Diagnostic> diagnostics)
    {
        if (part.Template.Page is not { } page)
        {
            return;
        }

        var scope = new Dictionary<string, Shape?>(StringComparer.Ordinal);
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
                    report(member.Member, Unknown(memberName.Name, members.Keys, "here"));
                }

                return;
            case ScriptVariableGlobal global:
                if (!Known(global.Name, scope))
                {
                    report(global, Unknown(global.Name, ModelShape.Members!.Keys.Concat(scope.Keys), "at the top level"));
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

    private static bool Known(string name, Dictionary<string, Shape?> scope) =>
        scope.ContainsKey(name) || scope.ContainsKey("*") || ModelShape.Members!.ContainsKey(name) || Implicit.Contains(name)
        || WordFunctions.Builtins.ContainsKey(name);

    /// <summary>The shape an expression has, when it can be known without data.</summary>
    private static Shape? Resolve(ScriptNode? expression, Dictionary<string, Shape?> scope) => expression switch
    {
        ScriptVariableGlobal global when scope.TryGetValue(global.Name, out var local) => local,
        ScriptVariableGlobal global => ModelShape.Members!.GetValueOrDefault(global.Name),
        ScriptMemberExpression { Member: ScriptVariable member } access => Resolve(access.Target, scope)?.Members?.GetValueOrDefault(member.Name),
        ScriptNestedExpression nested => Resolve(nested.Expression, scope),
        _ => null,
    };

    /// <summary>Minutes in which every key of the contract is present, so the model built from them has every name.</summary>
    private static MinutesDocument SampleMinutes()
    {
        var text = InlineText.Plain("x");
        var person = new Person { Name = "x", Honorific = "x", Organisation = "X", OnBehalfOf = text, Excused = true, Redact = "5.1.2e", Note = text };
        return new MinutesDocument
        {
            Document = new DocumentInfo { Title = text, Reference = "x", ApprovedOn = new DateOnly(2000, 1, 1), Classification = "x" },
            Meeting = new Meeting { Body = text, Abbreviation = "x", Number = "1", Date = new DateOnly(2000, 1, 1), Start = new TimeOnly(9, 0), End = new TimeOnly(10, 0), Location = text, Mode = MeetingMode.Hybrid },
            Organisations = [new Organisation("X", text)],
            Attendees = new Attendees { Present = [person], Absent = [person], Guests = [person] },
            Agenda =
            [
                new AgendaItem
                {
                    Title = text, Number = "1", Presenter = text, Documents = [text],
                    Points =
                    [
                        new StatementPoint(text, InlineText.Plain("X"), [new TopicPoint(text, [])]),
                        new AgreementPoint(text),
                        new DecisionPoint(text) { Vote = new Vote { For = 1, Against = 0, Abstain = 0, ForBy = [text], AgainstBy = [text], AbstainBy = [text] } },
                        new TablePoint(text, [new TableCell(text, false)], [[new TableCell(text, true)]]),
                        new ImagePoint(new ImageFile("x.png", ImageFormat.Png, 1, 1, ReadOnlyMemory<byte>.Empty), text) { Caption = text, WidthCentimetres = 1 },
                        new ActionPoint(text, InlineText.Plain("X"), new DateOnly(2000, 1, 1)),
                    ],
                },
            ],
            NextMeeting = new NextMeeting { Date = new DateOnly(2000, 1, 1), Start = new TimeOnly(9, 0), Location = text },
        };
    }

    /// <summary>The names under a value: members of an object, or the shape of a list's elements.</summary>
    private sealed class Shape
    {
        public Dictionary<string, Shape?>? Members { get; private init; }

        public Shape? Element { get; private init; }

        public static Shape? Of(object? value)
        {
            switch (value)
            {
                case ScriptArray array:
                    Shape? element = null;
                    foreach (var item in array)
                    {
                        element = Merge(element, Of(item));
                    }

                    return new Shape { Element = element };
                case ScriptObject obj:
                    return new Shape { Members = obj.ToDictionary(p => p.Key, p => Of(p.Value), StringComparer.Ordinal) };
                default:
                    return null;
            }
        }

        private static Shape? Merge(Shape? a, Shape? b)
        {
            if (a?.Members is null || b?.Members is null)
            {
                return a ?? b;
            }

            var members = new Dictionary<string, Shape?>(a.Members, StringComparer.Ordinal);
            foreach (var (key, value) in b.Members)
            {
                members[key] = members.TryGetValue(key, out var existing) ? Merge(existing, value) : value;
            }

            return new Shape { Members = members };
        }
    }
}
