using System.Globalization;
using System.Xml.Linq;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Comparison;

/// <summary>
/// Writes Word's revision marks: who and when, a unique id for each, and the forms Word and
/// LibreOffice read (<c>w:ins</c>, <c>w:del</c> around runs, on paragraph marks and table rows,
/// <c>w:rPrChange</c> and <c>w:pPrChange</c> for formatting).
/// </summary>
internal sealed class Revisions
{
    public static readonly XName Ins = W + "ins";
    public static readonly XName Del = W + "del";
    public static readonly XName DelText = W + "delText";
    public static readonly XName InstrText = W + "instrText";
    public static readonly XName DelInstrText = W + "delInstrText";
    public static readonly XName RPrChange = W + "rPrChange";
    public static readonly XName PPrChange = W + "pPrChange";
    public static readonly XName TrPr = W + "trPr";
    public static readonly XName TrPrChange = W + "trPrChange";
    private static readonly XName Author = W + "author";
    private static readonly XName Date = W + "date";

    private readonly string _author;
    private readonly string _date;

    public Revisions(string author, DateTimeOffset date, int firstId)
    {
        _author = author;
        _date = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        NextId = firstId;
    }

    /// <summary>The next revision id; ids are unique in the whole document.</summary>
    public int NextId { get; private set; }

    /// <summary>How many revision marks were written.</summary>
    public int Count { get; private set; }

    /// <summary>A new revision element (<c>w:ins</c>, <c>w:del</c>, <c>w:rPrChange</c>, …) with its id, author and date.</summary>
    public XElement Mark(XName name, params object[] content)
    {
        Count++;
        return new XElement(
            name,
            new XAttribute(Id, (NextId++).ToString(CultureInfo.InvariantCulture)),
            new XAttribute(Author, _author),
            new XAttribute(Date, _date),
            content);
    }

    /// <summary>Marks the runs of a paragraph (or of every paragraph in a table or row) inserted or deleted.</summary>
    public void MarkContent(XElement element, XName kind)
    {
        foreach (var run in element.Descendants(Run).Where(r => r.Parent?.Name != Ins && r.Parent?.Name != Del && !r.Ancestors(Run).Any()).ToList())
        {
            if (kind == Del)
            {
                ToDeletedText(run);
            }

            run.ReplaceWith(Mark(kind, new XElement(run)));
        }
    }

    /// <summary>Turns a run's text into deleted text (<c>w:delText</c>, <c>w:delInstrText</c>), as Word keeps it.</summary>
    public static void ToDeletedText(XElement run)
    {
        foreach (var text in run.Elements(T))
        {
            text.Name = DelText;
        }

        foreach (var text in run.Elements(InstrText))
        {
            text.Name = DelInstrText;
        }
    }

    /// <summary>Marks a paragraph's mark (its end) as inserted or deleted, or clears the mark when <paramref name="kind"/> is null.</summary>
    public void MarkParagraph(XElement paragraph, XName? kind)
    {
        var properties = paragraph.Element(PPr);
        var runProperties = properties?.Element(RPr);
        runProperties?.Elements().Where(e => e.Name == Ins || e.Name == Del).Remove();
        if (kind is null)
        {
            if (runProperties is not null && !runProperties.HasElements)
            {
                runProperties.Remove();
            }

            if (properties is not null && !properties.HasElements && !properties.HasAttributes)
            {
                properties.Remove();
            }

            return;
        }

        if (properties is null)
        {
            properties = new XElement(PPr);
            paragraph.AddFirst(properties);
        }

        if (runProperties is null)
        {
            runProperties = new XElement(RPr);
            var after = properties.Elements().FirstOrDefault(e => e.Name == SectPr || e.Name == PPrChange);
            if (after is null)
            {
                properties.Add(runProperties);
            }
            else
            {
                after.AddBeforeSelf(runProperties);
            }
        }

        runProperties.AddFirst(Mark(kind));
    }

    /// <summary>The mark of a paragraph: inserted, deleted, or null when it is in both versions.</summary>
    public static XName? ParagraphMark(XElement paragraph) =>
        paragraph.Element(PPr)?.Element(RPr)?.Elements().FirstOrDefault(e => e.Name == Ins || e.Name == Del)?.Name;

    /// <summary>Marks a table row, its cells' paragraphs and their runs as inserted or deleted.</summary>
    public void MarkRow(XElement row, XName kind)
    {
        var properties = row.Element(TrPr);
        if (properties is null)
        {
            properties = new XElement(TrPr);
            var before = row.Elements().FirstOrDefault(e => e.Name == W + "tblPrEx");
            if (before is null)
            {
                row.AddFirst(properties);
            }
            else
            {
                before.AddAfterSelf(properties);
            }
        }

        var change = properties.Element(TrPrChange);
        if (change is null)
        {
            properties.Add(Mark(kind));
        }
        else
        {
            change.AddBeforeSelf(Mark(kind));
        }

        MarkContent(row, kind);
        foreach (var paragraph in row.Descendants(P).Where(p => !p.Ancestors(Run).Any()))
        {
            MarkParagraph(paragraph, kind);
        }
    }
}
