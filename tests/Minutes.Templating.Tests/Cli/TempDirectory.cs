namespace Minutes.Templating.Tests.Cli;

/// <summary>A fresh directory under the system's temp folder, deleted when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("minutes-cli-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>The full path of <paramref name="relative"/> inside the directory.</summary>
    public string this[string relative] => System.IO.Path.Join(Path, relative);

    /// <summary>Writes a file (creating its directories) and returns its full path.</summary>
    public string Write(string relative, string content = "minutes: 1\n")
    {
        var path = this[relative];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
