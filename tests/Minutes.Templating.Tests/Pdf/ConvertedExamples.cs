using System.IO.Compression;
using System.Xml.Linq;
using Minutes.Templating.Parsing;
using Minutes.Templating.Pdf;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Tests.Pdf;

/// <summary>
/// Every example rendered with every built-in template, and converted to PDF by one <see cref="PdfConverter"/>
/// batch, once for all the tests that read the PDFs.
/// </summary>
public sealed class ConvertedExamples : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("minutes-pdf-tests-");
    private readonly Dictionary<(string Template, string Example), PdfConversion> _conversions = [];

    public ConvertedExamples()
    {
        Missing = WordProcessor.Missing();
        if (Missing is not null)
        {
            return;
        }

        var jobs = new List<(string Template, string Example, PdfJob Job)>();
        foreach (var example in Repository.Examples())
        {
            var parsed = MinutesParser.ParseFile(example);
            foreach (var template in WordTemplate.BuiltInNames)
            {
                var result = WordTemplate.BuiltIn(template).Render(parsed.Document!);
                var name = Path.Combine(_folder.FullName, $"{template}.{Path.GetFileNameWithoutExtension(example)}");
                result.Save(name + ".docx");
                jobs.Add((template, Path.GetFileName(example), new PdfJob(name + ".docx", name + ".pdf")));
            }
        }

        var conversions = PdfConverter.FromEnvironment().ConvertAllAsync(jobs.Select(j => j.Job)).GetAwaiter().GetResult();
        for (var i = 0; i < jobs.Count; i++)
        {
            _conversions[(jobs[i].Template, jobs[i].Example)] = conversions[i];
        }
    }

    /// <summary>Why the PDFs could not be made here (LibreOffice or poppler-utils missing), or null.</summary>
    public string? Missing { get; }

    public static TheoryData<string, string> Renderings()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in Repository.Examples())
        {
            foreach (var template in WordTemplate.BuiltInNames)
            {
                data.Add(template, Path.GetFileName(example));
            }
        }

        return data;
    }

    /// <summary>The PDF of one rendering, after asserting that it was written.</summary>
    public string Pdf(string template, string example)
    {
        WordProcessor.Require(Missing);
        var conversion = _conversions[(template, example)];
        Assert.True(conversion.Succeeded, conversion.Error);
        return conversion.Job.Pdf;
    }

    /// <summary>The title the Word document carries in its core properties, which the PDF must carry too.</summary>
    public string DocumentTitle(string template, string example)
    {
        using var docx = ZipFile.OpenRead(_conversions[(template, example)].Job.Document);
        using var core = docx.GetEntry("docProps/core.xml")!.Open();
        return XDocument.Load(core).Root!.Element(XNamespace.Get("http://purl.org/dc/elements/1.1/") + "title")!.Value;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
