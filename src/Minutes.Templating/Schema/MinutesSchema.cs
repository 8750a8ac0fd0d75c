namespace Minutes.Templating.Schema;

/// <summary>The JSON Schema of the minutes YAML contract, as shipped inside the package.</summary>
public static class MinutesSchema
{
    /// <summary>The schema's JSON text.</summary>
    public static string Json => throw new NotImplementedException();
}
