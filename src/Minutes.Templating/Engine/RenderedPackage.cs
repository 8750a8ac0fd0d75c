using Minutes.Templating.Packaging;

namespace Minutes.Templating.Engine;

/// <summary>
/// The entries a rendering replaces or adds in the template's package: the rendered parts, their relationships
/// to the hyperlinks and pictures they refer to, the list instances added, the styles for the document's
/// language, and what the rich content needs (footnotes, media, table styles).
/// </summary>
internal static class RenderedPackage
{
    /// <summary>Every entry of the document that differs from the template's, by entry name.</summary>
    /// <param name="template">The template rendered.</param>
    /// <param name="parts">The parts rendered, in order.</param>
    /// <param name="state">What the rendering shared between its parts.</param>
    /// <param name="language">The document's language.</param>
    public static Dictionary<string, byte[]> Entries(CompiledTemplate template, IReadOnlyList<RenderedPart> parts, RenderState state, string language)
    {
        var package = template.Package!;
        var replaced = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            replaced[part.EntryName] = part.Xml;
            if (part.Links.Count > 0 || part.Images.Count > 0)
            {
                var relsName = PackageParts.RelationshipsEntry(part.EntryName);
                replaced[relsName] = PackageParts.AddRelationships(
                    package.Entry(relsName),
                    part.Links.Select(l => new PackageParts.Relationship(l.Id, PackageParts.HyperlinkType, l.Url, External: true))
                        .Concat(part.Images.Select(i => new PackageParts.Relationship(i.Id, PackageParts.ImageType, i.Target, External: false))));
            }
        }

        if (state.AddedLists.Count > 0 && template.ReadPart(package.NumberingEntry) is { } numberingPart)
        {
            Numbering.AddInstances(numberingPart.Root!, state.AddedLists);
            replaced[package.NumberingEntry!] = OutputFixer.Serialize(numberingPart);
        }

        // The language first: the rich content adds its styles to the styles part as it then is.
        if (package.StylesEntry is { } stylesEntry && template.StylesFor(language) is { } styles)
        {
            replaced[stylesEntry] = styles;
        }

        RichContent.Complete(package, template.MainEntry, state, replaced);
        return replaced;
    }
}
