using Minutes.Templating.Pdf;

namespace Minutes.Templating.Tests.Pdf;

/// <summary>
/// What the tests that need LibreOffice and poppler-utils do when one is missing: fail when CI=true (CI installs
/// them, see .ci/run), and elsewhere skip, saying what to install.
/// </summary>
internal static class WordProcessor
{
    /// <summary>The soffice the library finds, and poppler-utils' tools; null with the reason when one is missing.</summary>
    public static string? Missing()
    {
        var soffice = PdfConverter.FindSoffice() is null ? "soffice (LibreOffice) not found" : null;
        var missing = string.Join("; ", new[] { soffice, Poppler.Missing() }.OfType<string>());
        return missing.Length == 0 ? null : missing;
    }

    /// <summary>Fails (on CI) or skips (elsewhere) the test when <paramref name="missing"/> is not null.</summary>
    public static void Require(string? missing)
    {
        if (missing is null)
        {
            return;
        }

        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"{missing}; CI must install them (apt-get install libreoffice-writer-nogui poppler-utils).");
        Skip.If(true, $"{missing}: install libreoffice-writer-nogui and poppler-utils to run this test (it fails instead of skipping when CI=true).");
    }
}
