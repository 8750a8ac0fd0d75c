using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Minutes.Templating.Pdf;

/// <summary>
/// Converts Word documents to PDF/A-2b with LibreOffice (<c>soffice</c>, headless): tagged for accessibility,
/// fonts embedded, the title and language taken from the document, bookmarks from its headings.
/// An opt-in beside the rendering: nothing else in the library needs LibreOffice.
/// </summary>
/// <remarks>
/// A batch is converted by one LibreOffice start (up to <see cref="DocumentsPerStart"/> documents), with a profile
/// of its own in a temporary folder, so neither parallel runs nor a LibreOffice the user has open interfere.
/// Each document has <see cref="TimeLimit"/>: a document that takes longer is reported as failed and
/// LibreOffice is started again for the ones after it. Needs LibreOffice 7.4 or later.
/// </remarks>
public sealed partial class PdfConverter
{
    /// <summary>The environment variable that names the soffice program, before <c>PATH</c> is searched.</summary>
    public const string SofficeVariable = "MINUTES_SOFFICE";

    /// <summary>How many documents one LibreOffice start converts at most, to keep its command line short.</summary>
    public const int DocumentsPerStart = 500;

    /// <summary>
    /// LibreOffice's PDF export: PDF/A-2b (which embeds every font and writes the title into XMP), tagged, with
    /// bookmarks from the headings, and the title rather than the file name in a viewer's title bar.
    /// </summary>
    private const string ExportFilter =
        "pdf:writer_pdf_Export:{" +
        "\"SelectPdfVersion\":{\"type\":\"long\",\"value\":\"2\"}," +
        "\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"true\"}," +
        "\"ExportBookmarks\":{\"type\":\"boolean\",\"value\":\"true\"}," +
        "\"DisplayPDFDocumentTitle\":{\"type\":\"boolean\",\"value\":\"true\"}}";

    /// <summary>Word's import filter: anything that is not a Word document fails to load rather than being read as text.</summary>
    private const string ImportFilter = "MS Word 2007 XML";

    /// <summary>Creates a converter that runs the given soffice program.</summary>
    /// <param name="sofficePath">The path of LibreOffice's <c>soffice</c> program (on Windows <c>soffice.exe</c> or <c>soffice.com</c>).</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public PdfConverter(string sofficePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(sofficePath);
        if (!File.Exists(sofficePath))
        {
            throw new FileNotFoundException($"LibreOffice's soffice program was not found at {sofficePath}.", sofficePath);
        }

