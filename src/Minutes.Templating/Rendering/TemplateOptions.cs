using Minutes.Templating.Model;

namespace Minutes.Templating.Rendering;

/// <summary>How a template is loaded: how much of it may be read, and the organisation's own functions it may call.</summary>
public sealed record TemplateOptions
{
    private readonly IReadOnlyList<TemplateFunction> _functions = ValueList<TemplateFunction>.Empty;

    /// <summary>The default options: the default limits, no house functions.</summary>
    public static TemplateOptions Default { get; } = new();

    /// <summary>How much of the template may be read (its size, entries, decompressed size), and of its labels file (<see cref="ReadLimits.MinutesSize"/>).</summary>
    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>
    /// The organisation's own functions, which templates call as <c>{{ house.NAME … }}</c>; see
    /// <see cref="TemplateFunction"/>. Their names are known when the template loads, so a misspelt one is an error then.
    /// </summary>
    /// <exception cref="ArgumentException">Two functions have the same name.</exception>
    public IReadOnlyList<TemplateFunction> Functions
    {
        get => _functions;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ArgumentException($"Two house functions are named '{twice.Key}'.", nameof(value));
            }

            _functions = ValueList.Of(value);
        }
    }
}
