namespace Minutes.Templating.Tests;

/// <summary>Finds the repository's files from wherever the tests run.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> Examples() =>
        Directory.EnumerateFiles(Path.Combine(Root, "examples"), "*.yaml").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Minutes.Templating.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Minutes.Templating.sln) was not found above " + AppContext.BaseDirectory);
    }
}