        SofficePath = Path.GetFullPath(sofficePath);
    }

    /// <summary>The soffice program this converter runs.</summary>
    public string SofficePath { get; }

    /// <summary>How long one document may take (for the first, LibreOffice's start included) before it is given up.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How to install LibreOffice on each system, one line each, for a message to the user.</summary>
    public static string InstallInstructions { get; } = string.Join(
        Environment.NewLine,
        "Install LibreOffice, or set " + SofficeVariable + " to its soffice program:",
        "  Debian, Ubuntu:  sudo apt-get install libreoffice-writer-nogui",
        "  Fedora, RHEL:    sudo dnf install libreoffice-writer",
        "  macOS:           brew install --cask libreoffice",
        "  Windows:         winget install TheDocumentFoundation.LibreOffice");

    /// <summary>
    /// Finds soffice: the file <see cref="SofficeVariable"/> names when it is set; otherwise <c>soffice</c> on
    /// <c>PATH</c>, then LibreOffice's usual place on macOS and Windows.
    /// </summary>
    /// <returns>The program's path, or null when there is none.</returns>
    public static string? FindSoffice() =>
        FindSoffice(Environment.GetEnvironmentVariable(SofficeVariable), Environment.GetEnvironmentVariable("PATH"));

    /// <summary>A converter for the soffice that <see cref="FindSoffice()"/> finds.</summary>
    /// <exception cref="FileNotFoundException">No soffice was found; the message says how to install LibreOffice.</exception>
    public static PdfConverter FromEnvironment()
    {
        var variable = Environment.GetEnvironmentVariable(SofficeVariable);
        var soffice = FindSoffice(variable, Environment.GetEnvironmentVariable("PATH"));
        if (soffice is not null)
        {
            return new PdfConverter(soffice);
        }

        var why = string.IsNullOrEmpty(variable)
            ? $"soffice (LibreOffice) was not found on PATH, and {SofficeVariable} is not set."
            : $"{SofficeVariable} names {variable}, which does not exist.";
        throw new FileNotFoundException(why + Environment.NewLine + InstallInstructions, variable);
    }

    /// <summary>Converts one Word document to PDF.</summary>
    /// <param name="document">The .docx to convert.</param>
    /// <param name="pdf">The PDF to write.</param>
    /// <param name="cancellationToken">Stops LibreOffice and the conversion.</param>
    /// <returns>What became of it.</returns>
    public async Task<PdfConversion> ConvertAsync(string document, string pdf, CancellationToken cancellationToken = default)
    {
        var results = await ConvertAllAsync([new PdfJob(document, pdf)], null, cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>
    /// Converts many Word documents to PDF with one LibreOffice start. A document that fails does not stop the
    /// others; its <see cref="PdfConversion.Error"/> says why.
    /// </summary>
    /// <param name="jobs">The documents and the PDFs to write.</param>
    /// <param name="progress">Told of each conversion as it ends, in the order of <paramref name="jobs"/>; or null.</param>
    /// <param name="cancellationToken">Stops LibreOffice and the conversion.</param>
    /// <returns>One conversion per job, in the same order.</returns>
    public async Task<IReadOnlyList<PdfConversion>> ConvertAllAsync(IEnumerable<PdfJob> jobs, IProgress<PdfConversion>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var all = jobs.ToList();
        var results = new PdfConversion?[all.Count];
        var work = Directory.CreateTempSubdirectory("minutes-pdf-");
        try
        {
            var batch = new Batch(this, work.FullName, all, results, progress);
            foreach (var (job, index) in all.Select((job, index) => (job, index)))
            {
                if (!File.Exists(job.Document))
                {
                    batch.Finish(index, $"{job.Document} does not exist");
                }
            }

            for (var first = 0; first < all.Count; first += DocumentsPerStart)
            {
                var chunk = Enumerable.Range(first, Math.Min(DocumentsPerStart, all.Count - first)).Where(i => results[i] is null).ToList();
                while (chunk.Count > 0)
                {
                    // A round ends early only when LibreOffice hung or stopped on a document; the ones after it get a new start.
                    chunk = await batch.RunAsync(chunk, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            TryDelete(work);
        }

        return results.Select(r => r!).ToArray();
    }

    /// <summary>Finds soffice from the values of <see cref="SofficeVariable"/> and <c>PATH</c>.</summary>
    internal static string? FindSoffice(string? variable, string? path)
    {
        if (!string.IsNullOrEmpty(variable))
        {
            return File.Exists(variable) ? Path.GetFullPath(variable) : null;
        }

        var names = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new[] { "soffice.com", "soffice.exe" } : ["soffice"];
        var onPath = (path ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
        return onPath ?? UsualPlaces().FirstOrDefault(File.Exists);
    }

    /// <summary>Where LibreOffice's installers put soffice, on the systems where it is not on <c>PATH</c>.</summary>
    private static IEnumerable<string> UsualPlaces()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            yield return "/Applications/LibreOffice.app/Contents/MacOS/soffice";
        }
        else if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            foreach (var folder in new[] { Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86 })
            {
                yield return Path.Combine(Environment.GetFolderPath(folder), "LibreOffice", "program", "soffice.com");
            }
        }
    }

    /// <summary>True when <paramref name="pdf"/> is a whole PDF/A file: LibreOffice finished it, and wrote it as PDF/A.</summary>
    private static string? CheckWritten(string pdf)
    {
        var file = new FileInfo(pdf);
        if (!file.Exists || file.Length == 0)
        {
            return "LibreOffice wrote no PDF";
        }

        using var stream = file.OpenRead();
        var tail = new byte[Math.Min(1024, stream.Length)];
        stream.Seek(-tail.Length, SeekOrigin.End);
        stream.ReadExactly(tail);
        if (!Encoding.ASCII.GetString(tail).Contains("%%EOF", StringComparison.Ordinal))
        {
            return "LibreOffice did not finish the PDF";
        }

        // PDF/A keeps its XMP metadata unfiltered, so the identification can be read from the bytes.
        stream.Position = 0;
        using var reader = new StreamReader(stream, Encoding.Latin1);
        if (!reader.ReadToEnd().Contains("<pdfaid:part>2</pdfaid:part>", StringComparison.Ordinal))
        {
            return "LibreOffice wrote a PDF that is not PDF/A-2 (LibreOffice 7.4 or later is needed)";
        }

        return null;
    }

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A LibreOffice child that is still closing may hold a file; the temporary folder is the system's to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The line LibreOffice prints when it has loaded a document and starts writing it: <c>convert …/12.docx -> …</c>.</summary>
    [GeneratedRegex(@"^convert .*?[/\\](?<index>[0-9]+)\.docx ", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertLine();

    /// <summary>One call's documents: their copies under short names, LibreOffice's output, and the results so far.</summary>
    private sealed class Batch
    {
        private readonly PdfConverter _converter;
        private readonly string _input;
        private readonly string _output;
        private readonly string _profile;
        private readonly IReadOnlyList<PdfJob> _jobs;
        private readonly PdfConversion?[] _results;
        private readonly IProgress<PdfConversion>? _progress;

        public Batch(PdfConverter converter, string work, IReadOnlyList<PdfJob> jobs, PdfConversion?[] results, IProgress<PdfConversion>? progress)
        {
            _converter = converter;
            _input = Directory.CreateDirectory(Path.Combine(work, "in")).FullName;
            _output = Directory.CreateDirectory(Path.Combine(work, "out")).FullName;
            _profile = new Uri(Path.Combine(work, "profile")).AbsoluteUri;
            _jobs = jobs;
            _results = results;
            _progress = progress;
        }

        /// <summary>
        /// Starts LibreOffice once for <paramref name="pending"/> (job indexes, in order) and finishes every job it gets
        /// to. Returns the jobs still to do: those after a document on which LibreOffice hung or stopped.
        /// </summary>
        public async Task<List<int>> RunAsync(List<int> pending, CancellationToken cancellationToken)
        {
            // Short, distinct names: documents of the same name from different folders do not collide in one
            // output folder, and the command line stays short. The index in the name says which job a line is about.
            foreach (var index in pending)
            {
                File.Copy(_jobs[index].Document, Path.Combine(_input, Name(index, ".docx")), overwrite: true);
            }

            var start = new ProcessStartInfo(_converter.SofficePath)
            {
                WorkingDirectory = _input,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { "-env:UserInstallation=" + _profile, "--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck", "--infilter=" + ImportFilter, "--convert-to", ExportFilter, "--outdir", _output })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var index in pending)
            {
                start.ArgumentList.Add(Name(index, ".docx"));
            }

            using var process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                foreach (var index in pending)
                {
                    Finish(index, $"LibreOffice ({_converter.SofficePath}) could not be started: {e.Message}");
                }

                return [];
            }

            process.StandardInput.Close();
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            var position = 0;     // pending[position] is the first job not yet finished
            var announced = -1;   // the position of the document LibreOffice last said it was writing
            var timedOut = false;
            try
            {
                while (true)
                {
                    var line = process.StandardOutput.ReadLineAsync(cancellationToken).AsTask();
                    if (!await WithinTimeLimitAsync(line, cancellationToken).ConfigureAwait(false))
                    {
                        timedOut = true;
                        break;
                    }

                    var text = await line.ConfigureAwait(false);
                    if (text is null)
                    {
                        // LibreOffice is done with every document; it still has to close within the limit.
                        timedOut = !await WithinTimeLimitAsync(process.WaitForExitAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                        break;
                    }

                    if (ConvertLine().Match(text) is { Success: true } match
                        && int.TryParse(match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                        && pending.IndexOf(index, position) is var at and >= 0)
                    {
                        // Every document before this one is done: written, or (printing nothing) not loaded.
                        for (; position < at; position++)
                        {
                            FinishFromOutput(pending[position], "LibreOffice could not open it as a Word document");
                        }

                        announced = at;
                    }
                }
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            var stderr = Summary(await errors.ConfigureAwait(false));
            if (!timedOut && process.ExitCode == 0)
            {
                for (; position < pending.Count; position++)
                {
                    FinishFromOutput(pending[position], announced >= position ? "LibreOffice could not write the PDF" : "LibreOffice could not open it as a Word document");
                }

                return [];
            }

            // LibreOffice hung or stopped. The document it was on is the one it announced, if that PDF is unfinished;
            // otherwise the next one, which it was loading.
            var culprit = announced >= position && CheckWritten(Output(pending[announced])) is not null ? announced : Math.Max(announced + 1, position);
            for (; position < culprit; position++)
            {
                FinishFromOutput(pending[position], "LibreOffice could not open it as a Word document");
            }

            if (culprit >= pending.Count)
            {
                return [];
            }

            var seconds = _converter.TimeLimit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            if (timedOut)
            {
                Finish(pending[culprit], $"LibreOffice took longer than the time limit of {seconds} s for it, and was stopped");
            }
            else if (announced < 0 && culprit == 0)
            {
                // It stopped before any document: LibreOffice itself does not work; starting it again would not help.
                foreach (var index in pending)
                {
                    Finish(index, $"LibreOffice stopped with exit code {process.ExitCode} before converting anything{stderr}");
                }

                return [];
            }
            else
            {
                Finish(pending[culprit], $"LibreOffice stopped with exit code {process.ExitCode} while converting it{stderr}");
            }

            return pending.GetRange(culprit + 1, pending.Count - culprit - 1);
        }

        /// <summary>Waits for <paramref name="task"/> at most <see cref="TimeLimit"/>; false when it did not end by then.</summary>
        private async Task<bool> WithinTimeLimitAsync(Task task, CancellationToken cancellationToken)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var limit = Task.Delay(_converter.TimeLimit, timer.Token);
            var first = await Task.WhenAny(task, limit).ConfigureAwait(false);
            await timer.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return first == task;
        }

        /// <summary>Records the result of job <paramref name="index"/> and tells the caller.</summary>
        public void Finish(int index, string? error)
        {
            var conversion = new PdfConversion(_jobs[index], error);
            _results[index] = conversion;
            _progress?.Report(conversion);
        }

        /// <summary>Moves LibreOffice's PDF for job <paramref name="index"/> into place, or records why there is none.</summary>
        private void FinishFromOutput(int index, string missing)
        {
            var output = Output(index);
            var problem = File.Exists(output) ? CheckWritten(output) : missing;
            if (problem is null)
            {
                try
                {
                    Place(output, _jobs[index].Pdf);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problem = $"the PDF could not be written to {_jobs[index].Pdf}: {e.Message}";
                }
            }

            Finish(index, problem);
        }

        private string Output(int index) => Path.Combine(_output, Name(index, ".pdf"));

        private static string Name(int index, string extension) => index.ToString(CultureInfo.InvariantCulture) + extension;

        /// <summary>Copies a finished PDF to its place atomically: beside the target first, then renamed over it.</summary>
        private static void Place(string source, string target)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
            Directory.CreateDirectory(directory);
            var temporary = Path.Combine(directory, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
            try
            {
                File.Copy(source, temporary);
                File.Move(temporary, target, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        /// <summary>LibreOffice's own words on standard error, less its noise, as a tail for a message.</summary>
        private static string Summary(string stderr)
        {
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => !l.Contains("javaldx", StringComparison.Ordinal))
                .Take(3)
                .ToList();
            return lines.Count == 0 ? string.Empty : ": " + string.Join(" ", lines);
        }
    }
}
