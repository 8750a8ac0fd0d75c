namespace Minutes.Templating.Packaging;

/// <summary>Where a template and its labels are found: built into the library, or in a file or template folder.</summary>
internal static class TemplateSources
{
    private const string ResourcePrefix = "Minutes.Templating.Templates.";

    /// <summary>The names of the templates built into the library, in ordinal order.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(TemplateSources).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".xml".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>A built-in template's resource: <c>.xml</c> for its Flat OPC, <c>.labels.yaml</c> for its labels; null when there is none.</summary>
    public static Stream? OpenBuiltIn(string name, string extension) =>
        typeof(TemplateSources).Assembly.GetManifestResourceStream(ResourcePrefix + name + extension);

    /// <summary>
    /// Where the template of <paramref name="path"/> and its labels are: a folder's one template file and its
    /// <c>labels.yaml</c>, or a file and <c>NAME.labels.yaml</c> beside it. A folder without exactly one template
    /// gives its <see cref="TemplateLocation.Problem"/>.
    /// </summary>
    public static TemplateLocation Locate(string path)
    {
        if (!Directory.Exists(path))
        {
            return new TemplateLocation(path, Path.ChangeExtension(path, ".labels.yaml"), null);
        }

        var candidates = Directory.EnumerateFiles(path)
            .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".DOCX" or ".DOTX" or ".XML")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (candidates.Count != 1)
        {
            var problem = candidates.Count == 0
                ? "the folder holds no template (.docx, .dotx or Flat OPC .xml)"
                : "the folder holds more than one template: " + string.Join(", ", candidates.Select(Path.GetFileName));
            return new TemplateLocation(path, Path.Combine(path, "labels.yaml"), problem);
        }

        return new TemplateLocation(candidates[0], Path.Combine(path, "labels.yaml"), null);
    }
}

/// <summary>A template file, where its labels would be, and why there is no template when there is none.</summary>
/// <param name="TemplatePath">The template file (the folder itself when <paramref name="Problem"/> is set).</param>
/// <param name="LabelsPath">Where the template's labels file is, if it exists.</param>
/// <param name="Problem">Why the folder gives no template, or null.</param>
internal readonly record struct TemplateLocation(string TemplatePath, string LabelsPath, string? Problem);
