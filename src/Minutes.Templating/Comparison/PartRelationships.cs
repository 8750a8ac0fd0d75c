using System.Globalization;
using System.Xml.Linq;
using Minutes.Templating.Packaging;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Comparison;

/// <summary>
/// The relationships of one part in the old and the new rendering. Old content brought into the new
/// document (a removed paragraph with a link or a picture) gets a relationship of the new part with
/// the same target, added when the new part has none.
/// </summary>
internal sealed class PartRelationships
{
    private readonly XDocument? _old;
    private readonly IReadOnlyDictionary<string, byte[]> _oldEntries;
    private readonly IReadOnlyDictionary<string, byte[]> _newEntries;
    private readonly string _partName;
    private readonly Dictionary<string, string> _imported = new(StringComparer.Ordinal);

    public PartRelationships(XDocument? old, XDocument? @new, IReadOnlyDictionary<string, byte[]> oldEntries, IReadOnlyDictionary<string, byte[]> newEntries, string partName)
    {
        _old = old;
        New = @new;
        _oldEntries = oldEntries;
        _newEntries = newEntries;
        _partName = partName;
    }

    /// <summary>The new part's relationships, with any added.</summary>
    public XDocument? New { get; private set; }

    /// <summary>True when relationships were added.</summary>
    public bool Changed { get; private set; }

    /// <summary>Parts only the old rendering had that old content refers to, copied into the new document.</summary>
    public List<(string Entry, byte[] Data)> CopiedParts { get; } = [];

    /// <summary>What a relationship id of the old part points to (type, target and mode), for comparing.</summary>
    public string OldTarget(string id) => Describe(_old, id) ?? id;

    /// <summary>What a relationship id of the new part points to, for comparing.</summary>
    public string NewTarget(string id) => Describe(New, id) ?? id;

    /// <summary>The new part's relationship id for an old part's relationship id.</summary>
    public string Import(string oldId)
    {
        if (_imported.TryGetValue(oldId, out var known))
        {
            return known;
        }

        var relationship = _old?.Root?.Elements(Relationship).FirstOrDefault(r => (string?)r.Attribute("Id") == oldId);
        if (relationship is null)
        {
            return oldId;
        }

        var description = Describe(relationship);
        New ??= new XDocument(new XElement(Relationship.Namespace + "Relationships"));
        var match = New.Root!.Elements(Relationship).FirstOrDefault(r => Describe(r) == description);
        string id;
        if (match is not null)
        {
            id = (string)match.Attribute("Id")!;
        }
        else
        {
            var ids = New.Root.Elements(Relationship).Select(r => (string?)r.Attribute("Id")).ToHashSet(StringComparer.Ordinal);
            var n = 1;
            while (ids.Contains("mtOld" + n.ToString(CultureInfo.InvariantCulture)))
            {
                n++;
            }

            id = "mtOld" + n.ToString(CultureInfo.InvariantCulture);
            var copy = new XElement(relationship);
            copy.SetAttributeValue("Id", id);
            New.Root.Add(copy);
            Changed = true;
            if ((string?)relationship.Attribute("TargetMode") != "External")
            {
                var entry = PackageParts.Resolve(_partName, (string?)relationship.Attribute("Target") ?? string.Empty);
                if (entry is not null && !_newEntries.ContainsKey(entry) && _oldEntries.TryGetValue(entry, out var data))
                {
                    CopiedParts.Add((entry, data));
                }
            }
        }

        _imported[oldId] = id;
        return id;
    }

    private static string? Describe(XDocument? relationships, string id) =>
        relationships?.Root?.Elements(Relationship).FirstOrDefault(r => (string?)r.Attribute("Id") == id) is { } r ? Describe(r) : null;

    private static string Describe(XElement relationship) =>
        $"{(string?)relationship.Attribute("Type")} {(string?)relationship.Attribute("Target")} {(string?)relationship.Attribute("TargetMode")}";
}
