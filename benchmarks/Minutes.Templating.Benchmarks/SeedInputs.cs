using System.Text;

namespace Minutes.Templating.Benchmarks;

/// <summary>
/// The benchmarks' inputs, all made from the example minutes (<c>examples/lrt-2023-04-21.yaml</c>): the
/// example itself, and the example with its agenda repeated to a number of items or to the largest input
/// the parser accepts.
/// </summary>
public static class SeedInputs
{
    /// <summary>The largest input the parser accepts: 4 MiB.</summary>
    public const int MaxInputBytes = 4 * 1024 * 1024;

    /// <summary>The example's path in the repository.</summary>
    public static string SeedPath { get; } = Path.Combine(RepositoryRoot(), "examples", "lrt-2023-04-21.yaml");

    /// <summary>The example minutes, as written.</summary>
    public static string Seed { get; } = File.ReadAllText(SeedPath);

    /// <summary>The example with its agenda items repeated, in order, until there are <paramref name="items"/> of them.</summary>
    public static string WithItems(int items)
    {
        var (head, agenda) = Split();
        var builder = new StringBuilder(head);
        for (var i = 0; i < items; i++)
        {
            builder.Append(agenda[i % agenda.Count]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The largest input the parser accepts made this way: the example with its agenda repeated for as long as
    /// the text stays within <see cref="MaxInputBytes"/> and within the parser's other limits (its node count).
    /// </summary>
    public static string Largest()
    {
        var (head, agenda) = Split();
        var bytes = Encoding.UTF8.GetByteCount(head);
        var items = 0;
        while (bytes + Encoding.UTF8.GetByteCount(agenda[items % agenda.Count]) <= MaxInputBytes)
        {
            bytes += Encoding.UTF8.GetByteCount(agenda[items % agenda.Count]);
            items++;
        }

        while (true)
        {
            var yaml = WithItems(items);
            if (!Parsing.MinutesParser.Parse(yaml).HasErrors)
            {
                return yaml;
            }

            items = items * 49 / 50;
        }
    }

    /// <summary>How many agenda items a text made here holds.</summary>
    public static int CountItems(string yaml) =>
        yaml.Split('\n').Count(line => line.StartsWith("  - title:", StringComparison.Ordinal));

    /// <summary>The text up to and including <c>agenda:</c>, and each agenda item's lines.</summary>
    private static (string Head, List<string> Items) Split()
    {
        var lines = Seed.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var agendaLine = Array.FindIndex(lines, l => l == "agenda:");
        if (agendaLine < 0)
        {
            throw new InvalidOperationException(SeedPath + " has no top-level 'agenda:'");
        }

        var head = string.Join('\n', lines[..(agendaLine + 1)]) + "\n";
        var items = new List<string>();
        StringBuilder? current = null;
        foreach (var line in lines[(agendaLine + 1)..])
        {
            if (line.StartsWith("  - ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    items.Add(current.ToString());
                }

                current = new StringBuilder();
            }

            if (current is not null && line.Length > 0)
            {
                current.Append(line).Append('\n');
            }
        }

        if (current is not null)
        {
            items.Add(current.ToString());
        }

        return (head, items);
    }

    private static string RepositoryRoot()
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
