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

    /// <summary>
    /// The path of the file <paramref name="path"/> stands for, with every symbolic link on the way resolved, so
    /// that two names of one file (a link and its target, a linked directory) compare equal.
    /// Parts that do not exist yet are kept as they are.
    /// </summary>
    public static string Canonical(string path) => Canonical(Path.GetFullPath(path), depth: 0);

    private static string Canonical(string fullPath, int depth)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var current = root;
        foreach (var part in fullPath[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Join(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (depth < 40 && info.Exists && info.LinkTarget is not null)
            {
                try
                {
                    if (info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                    {
                        current = Canonical(target.FullName, depth + 1);
                    }
                }
                catch (IOException)
                {
                    // A link cycle: the name as it is is the best answer.
                }
            }
        }

        return current;
    }
}
