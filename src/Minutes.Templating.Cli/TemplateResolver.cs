using Minutes.Templating.Rendering;

namespace Minutes.Templating.Cli;

/// <summary>Finds the template named by <c>--template</c>: a built-in name or the path of a template file.</summary>
internal static class TemplateResolver
{
    /// <summary>The template used when none is named.</summary>
    public const string DefaultName = "verslag";

    /// <summary>What <paramref name="nameOrPath"/> stands for, checked before anything is loaded.</summary>
    /// <param name="nameOrPath">The option's value, or null for the default.</param>
    /// <returns>The built-in name, or null and the existing file's path.</returns>
    /// <exception cref="UsageException">The value is neither a built-in name nor an existing file.</exception>
    public static (string? BuiltInName, string? Path) Locate(string? nameOrPath)
    {
        var value = nameOrPath ?? DefaultName;

        // A built-in name wins over a file or folder of that name in the current directory, so a folder called
        // 'minutes' never hides the built-in template; './minutes' (any value with a separator) names the folder.
        var builtIn = LooksLikePath(value) ? null : WordTemplate.BuiltInNames.FirstOrDefault(name => name.Equals(value, StringComparison.OrdinalIgnoreCase));
        if (builtIn is not null)
        {
            return (builtIn, null);
        }

        if (File.Exists(value) || Directory.Exists(value))
        {
            return (null, value);
        }

        var builtIns = string.Join(", ", WordTemplate.BuiltInNames);
        throw new UsageException(LooksLikePath(value)
            ? $"template file not found: {value}"
            : $"unknown template '{value}': it is neither a built-in template ({builtIns}) nor an existing file or folder");
    }

    /// <summary>Loads the template <see cref="Locate"/> found.</summary>
    public static WordTemplate Load((string? BuiltInName, string? Path) located, ReadLimits limits) =>
        located.BuiltInName is { } name ? WordTemplate.BuiltIn(name) : WordTemplate.Load(located.Path!, new TemplateOptions { Limits = limits });

    private static bool LooksLikePath(string value) =>
        value.IndexOfAny(['/', '\\']) >= 0 || Path.HasExtension(value);
}
