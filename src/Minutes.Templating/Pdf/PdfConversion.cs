namespace Minutes.Templating.Pdf;

/// <summary>One document to convert: a Word document and the PDF to write from it.</summary>
public sealed record PdfJob
{
    /// <summary>A job converting <paramref name="document"/> into <paramref name="pdf"/>.</summary>
    /// <param name="document">The .docx to convert.</param>
    /// <param name="pdf">The PDF to write; an existing file there is replaced only when the conversion succeeds.</param>
    public PdfJob(string document, string pdf)
    {
        Document = document;
        Pdf = pdf;
    }

    /// <summary>The .docx to convert.</summary>
    public string Document { get; init; }

    /// <summary>The PDF to write; an existing file there is replaced only when the conversion succeeds.</summary>
    public string Pdf { get; init; }
}

/// <summary>What became of one <see cref="PdfJob"/>.</summary>
public sealed record PdfConversion
{
    /// <summary>The outcome of <paramref name="job"/>.</summary>
    /// <param name="job">The job.</param>
    /// <param name="error">Why no PDF was written, in words for the user; null when it was.</param>
    public PdfConversion(PdfJob job, string? error)
    {
        Job = job;
        Error = error;
    }

    /// <summary>The job.</summary>
    public PdfJob Job { get; init; }

    /// <summary>Why no PDF was written, in words for the user; null when it was.</summary>
    public string? Error { get; init; }

    /// <summary>True when the PDF was written.</summary>
    public bool Succeeded => Error is null;
}
