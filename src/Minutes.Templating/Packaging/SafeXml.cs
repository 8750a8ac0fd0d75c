using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Minutes.Templating.Packaging;

/// <summary>A problem with a package that stops it from being read: not a zip, a limit exceeded, a malformed part.</summary>
internal sealed class PackageException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when the problem is a limit of <see cref="ReadLimits"/> that was exceeded.</summary>
    public bool IsLimit { get; init; }

    /// <summary>The part the problem is in, when it is in one.</summary>
    public string? Part { get; init; }

    /// <summary>The 1-based line in <see cref="Part"/>, or 0.</summary>
    public int Line { get; init; }

    /// <summary>The 1-based column in <see cref="Part"/>, or 0.</summary>
    public int Column { get; init; }
}

/// <summary>
/// Reads the XML of package parts with the settings every reader in the library uses: no DTD (so no entity
/// expansion), nothing resolved from outside, no processing instructions.
/// </summary>
internal static class SafeXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = false,
        CloseInput = true,
    };

    /// <summary>Reads a part; a DTD, a processing instruction or malformed XML is a <see cref="PackageException"/> naming the part and place.</summary>
    /// <param name="data">The part's bytes.</param>
    /// <param name="part">The part's name, for messages.</param>
    /// <param name="allowedInstruction">The one processing instruction allowed at the top (Flat OPC's <c>mso-application</c>), or null.</param>
    public static XDocument Load(byte[] data, string part, string? allowedInstruction = null)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(data, writable: false), Settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var what = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "holds a DTD, which is not allowed in a Word part"
                : "is not well-formed XML: " + Message(ex);
            throw new PackageException(string.Create(CultureInfo.InvariantCulture, $"{part}: {what} (line {ex.LineNumber}, column {ex.LinePosition})"), ex)
            {
                Part = part,
                Line = ex.LineNumber,
                Column = ex.LinePosition,
            };
        }

        foreach (var instruction in document.DescendantNodes().OfType<XProcessingInstruction>())
        {
            if (instruction.Parent is null && instruction.Target == allowedInstruction)
            {
                continue;
            }

            var line = (IXmlLineInfo)instruction;
            throw new PackageException(string.Create(CultureInfo.InvariantCulture, $"{part}: holds the processing instruction <?{instruction.Target}?>, which is not allowed in a Word part (line {line.LineNumber}, column {line.LinePosition})"))
            {
                Part = part,
                Line = line.LineNumber,
                Column = line.LinePosition,
            };
        }

        return document;
    }

    /// <summary>An XML exception's message without the place, which the caller gives.</summary>
    private static string Message(XmlException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>Writes a part as UTF-8 with the declaration Word writes.</summary>
    public static byte[] Save(XDocument document)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = false }))
        {
            document.Declaration = new XDeclaration("1.0", "UTF-8", "yes");
            document.Save(writer);
        }

        return output.ToArray();
    }
}
