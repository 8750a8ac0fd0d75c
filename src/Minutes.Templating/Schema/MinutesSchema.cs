namespace Minutes.Templating.Schema;

/// <summary>The JSON Schema of the minutes YAML contract, as shipped inside the package.</summary>
/// <remarks>
/// Draft 2020-12, identified as <c>urn:minutes-templating:minutes:1</c>. Editors use it to
/// complete and check minutes files; the parser's diagnostics remain the authority (for example
/// on dates that do not exist, which the schema only flags when format validation is on).
/// </remarks>
public static class MinutesSchema
{
    /// <summary>The schema's identifier (<c>$id</c>).</summary>
    public const string Id = "urn:minutes-templating:minutes:1";

    private const string ResourceName = "Minutes.Templating.Schema.minutes.schema.json";

    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The schema's JSON text.</summary>
    public static string Json => Text.Value;

    private static string Load()
    {
        using var stream = typeof(MinutesSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
