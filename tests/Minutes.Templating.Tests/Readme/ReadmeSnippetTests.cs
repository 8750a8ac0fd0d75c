#region usings
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
#endregion
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Minutes.Templating.Pdf;
using Minutes.Templating.Tests.Cli;

namespace Minutes.Templating.Tests.Readme;

/// <summary>Tests run one at a time, with nothing else running: they change the process's current directory.</summary>
[CollectionDefinition(nameof(ChangesCurrentDirectory), DisableParallelization = true)]
public sealed class ChangesCurrentDirectory;

/// <summary>
/// Every C# snippet in README.md is code in this file: each ```csharp block is preceded by
/// <c>&lt;!-- snippet: NAME, … --&gt;</c> and holds exactly the <c>#region NAME</c> blocks named, a blank line
/// between them. The tests below run that code, in a folder holding what the snippets expect to find.
/// </summary>
[Collection(nameof(ChangesCurrentDirectory))]
public sealed partial class ReadmeSnippetTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _previousDirectory = Environment.CurrentDirectory;

    public ReadmeSnippetTests()
    {
        var seed = File.ReadAllText(Path.Join(Repository.Root, "examples", "lrt-2023-04-21.yaml"));
        _temp.Write("x.yaml", seed);
        _temp.Write("minutes/2023-04-21.yaml", seed);
        _temp.Write("minutes/2023-05-26.yaml", seed.Replace("2023-04-21", "2023-05-26", StringComparison.Ordinal));
        WriteDotx(_temp["house-style.dotx"]);
        Environment.CurrentDirectory = _temp.Path;
    }

    public void Dispose()
    {
        Environment.CurrentDirectory = _previousDirectory;
        _temp.Dispose();
    }

    [Fact]
    public void Render_a_file()
    {
        RenderFile();

        AssertIsDocx("x.docx");
    }

    [Fact]
    public void Render_from_a_stream_to_a_stream_and_bytes()
    {
        var bytes = StreamsAndBytes();

        AssertIsDocx("x-public.docx");
        Assert.Equal(File.ReadAllBytes("x-public.docx"), bytes);
    }

    [Fact]
    public void Render_a_folder_with_one_shared_template()
    {
        SharedTemplate();

        AssertIsDocx("minutes/2023-04-21.docx");
        AssertIsDocx("minutes/2023-05-26.docx");
    }

    [SkippableFact]
    [Trait("Category", "WordProcessor")]
    public async Task Convert_a_folder_of_documents_to_PDF()
    {
        Tests.Pdf.WordProcessor.Require(Tests.Pdf.WordProcessor.Missing());
        SharedTemplate();

        await ConvertToPdf();

        Assert.StartsWith("%PDF-", File.ReadAllText("minutes/2023-04-21.pdf"), StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", File.ReadAllText("minutes/2023-05-26.pdf"), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_shows_every_snippet_as_it_is_here()
    {
        var regions = Regions(File.ReadAllText(ThisFile()));
        var readme = File.ReadAllText(Path.Join(Repository.Root, "README.md")).ReplaceLineEndings("\n");
        var used = new HashSet<string>(StringComparer.Ordinal);

        var blocks = CodeBlock().Matches(readme);
        Assert.NotEmpty(blocks);
        foreach (Match block in blocks)
        {
            Assert.True(block.Groups["names"].Success, $"this C# block in README.md is not marked '<!-- snippet: NAME -->', so it is not tested:\n{block.Value}");
            var names = block.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var name in names)
            {
                Assert.True(regions.ContainsKey(name), $"README.md names snippet '{name}', which {nameof(ReadmeSnippetTests)}.cs has no #region for");
                used.Add(name);
            }

            var expected = string.Join("\n\n", names.Select(name => regions[name]));
            Assert.Equal(expected, block.Groups["code"].Value.TrimEnd('\n'));
        }

        Assert.Empty(regions.Keys.Except(used));
    }

    private static void RenderFile()
    {
        #region render-file
        var parsed = MinutesParser.ParseFile("x.yaml");
        foreach (var diagnostic in parsed.Diagnostics)
            Console.Error.WriteLine(diagnostic);          // x.yaml:LINE:COLUMN: error: MESSAGE [CODE]

        if (parsed.Document is { } minutes)               // null when there are errors
        {
            var template = WordTemplate.BuiltIn("verslag");
            var result = template.Render(minutes);
            result.Save("x.docx");                        // written atomically
        }
        #endregion
    }

    private static byte[] StreamsAndBytes()
    {
        #region streams-and-bytes
        using var input = File.OpenRead("x.yaml");        // or MinutesParser.Parse(yamlText, "x.yaml")
        var parsed = MinutesParser.Parse(input, "x.yaml");

        var options = new RenderOptions { Mode = RenderMode.Publication, Language = "en" };
        var result = WordTemplate.BuiltIn("verslag").Render(parsed.Document!, options);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));

        using (var output = File.Create("x-public.docx"))
            result.WriteTo(output);
        byte[] bytes = result.ToArray();                  // e.g. for an HTTP response
        #endregion
        return bytes;
    }

    private static void SharedTemplate()
    {
        #region shared-template
        var template = WordTemplate.Load("house-style.dotx");  // or a stream: WordTemplate.Load(stream, "house-style.dotx")
        if (template.HasErrors)
            throw new InvalidOperationException(string.Join(Environment.NewLine, template.Diagnostics));

        Parallel.ForEach(Directory.GetFiles("minutes", "*.yaml"), file =>
        {
            var parsed = MinutesParser.ParseFile(file);
            if (parsed.Document is not null)
                template.Render(parsed.Document).Save(Path.ChangeExtension(file, ".docx"));
        });
        #endregion
    }

    [Fact]
    public void Register_house_functions_for_a_template()
    {
        File.WriteAllBytes("house-style.dotx", new Tests.Engine.TemplateBuilder().Lines("Year {{ house.fiscal_year meeting.date }}").ToPackage(WordprocessingDocumentType.Template));

        var template = HouseFunctions();

        Assert.Empty(template.Diagnostics);
        var result = template.Render(MinutesParser.ParseFile("x.yaml").Document!);
        Assert.Contains("Year 2023/24", Templating.Snapshots.DocxSnapshot.Outline(result.ToArray()), StringComparison.Ordinal);
    }

    private static WordTemplate HouseFunctions()
    {
        #region house-functions
        var options = new TemplateOptions
        {
            Functions =
            [
                new TemplateFunction                       // {{ house.fiscal_year meeting.date }} prints 2023/24
                {
                    Name = "fiscal_year",
                    Parameters = ["date"],
                    Body = arguments =>
                    {
                        var date = arguments.Date(0);
                        var start = date.Month >= 4 ? date.Year : date.Year - 1;
                        return $"{start}/{(start + 1) % 100:00}";
                    },
                },
            ],
        };
        var template = WordTemplate.Load("house-style.dotx", options);
        #endregion
        return template;
    }

    private static async Task ConvertToPdf()
    {
        #region pdf
        var converter = PdfConverter.FromEnvironment();   // soffice from MINUTES_SOFFICE or PATH; or new PdfConverter(path)
        var jobs = Directory.GetFiles("minutes", "*.docx").Select(docx => new PdfJob(docx, Path.ChangeExtension(docx, ".pdf")));
        foreach (var conversion in await converter.ConvertAllAsync(jobs))   // one LibreOffice start for them all
        {
            if (!conversion.Succeeded)
                Console.Error.WriteLine($"{conversion.Job.Document}: {conversion.Error}");
        }
        #endregion
    }

    /// <summary>The code of each <c>#region NAME</c> of <paramref name="source"/>, its common indentation removed.</summary>
    private static Dictionary<string, string> Regions(string source)
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Region().Matches(source.ReplaceLineEndings("\n")))
        {
            var lines = match.Groups["code"].Value.TrimEnd('\n').Split('\n');
            var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
            regions.Add(match.Groups["name"].Value, string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())));
        }

        return regions;
    }

    /// <summary>A Word template (.dotx) made from the built-in template's Flat OPC source.</summary>
    private static void WriteDotx(string path)
    {
        var xml = File.ReadAllText(Path.Join(Repository.Root, "templates", "verslag", "verslag.xml"));
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.FromFlatOpcString(xml, stream, isEditable: true))
        {
            document.ChangeDocumentType(WordprocessingDocumentType.Template);
        }

        File.WriteAllBytes(path, stream.ToArray());
    }

    private static void AssertIsDocx(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        using var document = WordprocessingDocument.Open(path, isEditable: false);
        Assert.NotNull(document.MainDocumentPart?.Document?.Body);
    }

    private static string ThisFile([CallerFilePath] string path = "") =>
        File.Exists(path) ? path : Path.Join(Repository.Root, "tests", "Minutes.Templating.Tests", "Readme", "ReadmeSnippetTests.cs");

    [GeneratedRegex(@"^[ \t]*#region (?<name>[a-z-]+)\n(?<code>.*?)^[ \t]*#endregion", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex(@"(?:^<!-- snippet: (?<names>[^>]*?) -->\n)?^```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
