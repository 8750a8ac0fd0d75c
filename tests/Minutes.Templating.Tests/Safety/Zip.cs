using System.IO.Compression;
using System.Text;

namespace Minutes.Templating.Tests.Safety;

/// <summary>Takes a package apart into its zip entries and puts it back together, changed: for building hostile templates.</summary>
internal static class Zip
{
    /// <summary>The entries of a zip, in order.</summary>
    public static List<KeyValuePair<string, byte[]>> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entries = new List<KeyValuePair<string, byte[]>>();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries.Add(new(entry.FullName, copy.ToArray()));
        }

        return entries;
    }

    /// <summary>The names of a zip's entries.</summary>
    public static List<string> Names(byte[] zip) => [.. Entries(zip).Select(e => e.Key)];

    /// <summary>The text of one entry, or null.</summary>
    public static string? Text(byte[] zip, string name) =>
        Entries(zip).FirstOrDefault(e => e.Key == name).Value is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>A copy of the package with entries changed: <paramref name="edit"/> gets them by name, in order.</summary>
    public static byte[] Patch(byte[] zip, Action<List<KeyValuePair<string, byte[]>>> edit)
    {
        var entries = Entries(zip);
        edit(entries);
        return Build(entries);
    }

    /// <summary>A zip of the given entries.</summary>
    public static byte[] Build(IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(data);
            }
        }

        return output.ToArray();
    }

    /// <summary>Replaces (or adds) the entry <paramref name="name"/> with text.</summary>
    public static void Set(this List<KeyValuePair<string, byte[]>> entries, string name, string text)
    {
        var index = entries.FindIndex(e => e.Key == name);
        var entry = new KeyValuePair<string, byte[]>(name, Encoding.UTF8.GetBytes(text));
        if (index < 0)
        {
            entries.Add(entry);
        }
        else
        {
            entries[index] = entry;
        }
    }

    /// <summary>Changes the text of the entry <paramref name="name"/>.</summary>
    public static void Edit(this List<KeyValuePair<string, byte[]>> entries, string name, Func<string, string> change) =>
        entries.Set(name, change(Encoding.UTF8.GetString(entries.First(e => e.Key == name).Value)));
}
