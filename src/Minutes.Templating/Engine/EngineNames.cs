using System.Xml.Linq;

namespace Minutes.Templating.Engine;

/// <summary>The engine's own XML names: placeholders and markers it writes while rendering and removes before any part leaves it.</summary>
internal static class EngineNames
{
    /// <summary>The engine's own namespace; nothing in it reaches the output.</summary>
    public static readonly XNamespace Mt = "urn:minutes-templating:engine";

    public static readonly XName Placeholder = Mt + "t";
    public static readonly XName LevelMarker = Mt + "ilvl";
    public static readonly XName IterationMarker = Mt + "iteration";

    /// <summary>The iteration marker as the compiled source writes it at the start of each loop iteration.</summary>
    public const string IterationMarkup = "<mt:iteration/>";
    public static readonly XName ContinueMarker = Mt + "continue";
    public static readonly XName BlockMarker = Mt + "block";
}
