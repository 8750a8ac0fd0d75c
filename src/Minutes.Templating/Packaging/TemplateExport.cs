using Minutes.Templating.Localization;

namespace Minutes.Templating.Packaging;

/// <summary>Writes a built-in template out as a .docx and a <c>labels.yaml</c>, for a person to make their own.</summary>
internal static class TemplateExport
{
    /// <summary>Writes <c>NAME.docx</c> and <c>labels.yaml</c> (every label in Dutch and English) into <paramref name="directory"/>.</summary>
    /// <param name="name">The built-in template's name.</param>
    /// <param name="directory">The folder to write into; created when missing.</param>
    /// <param name="templateLabels">The template's own labels, or null.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="IOException">The folder already holds a template or labels file.</exception>
    public static IReadOnlyList<string> Write(string name, string directory, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? templateLabels)
    {
        var docx = Path.Combine(directory, name + ".docx");
        var labels = Path.Combine(directory, "labels.yaml");
        foreach (var existing in new List<string> { docx, labels })
        {
            if (File.Exists(existing))
            {
                throw new IOException($"{existing} exists already; choose an empty folder.");
            }
        }

        Directory.CreateDirectory(directory);
        string flat;
        using (var stream = TemplateSources.OpenBuiltIn(name, ".xml")!)
        using (var reader = new StreamReader(stream))
        {
            flat = reader.ReadToEnd();
        }

        using (DocumentFormat.OpenXml.Packaging.WordprocessingDocument.FromFlatOpcString(flat, docx, isEditable: true))
        {
        }

        var languages = new List<string> { "nl", "en" }.Select(language => (language, Labels.For(language, templateLabels: templateLabels)));
        File.WriteAllText(labels, LabelsFile.Write(
            languages,
            $"The words the '{name}' template prints, per language. Change any of them; a document's own\n" +
            "'labels:' still take precedence. Add a language by adding its tag (de, fr, …) with its labels."));
        return [docx, labels];
    }
}
