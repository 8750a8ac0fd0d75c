using Minutes.Templating.Rendering;

namespace Minutes.Templating.Cli;

/// <summary>Decides where each rendered document goes, from the inputs and the <c>--output</c> option.</summary>
internal static class OutputPaths
{
    /// <summary>The extension of the documents written.</summary>
    public const string Extension = ".docx";

    /// <summary>
    /// Every document to write, per input and version (<see cref="Resolve"/> then <see cref="Versions"/>), checked
    /// so that no two inputs are written to one file.
    /// </summary>
    /// <param name="inputs">The minutes files, as expanded from the command line.</param>
    /// <param name="output">The <c>--output</c> value, or null.</param>
    /// <param name="modes">The versions asked for.</param>
    /// <param name="keepStructure">True for <c>--keep-structure</c>.</param>
    /// <returns>For each input, in the same order, its documents.</returns>
    /// <exception cref="UsageException">The output cannot be used for these inputs, or two inputs would be written to one file (every such pair is named).</exception>
    public static IReadOnlyList<IReadOnlyList<(string Path, RenderMode Mode)>> Plan(IReadOnlyList<InputFile> inputs, string? output, IReadOnlyList<RenderMode> modes, bool keepStructure)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var documents = Resolve(inputs, output, keepStructure).Select(o => Versions(o, modes)).ToList();
        var directory = output is not null && NamesDirectory(output, inputs.Count) ? output : null;
        var byFullPath = new Dictionary<string, int>(PathComparison.Comparer);
        var problems = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            foreach (var (path, _) in documents[i])
            {
                var fullPath = Path.GetFullPath(path);
                if (!byFullPath.TryAdd(fullPath, i) && byFullPath[fullPath] != i)
                {
                    problems.Add(Clash(inputs[byFullPath[fullPath]], inputs[i], path, directory, keepStructure));
                }
            }
        }

        return problems.Count > 0 ? throw new UsageException(problems) : documents;
    }

    /// <summary>
    /// Maps each input to its output path. Without <paramref name="output"/> a document goes next to its input.
    /// When <paramref name="output"/> names a directory (one that exists, one that ends with a separator,
    /// one without an extension, or any output with several inputs) it goes there as <c>NAME.docx</c>, or with
    /// <paramref name="keepStructure"/> at its input's <see cref="InputFile.RelativePath"/> below it;
    /// a <c>.docx</c> path with one input is that input's document.
    /// </summary>
    /// <param name="inputs">The minutes files, as expanded from the command line.</param>
    /// <param name="output">The <c>--output</c> value, or null.</param>
    /// <param name="keepStructure">True for <c>--keep-structure</c>, which needs <paramref name="output"/> to name a directory.</param>
    /// <returns>One output path per input, in the same order; two may be the same (<see cref="Plan"/> refuses that).</returns>
    /// <exception cref="UsageException">The output cannot be used for these inputs.</exception>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<InputFile> inputs, string? output, bool keepStructure = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (output is not null && NamesDirectory(output, inputs.Count))
        {
            return [.. inputs.Select(input => Path.Join(output, keepStructure ? Path.GetDirectoryName(input.RelativePath) : null, DocumentName(input.Path)))];
        }

        if (keepStructure)
        {
            throw new UsageException(output is null
                ? "--keep-structure places each document under the directory given with -o DIR; give one"
                : $"--keep-structure places each document under the directory given with -o DIR, but {output} names one file");
        }

        return output is null ? [.. inputs.Select(input => Path.ChangeExtension(input.Path, Extension))] : [output];
    }

    /// <summary>What comes before <see cref="Extension"/> in the name of a publication version.</summary>
    public const string PublicationSuffix = ".publication";

    /// <summary>
    /// The documents to write for one input: the internal version at <paramref name="output"/> (<c>NAME.docx</c>),
    /// the publication version beside it as <c>NAME.publication.docx</c>, in the order of <paramref name="modes"/>.
    /// </summary>
    /// <param name="output">Where the internal version of the input goes, from <see cref="Resolve"/>.</param>
    /// <param name="modes">The versions asked for.</param>
    public static IReadOnlyList<(string Path, RenderMode Mode)> Versions(string output, IReadOnlyList<RenderMode> modes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(modes);
        return [.. modes.Select(mode => (mode == RenderMode.Publication ? PublicationPath(output) : output, mode))];
    }

    /// <summary>
    /// Checks that no file to be written is one of the files read: a minutes file (whatever its extension, say
    /// <c>notes.docx</c> rendered without <c>-o</c>) or the template, under any name, symbolic links included.
    /// </summary>
    /// <param name="outputs">Every file the run would write.</param>
    /// <param name="readFiles">Every file the run reads.</param>
    /// <exception cref="UsageException">An output is one of the files read.</exception>
    public static void CheckNotRead(IEnumerable<string> outputs, IEnumerable<string> readFiles)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(readFiles);
        var read = new Dictionary<string, string>(PathComparison.Comparer);
        foreach (var file in readFiles)
        {
            read.TryAdd(PathComparison.Canonical(file), file);
        }

        foreach (var output in outputs)
        {
            if (read.TryGetValue(PathComparison.Canonical(output), out var input))
            {
                throw new UsageException(
                    $"{output} would overwrite {input}, which this run reads; give another output with -o");
            }
        }
    }

    /// <summary>The name of the publication version of the document at <paramref name="output"/>.</summary>
    private static string PublicationPath(string output) =>
        output.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
            ? output[..^Extension.Length] + PublicationSuffix + output[^Extension.Length..]
            : output + PublicationSuffix + Extension;

    /// <summary>The name of the document for <paramref name="input"/>: its name with <see cref="Extension"/>.</summary>
    private static string DocumentName(string input) => Path.GetFileNameWithoutExtension(input) + Extension;

    /// <summary>
    /// What to say when <paramref name="first"/> and <paramref name="second"/> would both be written to
    /// <paramref name="path"/>: both inputs, and the way out that works for them.
    /// </summary>
    private static string Clash(InputFile first, InputFile second, string path, string? directory, bool keepStructure)
    {
        var clash = $"{first.Path} and {second.Path} would both be written to {path}";
        var folder = Path.GetDirectoryName(first.RelativePath) ?? string.Empty;
        var otherFolder = Path.GetDirectoryName(second.RelativePath) ?? string.Empty;
        if (directory is not null && !keepStructure && !PathComparison.Comparer.Equals(folder, otherFolder))
        {
            return $"{clash}; give --keep-structure to write each below {directory} in its own folder";
        }

        var inOneFolder = PathComparison.Comparer.Equals(
            Path.GetDirectoryName(Path.GetFullPath(first.Path)),
            Path.GetDirectoryName(Path.GetFullPath(second.Path)));
        if (directory is null || inOneFolder)
        {
            return $"{clash}; rename one of them";
        }

        return $"{clash}; give --keep-structure with a pattern over the folder that holds both, such as '{CommonPattern(first.Path, second.Path)}', or render them to different directories";
    }

    /// <summary>A pattern that finds both files below their nearest common folder, spelled as the user spelled them.</summary>
    private static string CommonPattern(string first, string second)
    {
        if (Path.IsPathRooted(first) != Path.IsPathRooted(second))
        {
            (first, second) = (Path.GetFullPath(first), Path.GetFullPath(second));
        }

        char[] separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];
        var a = (Path.GetDirectoryName(first) ?? string.Empty).Split(separators);
        var b = (Path.GetDirectoryName(second) ?? string.Empty).Split(separators);
        var common = a.Zip(b).TakeWhile(pair => PathComparison.Comparer.Equals(pair.First, pair.Second)).Select(pair => pair.First).ToArray();
        var folder = string.Join('/', common);
        var extension = PathComparison.Comparer.Equals(Path.GetExtension(first), Path.GetExtension(second)) ? Path.GetExtension(first) : ".y*ml";
        return (folder.Length == 0 ? string.Empty : folder + "/") + "**/*" + extension;
    }

    private static bool NamesDirectory(string output, int inputCount)
    {
        if (output.Length == 0)
        {
            throw new UsageException("the output path is empty");
        }

        if (PathComparison.EndsInSeparator(output) || Directory.Exists(output))
        {
            return true;
        }

        if (Path.GetExtension(output).Equals(Extension, StringComparison.OrdinalIgnoreCase))
        {
            if (inputCount > 1)
            {
                throw new UsageException(
                    $"--output {output} names one file, but {inputCount} inputs were given; give a directory instead");
            }

            return false;
        }

        if (File.Exists(output))
        {
            throw new UsageException($"--output {output} is an existing file that is not a {Extension}; give a directory or a {Extension} file");
        }

        if (Path.HasExtension(output))
        {
            throw new UsageException($"--output {output} must be a directory, a {Extension} file or a {PdfOutputs.Extension} file");
        }

        return true;
    }
}
