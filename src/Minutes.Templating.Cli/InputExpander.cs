using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace Minutes.Templating.Cli;

/// <summary>
/// Turns the FILE arguments of the command line into the list of minutes files to read:
/// a file stands for itself, a directory for the .yaml and .yml files directly inside it,
/// and a pattern with <c>*</c> or <c>**</c> for the .yaml and .yml files it matches. Each file comes with its path
/// relative to the base of the argument it was found through, which <c>--keep-structure</c> repeats under the output folder.
/// </summary>
internal static class InputExpander
{
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>Expands the arguments, in the order given, each file once.</summary>
    /// <param name="arguments">The FILE arguments as typed.</param>
    /// <returns>The files, spelled as the user spelled them (or relative to the directory or pattern given).</returns>
    /// <exception cref="UsageException">An argument names nothing that exists, or an empty directory or pattern.</exception>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var files = new List<InputFile>();
        var seen = new HashSet<string>(PathComparison.Comparer);
        var problems = new List<string>();

        foreach (var argument in arguments)
        {
            InputFile[] found;
            if (string.IsNullOrWhiteSpace(argument))
            {
                problems.Add("an empty file name was given");
                continue;
            }
            else if (File.Exists(argument))
            {
                found = [new InputFile(argument, Path.GetFileName(argument))];
            }
            else if (Directory.Exists(argument))
            {
                found = ListDirectory(argument);
                if (found.Length == 0)
                {
                    problems.Add($"{argument}: the directory holds no .yaml or .yml files");
                }
            }
            else if (IsPattern(argument) && ClimbsAfterWildcard(argument))
            {
                problems.Add($"{argument}: a pattern cannot go up with '..' after its first '*'");
                continue;
            }
            else if (IsPattern(argument))
            {
                found = ExpandPattern(argument);
                if (found.Length == 0)
                {
                    problems.Add($"{argument}: no .yaml or .yml files match");
                }
            }
            else
            {
                problems.Add($"{argument}: no such file or directory");
                continue;
            }

            foreach (var file in found)
            {
                if (seen.Add(Path.GetFullPath(file.Path)))
                {
                    files.Add(file);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new UsageException(problems);
        }

        return files;
    }

    /// <summary>True when <paramref name="argument"/> is a pattern rather than a plain path.</summary>
    public static bool IsPattern(string argument) => argument.Contains('*', StringComparison.Ordinal);

    /// <summary>
    /// True when a <c>..</c> follows the first segment with a wildcard, which the matcher cannot follow; a pattern's
    /// matches therefore always lie below its fixed folders, and their paths relative to those never go up.
    /// </summary>
    private static bool ClimbsAfterWildcard(string pattern)
    {
        var segments = pattern.Split(Separators);
        var firstWild = Array.FindIndex(segments, s => s.Contains('*', StringComparison.Ordinal));
        return segments.Skip(firstWild).Contains("..", StringComparer.Ordinal);
    }

    private static bool IsMinutesFile(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
    }

    private static InputFile[] ListDirectory(string directory) =>
        [.. Directory.EnumerateFiles(directory)
            .Where(IsMinutesFile)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .Select(name => new InputFile(Path.Combine(directory, name), name))];

    private static InputFile[] ExpandPattern(string pattern)
    {
        // The fixed directories before the first segment with a wildcard are the base; the rest is the glob.
        var segments = pattern.Split(Separators);
        var firstWild = Array.FindIndex(segments, s => s.Contains('*', StringComparison.Ordinal));
        var baseDirectory = string.Join('/', segments[..firstWild]);
        if (baseDirectory.Length == 0 && firstWild > 0)
        {
            baseDirectory = "/";
        }

        var glob = string.Join('/', segments[firstWild..]);
        var root = baseDirectory.Length == 0 ? "." : baseDirectory;
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(PathComparison.Comparison);
        matcher.AddInclude(glob);
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
        return [.. result.Files
            .Select(match => match.Path)
            .Where(IsMinutesFile)
            .Order(StringComparer.Ordinal)
            .Select(relative => new InputFile(
                baseDirectory.Length == 0 ? relative : Path.Join(baseDirectory, relative),
                relative.Replace('/', Path.DirectorySeparatorChar)))];
    }
}

/// <summary>One minutes file to read, found through a FILE argument.</summary>
/// <param name="Path">The file, spelled as the user spelled it (or joined to the directory or pattern given).</param>
/// <param name="RelativePath">
/// Its path relative to the base of its argument: the name alone for a file or a directory's file, the path
/// below the fixed folders of a pattern (<c>2024/03/minutes.yaml</c> for <c>'archive/**/*.yaml'</c>).
/// </param>
internal sealed record InputFile(string Path, string RelativePath);
