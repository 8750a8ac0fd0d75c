using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Minutes.Templating.Tests.Properties;

/// <summary>The text of a Word package, read from every XML part (body, headers, footers, notes, properties).</summary>
internal static class DocumentText
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

    /// <summary>
    /// What a reader sees: each paragraph's runs joined (tabs and breaks as spaces), a picture's description, and the
    /// document properties; normalised as <see cref="Expectations.Normalize"/> does.
    /// </summary>
    public static string Visible(byte[] docx)
    {
        var builder = new StringBuilder();
        foreach (var (_, xml) in Parts(docx))
        {
            foreach (var paragraph in xml.Descendants(W + "p"))
            {
                foreach (var element in paragraph.Descendants().Where(e => e.Ancestors(W + "p").First() == paragraph))
                {
                    if (element.Name == W + "t")
                    {
                        builder.Append(element.Value);
                    }
                    else if (element.Name == W + "tab" || element.Name == W + "br" || element.Name == W + "cr")
                    {
                        builder.Append(' ');
                    }
                }

                builder.Append('\n');
            }

            foreach (var picture in xml.Descendants(Wp + "docPr"))
            {
                builder.Append((string?)picture.Attribute("descr")).Append('\n');
            }

            if (xml.Root?.Name.NamespaceName.Contains("package/2006/metadata/core-properties", StringComparison.Ordinal) == true)
            {
                foreach (var property in xml.Root.Elements())
                {
                    builder.Append(property.Value).Append('\n');
                }
            }
        }

        return Expectations.Normalize(builder.ToString());
    }

    /// <summary>Everything a part says: the visible text, and every text node and attribute value of every XML part.</summary>
    public static string Everything(byte[] docx)
    {
        var builder = new StringBuilder(Visible(docx)).Append('\n');
        foreach (var (_, xml) in Parts(docx))
        {
            foreach (var node in xml.DescendantNodes())
            {
                if (node is XText text)
                {
                    builder.Append(text.Value).Append('\n');
                }
                else if (node is XElement element)
                {
                    foreach (var attribute in element.Attributes())
                    {
                        builder.Append(attribute.Value).Append('\n');
                    }
                }
            }
        }

        return Expectations.Normalize(builder.ToString());
    }

    private static IEnumerable<(string Name, XDocument Xml)> Parts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            yield return (entry.FullName, XDocument.Load(stream));
        }
    }
}
