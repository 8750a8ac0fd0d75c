namespace Minutes.Templating.Packaging;

/// <summary>A relationship of a part, its target resolved to a part name when it is internal.</summary>
/// <param name="Id">The relationship's id, as parts refer to it (<c>r:id="rId3"</c>).</param>
/// <param name="Type">The relationship type URI.</param>
/// <param name="Target">The part name (without a leading slash) for an internal target; the URI as written for an external one.</param>
/// <param name="External">True when the target is outside the package (<c>TargetMode="External"</c>).</param>
internal sealed record PackageRelationship(string Id, string Type, string Target, bool External)
{
    /// <summary>True when the relationship is of the type whose URI ends with <paramref name="suffix"/> (<c>/styles</c>, <c>/header</c>…).</summary>
    public bool Is(string suffix) => Type.EndsWith(suffix, StringComparison.Ordinal);
}

/// <summary>
/// Part names and relationship targets of Open Packaging Conventions packages (.docx), worked out in one
/// place: where a part's relationships are kept, and which part a relative target names.
/// </summary>
internal static class PackageUris
{
    /// <summary>The content types entry of every package.</summary>
    public const string ContentTypesEntry = "[Content_Types].xml";

    /// <summary>The relationships part of the package itself.</summary>
    public const string PackageRelationshipsEntry = "_rels/.rels";

    /// <summary>The relationship type of hyperlinks, the one kind of external target a document may keep.</summary>
    public const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    /// <summary>The relationships part of <paramref name="part"/> (of the package when it is empty): <c>word/_rels/document.xml.rels</c>.</summary>
    public static string RelationshipsOf(string part)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? "_rels/" + part + ".rels" : part[..(slash + 1)] + "_rels/" + part[(slash + 1)..] + ".rels";
    }

    /// <summary>
    /// The part a relative or absolute target names, seen from <paramref name="source"/> (a part name, or empty
    /// for the package); null when the target leaves the package or is not a part name.
    /// </summary>
    public static string? Resolve(string source, string target)
    {
        if (target.Length == 0 || target.Contains('\\', StringComparison.Ordinal) || target.Contains(':', StringComparison.Ordinal)
            || target.Contains('#', StringComparison.Ordinal) || target.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var folder = source.Contains('/', StringComparison.Ordinal) ? source[..(source.LastIndexOf('/') + 1)] : string.Empty;
        var path = target.StartsWith('/') ? target : "/" + folder + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(Uri.UnescapeDataString(segment));
            }
        }

        var name = string.Join('/', segments);
        return IsPartName(name) ? name : null;
    }

    /// <summary>
    /// True when a zip entry name is a proper part name: relative, forward slashes, no empty, <c>.</c> or
    /// <c>..</c> segment, no control characters. Anything else can never be reached from a relationship.
    /// </summary>
    public static bool IsPartName(string name)
    {
        if (name.Length == 0 || name.StartsWith('/') || name.EndsWith('/') || name.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.Any(char.IsControl))
            {
                return false;
            }
        }

        return true;
    }
}
