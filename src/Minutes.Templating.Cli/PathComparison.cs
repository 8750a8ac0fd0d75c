namespace Minutes.Templating.Cli;

/// <summary>How the file system of this machine compares paths.</summary>
internal static class PathComparison
{
    /// <summary>True where file names are compared without regard to case (Windows, macOS).</summary>
    public static bool IgnoresCase { get; } = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    /// <summary>The string comparison matching <see cref="IgnoresCase"/>.</summary>
    public static StringComparison Comparison => IgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The string comparer matching <see cref="IgnoresCase"/>.</summary>
    public static StringComparer Comparer => IgnoresCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>True when <paramref name="path"/> ends with a directory separator, so it can only name a directory.</summary>
    public static bool EndsInSeparator(string path) =>
        path.Length > 0 && (path[^1] == Path.DirectorySeparatorChar || path[^1] == Path.AltDirectorySeparatorChar);
}
