using System.Xml.Linq;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Packaging;

/// <summary>
/// Brings values some word processors write (LibreOffice among them) back to what the transitional
/// schema Word validates against allows, once per template, so that every document rendered from it
/// is valid: <c>start</c>/<c>end</c> alignment, <c>true</c>/<c>false</c> where only <c>on</c>/<c>off</c>
/// is allowed, a character-set name Word does not know, and list-level properties out of order.
/// </summary>
internal static class TemplateRepair
{

    private static readonly HashSet<string> Alignments = new(StringComparer.Ordinal) { "jc", "lvlJc" };

    // Elements whose w:val is ST_OnOff-only ("on"/"off") in the transitional schema.
    private static readonly HashSet<string> OnOffOnly = new(StringComparer.Ordinal) { "cantSplit", "tblHeader" };

    // The order of w:lvl children the schema (CT_Lvl) requires.
    private static readonly string[] LevelOrder = ["start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlPicBulletId", "legacy", "lvlJc", "pPr", "rPr"];

    /// <summary>Repairs a part in place; returns true when anything changed.</summary>
    public static bool Apply(XDocument part)
    {
        var changed = false;
        foreach (var element in part.Descendants().Where(e => e.Name.Namespace == WordNames.W))
        {
            var local = element.Name.LocalName;
            var value = element.Attribute(WordNames.W + "val");
            if (value is not null && Alignments.Contains(local) && value.Value is "start" or "end")
            {
                value.Value = value.Value == "start" ? "left" : "right";
                changed = true;
            }
            else if (value is not null && OnOffOnly.Contains(local) && value.Value is "true" or "false" or "1" or "0")
            {
                value.Value = value.Value is "true" or "1" ? "on" : "off";
                changed = true;
            }
            else if (local == "charset" && element.Attribute(WordNames.W + "characterSet") is { } characterSet)
            {
                characterSet.Remove();
                changed = true;
            }
            else if (local == "lvl")
            {
                changed |= Reorder(element);
            }
        }

        return changed;
    }

    private static bool Reorder(XElement level)
    {
        var children = level.Elements().ToList();
        var ordered = children.OrderBy(Rank).ToList();
        if (children.SequenceEqual(ordered))
        {
            return false;
        }

        level.Elements().Remove();
        level.Add(ordered);
        return true;

        static int Rank(XElement e)
        {
            var index = e.Name.Namespace == WordNames.W ? Array.IndexOf(LevelOrder, e.Name.LocalName) : -1;
            return index < 0 ? LevelOrder.Length : index;
        }
    }
}
