using Minutes.Templating.Packaging;
using System.Text;

namespace Minutes.Templating.Snapshots;

/// <summary>
/// Turns a Word document (.docx) into one stable, readable text for snapshot tests and code review.
/// </summary>
/// <remarks>
/// <para>
/// The text has two halves. First an outline a person can review: the document properties (title,
/// subject, keywords…); the body, one line a paragraph as <c>[Style list=1 level=0] text</c> with inline
/// marks (<c>**bold**</c>, <c>*italic*</c>, <c>_underline_</c>, <c>~~strike~~</c>, <c>^superscript^</c>,
/// <c>~subscript~</c>, <c>«CharacterStyle:text»</c>, <c>[text](url)</c>, <c>&lt;tab&gt;</c>, <c>&lt;br&gt;</c>,
/// <c>&lt;page&gt;</c>, fields as <c>{PAGE}</c>, footnote references as <c>[^1]</c>); tables as rows
/// <c>| a | b |</c>; the headers and footers of each section by kind; the footnotes and endnotes. Lists
/// are numbered 1, 2… in order of appearance, not by their ids in the file.
/// </para>
/// <para>
/// Then every part of the package in ordinal order of its name: XML parts (relationships included)
/// pretty-printed, binary parts as their size and SHA-256. Values that carry no meaning are normalised:
/// rsid attributes and the settings' rsid table, spelling and grammar marks and rendered page breaks are
/// dropped; <c>w14:paraId</c>, <c>w14:textId</c>, drawing ids and bookmark ids are renumbered in order of
/// appearance; the order of relationships, content types and attributes, and everything about the zip
/// (entry order, dates, compression) are ignored.
/// </para>
/// <para>
/// Two documents a reader cannot tell apart give the same text; a difference a reader can see (text,
/// style, formatting, order) shows in it. Lines end with LF on every platform, so the text can be
/// compared with any snapshot library, or with <c>git diff</c>.
/// </para>
/// </remarks>
public static class DocxSnapshot
{
    /// <summary>The canonical text of a .docx given as bytes.</summary>
    /// <param name="docx">The document's bytes.</param>
    /// <returns>The text, with LF line endings and a final line ending.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a Word document.</exception>
    public static string ToText(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var package = Read(docx);
        var builder = new StringBuilder();
        DocxOutline.Write(package, builder);
        XmlPartFormatter.WriteParts(package, builder);
        return builder.ToString();
    }

    /// <summary>
    /// The first half of <see cref="ToText(byte[])"/> alone: the outline of what a reader sees (properties, body,
    /// headers, footers, notes), without the package's parts. Small enough to review for every document.
    /// </summary>
    /// <param name="docx">The document's bytes.</param>
    /// <returns>The outline, with LF line endings and a final line ending.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a Word document.</exception>
    public static string Outline(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var builder = new StringBuilder();
        DocxOutline.Write(Read(docx), builder);
        return builder.ToString();
    }

    /// <summary>
    /// The second half of <see cref="ToText(byte[])"/> alone: every part of the package, normalised and
    /// pretty-printed, without the outline.
    /// </summary>
    /// <param name="docx">The document's bytes.</param>
    /// <returns>The parts, with LF line endings and a final line ending.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a Word document.</exception>
    public static string Parts(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var builder = new StringBuilder();
        XmlPartFormatter.WriteParts(Read(docx), builder);
        return builder.ToString();
    }

    /// <summary>The canonical text of a .docx read from a stream (read to its end, not closed).</summary>
    /// <param name="docx">A stream holding the document.</param>
    /// <returns>The text, with LF line endings and a final line ending.</returns>
    /// <exception cref="InvalidDataException">The stream does not hold a Word document.</exception>
    public static string ToText(Stream docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        using var copy = new MemoryStream();
        docx.CopyTo(copy);
        return ToText(copy.ToArray());
    }

    /// <summary>Reads a document with the library's one package reader.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a Word document, or exceed a limit of <see cref="ReadLimits.Default"/>.</exception>
    private static OpcPackage Read(byte[] docx)
    {
        try
        {
            return PackageReader.Read(docx, ReadLimits.Default);
        }
        catch (PackageException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }
}
