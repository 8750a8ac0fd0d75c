namespace Minutes.Templating.Pdf;

/// <summary>One document to convert: a Word document and the PDF to write from it.</summary>
/// <param name="Document">The .docx to convert.</param>
/// <param name="Pdf">The PDF to write; an existing file there is replaced only when the conversion succeeds.</param>
public sealed record PdfJob(string Document, string Pdf);

/// <summary>What became of one <see cref="PdfJob"/>.</summary>
/// <param name="Job">The job.</param>
/// <param name="Error">Why no PDF was written, in words for the user; null when it was.</param>
public sealed record PdfConversion(PdfJob Job, string? Error)
{
    /// <summary>True when the PDF was written.</summary>
    public bool Succeeded => Error is null;
}
