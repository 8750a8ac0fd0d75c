using System.Collections;
using System.Numerics;
using Minutes.Templating.Model;
using Minutes.Templating.Rendering;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Minutes.Templating.Engine;

/// <summary>
/// The organisation's own functions (<see cref="TemplateFunction"/>), under <see cref="Namespace"/>: each one a Scriban
/// function that hands plain values in and takes plain values out, so a house function never sees the engine and never
/// writes markup. Called without reflection, as the engine's own functions are: the command is compiled ahead of time.
/// </summary>
internal static class HouseFunctions
{
    /// <summary>The one name templates reach house functions by: <c>{{ house.fiscal_year meeting.date }}</c>.</summary>
    public const string Namespace = "house";

    /// <summary>What the name checker says of <c>house</c> when no function is registered.</summary>
    public const string NoneRegistered = "'house' holds the organisation's own functions, which the application registers when it loads the template (TemplateOptions.Functions); none are registered here";

    /// <summary>The global object that holds <see cref="Namespace"/>, read-only, for every rendering of one template; null without functions.</summary>
    public static ScriptObject? Globals(IReadOnlyList<TemplateFunction> functions)
    {
        if (functions.Count == 0)
        {
            return null;
        }

        var house = new ScriptObject();
        foreach (var function in functions)
        {
            house.SetValue(function.Name, new HouseFunction(function), true);
        }

        house.IsReadOnly = true;
        var globals = new ScriptObject();
        globals.SetValue(Namespace, house, true);
        globals.IsReadOnly = true;
        return globals;
    }

    /// <summary>A value from a template as a house function receives it: text, a number, true/false, a date or a list of these.</summary>
    private static object? In(object? value, string function, int index) => value switch
    {
        null or string or bool or DateTime => value,
        InlineText text => text.ToString(),
        int or long or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        double or float or decimal => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        BigInteger big when big >= long.MinValue && big <= long.MaxValue => (long)big,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        ScriptObject or TemplateModel.ModelObject or IScriptCustomFunction => throw new ScriptArgumentException(index, $"argument {index + 1} of {function} is an object; a house function is given text, numbers, true/false, dates and lists of these: pass one of its values, such as item.title"),
        IEnumerable list => ListIn(list, function, index),
        _ => throw new ScriptArgumentException(index, $"argument {index + 1} of {function} is a {value.GetType().Name}; a house function is given text, numbers, true/false, dates and lists of these"),
    };

    private static ValueList<object?> ListIn(IEnumerable list, string function, int index)
    {
        var items = new List<object?>();
        foreach (var item in list)
        {
            items.Add(In(item, function, index));
        }

        return new ValueList<object?>([.. items]);
    }

    /// <summary>A value a house function gave, as the template gets it; anything but plain values is an error.</summary>
    private static object? Out(object? value, string function) => value switch
    {
        null or string or bool or int or long or double or decimal or float or DateTime => value,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        InlineText text => text.ToString(),
        IEnumerable list and not IDictionary => ListOut(list, function),
        _ => throw new InvalidOperationException($"{function} gave a value of type {value.GetType().Name}; a house function gives text, a number, true/false, a date, a list of these, or null"),
    };

    private static ScriptArray ListOut(IEnumerable list, string function)
    {
        var array = new ScriptArray();
        foreach (var item in list)
        {
            array.Add(Out(item, function));
        }

        return array;
    }

    /// <summary>One house function as Scriban calls it: its parameters declared, its arguments read here.</summary>
    private sealed class HouseFunction(TemplateFunction function) : IScriptCustomFunction
    {
        private readonly string _fullName = Namespace + "." + function.Name;

        public int RequiredParameterCount => function.Parameters.Count;

        public int ParameterCount => function.Parameters.Count;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), function.Parameters[index]);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            // Scriban reuses the array of arguments once the call returns: the function gets its own copy.
            var values = new object?[arguments.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = In(arguments[i], _fullName, i);
            }

            object? result;
            try
            {
                result = function.Body(new TemplateArguments(_fullName, values));
            }
            catch (TemplateArgumentException ex)
            {
                throw new ScriptArgumentException(ex.Index, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not ScriptRuntimeException)
            {
                throw new ScriptRuntimeException(callerContext?.Span ?? default, $"{_fullName} failed: {ex.Message}", ex);
            }

            try
            {
                return Out(result, _fullName);
            }
            catch (InvalidOperationException ex)
            {
                throw new ScriptRuntimeException(callerContext?.Span ?? default, ex.Message);
            }
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
