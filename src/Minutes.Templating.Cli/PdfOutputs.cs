using Minutes.Templating.Pdf;

namespace Minutes.Templating.Cli;

/// <summary>
/// <c>render --pdf</c>: a PDF beside each Word document written, all converted by one LibreOffice start after the
/// rendering. With <c>-o FILE.pdf</c> (one input) the Word document is rendered into a temporary folder and only
/// the PDF is written, unless the conversion fails: then the Word document is kept beside where the PDF was to go.
/// </summary>
internal sealed class PdfOutputs : IDisposable
{
    /// <summary>The extension of the PDFs written.</summary>
    public const string Extension = ".pdf";

    private readonly PdfConverter _converter;
    private readonly string? _pdfTarget;
    private readonly string? _temporary;

    private PdfOutputs(PdfConverter converter, string? pdfTarget, string? temporary)
    {
        _converter = converter;
        _pdfTarget = pdfTarget;
        _temporary = temporary;
        DocxOutput = pdfTarget is null ? null : Path.Join(temporary, Path.GetFileNameWithoutExtension(pdfTarget) + OutputPaths.Extension);
    }

    /// <summary>With <c>-o FILE.pdf</c>, where the Word document is rendered (in a temporary folder); otherwise null.</summary>
    public string? DocxOutput { get; }

    /// <summary>True when <paramref name="output"/> (the <c>--output</c> value) names a PDF file, which asks for a PDF alone.</summary>
    public static bool NamesPdf(string? output) =>
        output is not null
        && Path.GetExtension(output).Equals(Extension, StringComparison.OrdinalIgnoreCase)
        && !PathComparison.EndsInSeparator(output)
        && !Directory.Exists(output);

    /// <summary>
    /// Checks what PDF output needs before anything is rendered: LibreOffice, and one input for <c>-o FILE.pdf</c>.
    /// </summary>
    /// <param name="inputs">The minutes files.</param>
    /// <param name="output">The <c>--output</c> value, or null.</param>
    /// <exception cref="UsageException">LibreOffice is not found (the message says how to install it), or a PDF file is named for several inputs.</exception>
    public static PdfOutputs Prepare(IReadOnlyList<string> inputs, string? output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var pdfTarget = NamesPdf(output) ? output : null;
        if (pdfTarget is not null && inputs.Count > 1)
        {
            throw new UsageException($"--output {pdfTarget} names one file, but {inputs.Count} inputs were given; give a directory instead");
        }

        PdfConverter converter;
        try
        {
            converter = PdfConverter.FromEnvironment();
        }
        catch (FileNotFoundException e)
        {
            throw new UsageException("--pdf needs LibreOffice: " + e.Message);
        }

        var temporary = pdfTarget is null ? null : Directory.CreateTempSubdirectory("minutes-render-").FullName;
        return new PdfOutputs(converter, pdfTarget, temporary);
    }

    /// <summary>
    /// Converts the Word documents written, in one LibreOffice start, and says so: one line per PDF written
    /// (counting them on a terminal), an error naming each document that could not be converted, and a summary
    /// when there was more than one.
    /// </summary>
    /// <param name="documents">Each minutes file and the Word document written for it, in the order to report them.</param>
    /// <param name="reporter">Where messages go.</param>
    /// <returns>How many conversions failed.</returns>
    public int Convert(IReadOnlyList<(string Input, string Docx)> documents, Reporter reporter)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(reporter);
        if (documents.Count == 0)
        {
            return 0;
        }

        var sources = documents.ToDictionary(d => d.Docx, d => SourceName(d.Input, d.Docx), PathComparison.Comparer);
        var done = 0;
        var failed = 0;
        var progress = new Callback(conversion =>
        {
            done++;
            var counter = reporter.Interactive && documents.Count > 1 ? $"[{done}/{documents.Count}] " : string.Empty;
            var source = sources[conversion.Job.Document];
            if (conversion.Succeeded)
            {
                reporter.Results.WriteLine($"{counter}converted {source} -> {conversion.Job.Pdf}");
                return;
            }

            failed++;
            reporter.FileError(source, $"could not be converted to PDF: {conversion.Error}{KeepDocument(conversion.Job.Document)}");
            if (counter.Length > 0)
            {
                reporter.Results.WriteLine($"{counter}failed {source}");
            }
        });

        var jobs = documents.Select(d => new PdfJob(d.Docx, PdfPath(d.Docx))).ToList();
        _converter.ConvertAllAsync(jobs, progress).GetAwaiter().GetResult();
        if (documents.Count > 1)
        {
            reporter.Results.WriteLine($"{documents.Count - failed} converted to PDF, {failed} failed");
        }

        return failed;
    }

    /// <summary>Deletes the temporary folder of <c>-o FILE.pdf</c>.</summary>
    public void Dispose()
    {
        if (_temporary is not null && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }

    /// <summary>The PDF for a Word document: beside it, or for a document in the temporary folder, beside the PDF named by <c>-o</c>.</summary>
    private string PdfPath(string docx) =>
        IsTemporary(docx)
            ? Path.Join(Path.GetDirectoryName(_pdfTarget), Path.GetFileNameWithoutExtension(docx) + Extension)
            : Path.ChangeExtension(docx, Extension);

    /// <summary>The name a message gives a document: the Word document, or the minutes when the Word document is temporary.</summary>
    private string SourceName(string input, string docx) => IsTemporary(docx) ? input : docx;

    private bool IsTemporary(string docx) =>
        _temporary is not null && Path.GetFullPath(docx).StartsWith(_temporary + Path.DirectorySeparatorChar, PathComparison.Comparison);

    /// <summary>Keeps a temporary Word document whose PDF failed beside where the PDF was to go, and says where.</summary>
    private string KeepDocument(string docx)
    {
        if (!IsTemporary(docx))
        {
            return string.Empty;
        }

        var kept = Path.ChangeExtension(PdfPath(docx), OutputPaths.Extension);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(kept))!);
            File.Move(docx, kept, overwrite: true);
            return $"; the Word document is at {kept}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"; the Word document could not be kept at {kept} either: {e.Message}";
        }
    }

    /// <summary>Reports progress on the converter's thread, as each conversion ends (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class Callback(Action<PdfConversion> report) : IProgress<PdfConversion>
    {
        public void Report(PdfConversion value) => report(value);
    }
}
