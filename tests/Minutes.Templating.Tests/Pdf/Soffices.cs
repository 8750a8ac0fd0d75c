using Minutes.Templating.Tests.Cli;

namespace Minutes.Templating.Tests.Pdf;

/// <summary>
/// Shell scripts that stand in for soffice, each logging its start to a file: a fake that speaks LibreOffice's
/// command line and output for documents that say how to behave, and a wrapper that runs the real one.
/// POSIX shells only: the tests that use them are skipped on Windows.
/// </summary>
internal static class Soffices
{
    /// <summary>
    /// A fake soffice. For each document named on its command line, by the word the document holds:
    /// <c>fake-soffice-bad</c> cannot be loaded; <c>fake-soffice-hang</c> never finishes; <c>fake-soffice-crash</c>
    /// ends soffice while it is written; any other document (a real one too) is written as a tiny PDF/A.
    /// </summary>
    public static string Fake(TempDirectory temp) => Script(temp, "fake-soffice", """
        outdir=
        previous=
        for argument in "$@"; do
          if [ "$previous" = "--outdir" ]; then outdir="$argument"; fi
          previous="$argument"
        done
        for argument in "$@"; do
          case "$argument" in
            *.docx)
              if grep -q fake-soffice-hang "$argument"; then sleep 600; fi
              if grep -q fake-soffice-bad "$argument"; then echo "Error: source file could not be loaded" >&2; continue; fi
              echo "convert $PWD/$argument -> $outdir/${argument%.docx}.pdf using filter : writer_pdf_Export"
              if grep -q fake-soffice-crash "$argument"; then printf '%%PDF-1.6\n' > "$outdir/${argument%.docx}.pdf"; exit 3; fi
              printf '%%PDF-1.6\n<pdfaid:part>2</pdfaid:part>\n%%%%EOF\n' > "$outdir/${argument%.docx}.pdf"
              ;;
          esac
        done
        """);

    /// <summary>A soffice that loads no document, as LibreOffice does with files it cannot read.</summary>
    public static string Refusing(TempDirectory temp) => Script(temp, "refusing-soffice", """
        for argument in "$@"; do
          case "$argument" in
            *.docx) echo "Error: source file could not be loaded" >&2 ;;
          esac
        done
        """);

    /// <summary>A soffice that fails at once, saying so on standard error.</summary>
    public static string Broken(TempDirectory temp) => Script(temp, "broken-soffice", """
        echo "soffice: cannot open display" >&2
        exit 5
        """);

    /// <summary>A wrapper that logs its start and runs the real soffice with the same arguments.</summary>
    public static string Wrapper(TempDirectory temp, string soffice) => Script(temp, "soffice-wrapper", $"""
        exec '{soffice}' "$@"
        """);

    /// <summary>How many times the script in <paramref name="temp"/> was started.</summary>
    public static int Starts(TempDirectory temp) => File.Exists(temp["starts.log"]) ? File.ReadAllLines(temp["starts.log"]).Length : 0;

    private static string Script(TempDirectory temp, string name, string body)
    {
        var path = temp.Write(name, $"#!/bin/sh\necho start >> '{temp["starts.log"]}'\n{body.Replace("\r\n", "\n", StringComparison.Ordinal)}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
