using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Minutes.Templating.Tests.Comparison;

/// <summary>
/// Accepts or rejects every revision of a document the way a word processor does, on the XML, and reads the
/// text of the result: each paragraph of the body, headers and footers that holds text, with its style and
/// list level.
/// Written from the standard (ECMA-376 Part 1, 17.13.5), independent of the library's comparison code.
/// </summary>
internal static class TrackedChanges
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XName P = W + "p";
    private static readonly XName PPr = W + "pPr";
    private static readonly XName RPr = W + "rPr";
    private static readonly XName Ins = W + "ins";
    private static readonly XName Del = W + "del";

    /// <summary>The text of the document with every revision accepted.</summary>
    public static string Accepted(byte[] docx) => Text(docx, accept: true);

    /// <summary>The text of the document with every revision rejected.</summary>
    public static string Rejected(byte[] docx) => Text(docx, accept: false);

    /// <summary>The text of a document without revisions.</summary>
    public static string Plain(byte[] docx) => Text(docx, accept: null);

    /// <summary>Every revision mark in the text parts: w:ins, w:del, w:rPrChange, w:pPrChange.</summary>
    public static int Count(byte[] docx) => Parts(docx).Sum(p => p.Xml.Descendants().Count(e =>
        e.Name == Ins || e.Name == Del || e.Name == W + "rPrChange" || e.Name == W + "pPrChange"));

    private static string Text(byte[] docx, bool? accept)
    {
        var builder = new StringBuilder();
        foreach (var (name, xml) in Parts(docx))
        {
            if (accept is { } a)
            {
                Apply(xml.Root!, a);
            }
            else
            {
                Assert.DoesNotContain(xml.Descendants(), e => e.Name == Ins || e.Name == Del);
            }

            builder.Append("== ").Append(name).Append('\n');
            foreach (var paragraph in xml.Descendants(P))
            {
                // A version's last paragraph after a table cannot be removed by a revision (a part ends
                // with a paragraph mark), so an emptied one stays: empty paragraphs are not compared.
                if (!paragraph.Descendants(W + "t").Concat(paragraph.Descendants(W + "delText")).Any(t => t.Value.Length > 0) && !paragraph.Descendants(W + "drawing").Any())
                {
                    continue;
                }

                var style = (string?)paragraph.Element(PPr)?.Element(W + "pStyle")?.Attribute(W + "val") ?? "-";
                var level = (string?)paragraph.Element(PPr)?.Element(W + "numPr")?.Element(W + "ilvl")?.Attribute(W + "val");
                builder.Append(style).Append(level is null ? string.Empty : "/" + level).Append(": ");
                foreach (var element in paragraph.Descendants().Where(e => e.Ancestors(P).First() == paragraph))
                {
                    if (element.Name == W + "t" || element.Name == W + "delText")
                    {
                        builder.Append(element.Value);
                    }
                    else if (element.Name == W + "tab" && element.Parent?.Name == W + "r")
                    {
                        builder.Append('\t');
                    }
                    else if (element.Name == W + "br")
                    {
                        builder.Append('\n');
                    }
                }

                builder.Append('\n');
            }
        }

        return builder.ToString();
    }

    private static void Apply(XElement root, bool accept)
    {
        var gone = accept ? Del : Ins;
        var kept = accept ? Ins : Del;

        // Rows inserted (rejecting) or deleted (accepting) go, and tables left without rows with them.
        root.Descendants(W + "tr").Where(r => r.Element(W + "trPr")?.Element(gone) is not null).ToList().ForEach(r => r.Remove());
        root.Descendants(W + "tbl").Where(t => !t.Elements(W + "tr").Any()).ToList().ForEach(t => t.Remove());
        root.Descendants(W + "trPr").Elements(kept).ToList().ForEach(e => e.Remove());

        // Run content: the one kind goes, the other stays without its mark.
        root.Descendants(gone).Where(e => e.Parent?.Name != RPr && e.Parent?.Name != W + "trPr").ToList().ForEach(e => e.Remove());
        foreach (var wrapper in root.Descendants(kept).Where(e => e.Parent?.Name != RPr).ToList())
        {
            wrapper.ReplaceWith(wrapper.Nodes());
        }

        if (!accept)
        {
            root.Descendants(W + "delText").ToList().ForEach(e => e.Name = W + "t");
            root.Descendants(W + "delInstrText").ToList().ForEach(e => e.Name = W + "instrText");
        }

        // Formatting changes: accepting drops the record, rejecting puts the old properties back.
        foreach (var change in root.Descendants(W + "rPrChange").Concat(root.Descendants(W + "pPrChange")).ToList())
        {
            if (!accept)
            {
                var properties = change.Parent!;
                var old = change.Elements().Single();
                var paragraphMark = properties.Name == PPr ? properties.Element(RPr) : null;
                properties.ReplaceNodes(old.Nodes());
                if (paragraphMark is not null)
                {
                    properties.Add(paragraphMark);
                }
            }
            else
            {
                change.Remove();
            }
        }

        // A paragraph whose mark goes is joined to the paragraph after it, which keeps its own properties.
        foreach (var paragraph in root.Descendants(P).Where(p => p.Element(PPr)?.Element(RPr)?.Element(gone) is not null).Reverse().ToList())
        {
            var next = paragraph.ElementsAfterSelf().FirstOrDefault();
            Assert.True(next?.Name == P, "a paragraph whose mark is removed must be followed by a paragraph: " + paragraph);
            next!.Element(PPr)?.AddAfterSelf(paragraph.Nodes().Where(n => n is not XElement e || e.Name != PPr));
            if (next.Element(PPr) is null)
            {
                next.AddFirst(paragraph.Nodes().Where(n => n is not XElement e || e.Name != PPr));
            }

            paragraph.Remove();
        }

        root.Descendants(PPr).Elements(RPr).Elements(kept).ToList().ForEach(e => e.Remove());
    }

    private static List<(string Name, XDocument Xml)> Parts(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.Entries
            .Where(e => e.FullName == "word/document.xml" || e.FullName.StartsWith("word/header", StringComparison.Ordinal) || e.FullName.StartsWith("word/footer", StringComparison.Ordinal))
            .Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e =>
            {
                using var stream = e.Open();
                return (e.FullName, XDocument.Load(stream));
            })
            .ToList();
    }
}
