using Minutes.Templating.Rendering;

namespace Minutes.Templating.Cli;

/// <summary>Decides where each rendered document goes, from the inputs and the <c>--output</c> option.</summary>
internal static class OutputPaths
{
    /// <summary>The extension of the documents written.</summary>
    public const string Extension = ".docx";

    /// <summary>
    /// Maps each input to its output path. Without <paramref name="output"/> a document goes next to its input.
    /// When <paramref name="output"/> names a directory (one that exists, one that ends with a separator,
    /// one without an extension, or any output with several inputs) it goes there as <c>NAME.docx</c>;
    /// a <c>.docx</c> path with one input is that input's document.
    /// </summary>
    /// <param name="inputs">The minutes files, as expanded from the command line.</param>
    /// <param name="output">The <c>--output</c> value, or null.</param>
    /// <returns>One output path per input, in the same order.</returns>
    /// <exception cref="UsageException">The output cannot be used for these inputs, or two inputs would be written to one file.</exception>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> inputs, string? output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string[] outputs;
        if (output is null)
        {
            outputs = [.. inputs.Select(input => Path.ChangeExtension(input, Extension))];
        }
        else if (NamesDirectory(output, inputs.Count))
        {
            outputs = [.. inputs.Select(input => Path.Join(output, Path.GetFileNameWithoutExtension(input) + Extension))];
        }
        else
        {
            outputs = [output];
        }

        var byFullPath = new Dictionary<string, int>(PathComparison.Comparer);
        for (var i = 0; i < outputs.Length; i++)
        {
            if (!byFullPath.TryAdd(Path.GetFullPath(outputs[i]), i))
            {
                var first = byFullPath[Path.GetFullPath(outputs[i])];
                throw new UsageException(
                    $"{inputs[first]} and {inputs[i]} would both be written to {outputs[i]}; render them to different directories");
            }
        }

        return outputs;
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
    /// Checks that no two documents of different inputs, in any version, go to one file
    /// (<c>a.yaml</c> in publication and <c>a.publication.yaml</c> in internal would).
    /// </summary>
    /// <exception cref="UsageException">Two inputs would be written to one file.</exception>
    public static void CheckDistinct(IReadOnlyList<string> inputs, IReadOnlyList<IReadOnlyList<(string Path, RenderMode Mode)>> documents)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(documents);
        var byFullPath = new Dictionary<string, int>(PathComparison.Comparer);
        for (var i = 0; i < documents.Count; i++)
        {
            foreach (var (path, _) in documents[i])
            {
                if (!byFullPath.TryAdd(Path.GetFullPath(path), i))
                {
                    throw new UsageException(
                        $"{inputs[byFullPath[Path.GetFullPath(path)]]} and {inputs[i]} would both be written to {path}; render them to different directories");
                }
            }
        }
    }

    /// <summary>The name of the publication version of the document at <paramref name="output"/>.</summary>
    private static string PublicationPath(string output) =>
        output.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
            ? output[..^Extension.Length] + PublicationSuffix + output[^Extension.Length..]
            : output + PublicationSuffix + Extension;

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
