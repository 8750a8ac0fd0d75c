using System.Globalization;
using Minutes.Templating.Model;

namespace Minutes.Templating.Rendering;

/// <summary>
/// A function of the organisation's own that templates call as <c>{{ house.NAME argument… }}</c>, registered when a
/// template is loaded (<see cref="TemplateOptions.Functions"/>), so that the load knows its name: a misspelt
/// <c>house.</c> name is an error with a suggestion, as a misspelt model name is.
/// </summary>
/// <remarks>
/// <para>A house function runs in the template's sandbox. It is given values, never the engine: text, whole numbers
/// (<see cref="long"/>), other numbers (<see cref="double"/>), true/false, dates (<see cref="DateTime"/>) and lists of
/// these (see <see cref="TemplateArguments"/>); inline text from the minutes arrives as its plain text (in a publication
/// rendering, with withheld names already taken out). It gives back one of those kinds of value, or null; what it gives
/// is printed as text, escaped like every value a tag writes, so it can never add Word markup to the document.
/// Anything else it returns, and any exception it throws, stops the rendering with an error at the tag that called it.</para>
/// <para>By contract, a house function is deterministic and quick: the same arguments give the same result, whenever
/// and wherever it runs; it does not read the clock, chance, files, the network or the environment; it may be called
/// from many renderings at once. The engine cannot check this; it relies on it, so that the same minutes always give
/// the same document.</para>
/// </remarks>
public sealed record TemplateFunction
{
    private readonly string _name = string.Empty;
    private readonly IReadOnlyList<string> _parameters = ValueList<string>.Empty;

    /// <summary>
    /// The name templates call it by, after <c>house.</c>: lower-case letters, digits and underscores, starting with a
    /// letter, as the engine's own names are (<c>fiscal_year</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The name is not of that form.</exception>
    public required string Name
    {
        get => _name;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _name = IsName(value)
                ? value
                : throw new ArgumentException($"'{value}' cannot name a house function: use lower-case letters, digits and underscores, starting with a letter (fiscal_year).", nameof(value));
        }
    }

    /// <summary>
    /// The names of its parameters, in order; a template passes exactly this many arguments (by position, or by name:
    /// <c>{{ house.fiscal_year date: meeting.date }}</c>). Empty for a function of no argument.
    /// </summary>
    public IReadOnlyList<string> Parameters { get => _parameters; init => _parameters = ValueList.Of(value); }

    /// <summary>What the function does: given the arguments, the value to print.</summary>
    public required Func<TemplateArguments, object?> Body { get; init; }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 64 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}

/// <summary>The arguments a template passed to a <see cref="TemplateFunction"/>, as plain values.</summary>
/// <remarks>
/// Each value is null, a <see cref="string"/>, a <see cref="long"/> (a whole number), a <see cref="double"/> (any other
/// number), a <see cref="bool"/>, a <see cref="DateTime"/> (a date: its time is midnight) or an
/// <see cref="IReadOnlyList{T}"/> of these. The typed readers (<see cref="Text"/>, <see cref="WholeNumber"/>…) stop the
/// rendering with an error at the argument when it is of another kind.
/// </remarks>
public sealed class TemplateArguments
{
    private readonly object?[] _values;

    internal TemplateArguments(string function, object?[] values)
    {
        Function = function;
        _values = values;
    }

    /// <summary>The function called, as templates write it: <c>house.NAME</c>.</summary>
    public string Function { get; }

    /// <summary>How many arguments were passed.</summary>
    public int Count => _values.Length;

    /// <summary>The argument at <paramref name="index"/> (0-based), as one of the plain values above.</summary>
    /// <param name="index">The argument's position.</param>
    public object? this[int index] => _values[index];

    /// <summary>The argument at <paramref name="index"/> as text.</summary>
    /// <param name="index">The argument's position.</param>
    /// <exception cref="TemplateArgumentException">It is not text.</exception>
    public string Text(int index) => _values[index] as string ?? throw Wrong(index, "text");

    /// <summary>The argument at <paramref name="index"/> as a whole number.</summary>
    /// <param name="index">The argument's position.</param>
    /// <exception cref="TemplateArgumentException">It is not a whole number.</exception>
    public long WholeNumber(int index) => _values[index] is long value ? value : throw Wrong(index, "a whole number");

    /// <summary>The argument at <paramref name="index"/> as a number, whole or not.</summary>
    /// <param name="index">The argument's position.</param>
    /// <exception cref="TemplateArgumentException">It is not a number.</exception>
    public double Number(int index) => _values[index] switch
    {
        long whole => whole,
        double number => number,
        _ => throw Wrong(index, "a number"),
    };

    /// <summary>The argument at <paramref name="index"/> as true or false.</summary>
    /// <param name="index">The argument's position.</param>
    /// <exception cref="TemplateArgumentException">It is not true or false.</exception>
    public bool Boolean(int index) => _values[index] is bool value ? value : throw Wrong(index, "true or false");

    /// <summary>The argument at <paramref name="index"/> as a date, such as <c>meeting.date</c>.</summary>
    /// <param name="index">The argument's position.</param>
    /// <exception cref="TemplateArgumentException">It is not a date.</exception>
    public DateOnly Date(int index) => _values[index] is DateTime value ? DateOnly.FromDateTime(value) : throw Wrong(index, "a date");

    /// <summary>The argument at <paramref name="index"/> as a list, such as <c>item.documents</c>.</summary>
    /// <param name="index">The argument's position.</param>
    /// <exception cref="TemplateArgumentException">It is not a list.</exception>
    public IReadOnlyList<object?> List(int index) => _values[index] as IReadOnlyList<object?> ?? throw Wrong(index, "a list");

    private TemplateArgumentException Wrong(int index, string expected) =>
        new(index, string.Create(CultureInfo.InvariantCulture, $"argument {index + 1} of {Function} must be {expected}, not {Describe(_values[index])}"));

    /// <summary>How a value is named in messages: text, a whole number, a date….</summary>
    internal static string Describe(object? value) => value switch
    {
        null => "nothing (null)",
        string => "text",
        long => "a whole number",
        double => "a number",
        bool => "true or false",
        DateTime => "a date",
        IReadOnlyList<object?> => "a list",
        _ => "a " + value.GetType().Name,
    };
}

/// <summary>A house function was given an argument of the wrong kind; the rendering stops with an error at that argument.</summary>
public sealed class TemplateArgumentException : Exception
{
    /// <summary>An argument of the wrong kind.</summary>
    /// <param name="index">The argument's position (0-based).</param>
    /// <param name="message">What is wrong, in words for the template's author.</param>
    public TemplateArgumentException(int index, string message)
        : base(message) => Index = index;

    /// <summary>The argument's position (0-based).</summary>
    public int Index { get; }
}
