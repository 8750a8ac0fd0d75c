using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Minutes.Templating.Model;
using Minutes.Templating.Packaging;
using static Minutes.Templating.Packaging.WordNames;

namespace Minutes.Templating.Engine;

/// <summary>
/// Tables, pictures and footnotes from the minutes as Word markup, and the parts they need in the
/// package: the footnotes part, the pictures' media entries, their relationships, content types and
/// styles. A template's styles of these names are used; missing ones are added with a plain look.
/// </summary>
internal static class RichContent
{
    /// <summary>The table style of a <c>table:</c> point.</summary>
    public const string TableStyle = "ListTable";

    /// <summary>The paragraph style of a table's header cells.</summary>
    public const string TableHeadingStyle = "TableHeading";

    /// <summary>The paragraph style of a table's body cells.</summary>
    public const string TableTextStyle = "TableText";

    /// <summary>The paragraph style of a footnote's text.</summary>
    public const string FootnoteTextStyle = "FootnoteText";

    /// <summary>The character style of a footnote's number.</summary>
    public const string FootnoteReferenceStyle = "FootnoteReference";

    /// <summary>The text width of an A4 page with 3 and 2.5 cm margins, in EMU, when a template says nothing.</summary>
    public const long DefaultTextWidth = 16L * EmuPerCentimetre;

    private const long EmuPerCentimetre = 360_000;
    private const long EmuPerPixel = 9_525;
    private const long EmuPerTwip = 635;

    private const string FootnotesEntry = "word/footnotes.xml";
    private const string FootnotesContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml";

    /// <summary>
    /// A table written where a tag stands. The engine moves it out of the tag's paragraph after
    /// rendering (<see cref="OutputFixer"/>), and drops that paragraph when nothing else is in it.
    /// </summary>
    public static RawMarkup Table(TablePoint table, RenderContext context, RenderState state)
    {
        state.WroteTable = true;
        var columns = Math.Max(table.Header.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        if (columns == 0)
        {
            return new RawMarkup(string.Empty);
        }

        var width = (int)(context.TextWidth / EmuPerTwip);
        var column = (width / columns).ToString(CultureInfo.InvariantCulture);
        var numeric = Enumerable.Range(0, columns)
            .Select(c => table.Rows.Count > 0 && table.Rows.All(r => c >= r.Count || r[c].IsNumber || r[c].Text.IsEmpty) && table.Rows.Any(r => c < r.Count && r[c].IsNumber))
            .ToArray();
        var xml = new StringBuilder("<mt:block><w:tbl><w:tblPr><w:tblStyle w:val=\"").Append(TableStyle).Append("\"/><w:tblW w:w=\"")
            .Append((width / columns * columns).ToString(CultureInfo.InvariantCulture))
            .Append("\" w:type=\"dxa\"/><w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
        for (var c = 0; c < columns; c++)
        {
            xml.Append("<w:gridCol w:w=\"").Append(column).Append("\"/>");
        }

        xml.Append("</w:tblGrid>");
        if (table.Header.Count > 0)
        {
            Row(table.Header, TableHeadingStyle, header: true);
        }

        foreach (var row in table.Rows)
        {
            Row(row, TableTextStyle, header: false);
        }

        xml.Append("</w:tbl></mt:block>");
        return new RawMarkup(xml.ToString());

        void Row(IReadOnlyList<TableCell> cells, string style, bool header)
        {
            // The header row repeats at the top of each page; no row is split over two pages.
            xml.Append(header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (var c = 0; c < columns; c++)
            {
                var cell = c < cells.Count ? cells[c] : null;
                xml.Append("<w:tc><w:tcPr><w:tcW w:w=\"").Append(column).Append("\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"").Append(style).Append("\"/>");
                if (numeric[c])
                {
                    xml.Append("<w:jc w:val=\"right\"/>");
                }

                xml.Append("</w:pPr>");
                if (cell is not null)
                {
                    xml.Append(context.Runs(cell.Text, RunStyle.None));
                }

                xml.Append("</w:p></w:tc>");
            }

            xml.Append("</w:tr>");
        }
    }

    /// <summary>A picture as an inline drawing run; its bytes become a media entry of the package.</summary>
    public static RawMarkup Image(ImagePoint image, RenderContext context, RenderState state)
    {
        var number = state.Media.Count + 1;
        var extension = image.Image.Format == ImageFormat.Png ? "png" : "jpeg";
        var entry = "word/media/minutes-image" + number.ToString(CultureInfo.InvariantCulture) + "." + extension;
        var id = "mtImage" + number.ToString(CultureInfo.InvariantCulture);
        state.Media.Add((entry, image.Image.Data));
        var folder = context.PartEntryName.LastIndexOf('/') is var slash and >= 0 ? context.PartEntryName[..(slash + 1)] : string.Empty;
        context.Images.Add((id, entry.StartsWith(folder, StringComparison.Ordinal) && folder.Length > 0 ? entry[folder.Length..] : "/" + entry));

        var width = image.WidthCentimetres is { } centimetres ? (long)(centimetres * EmuPerCentimetre) : image.Image.PixelWidth * EmuPerPixel;
        width = Math.Min(width, context.TextWidth);
        var height = (long)Math.Round((double)width * image.Image.PixelHeight / image.Image.PixelWidth);
        var cx = width.ToString(CultureInfo.InvariantCulture);
        var cy = height.ToString(CultureInfo.InvariantCulture);
        var alt = Attribute(image.Alt.ToString());
        var name = Attribute(Path.GetFileName(image.Image.Path));
        return new RawMarkup(
            "<w:r><w:drawing><wp:inline xmlns:wp=\"" + Wp.NamespaceName + "\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"" + cx + "\" cy=\"" + cy + "\"/><wp:docPr id=\"1\" name=\"" + name + "\" descr=\"" + alt + "\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"" + DrawingMain.NamespaceName + "\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic xmlns:a=\"" + DrawingMain.NamespaceName + "\"><a:graphicData uri=\"" + Picture.NamespaceName + "\"><pic:pic xmlns:pic=\"" + Picture.NamespaceName + "\">"
            + "<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"" + name + "\" descr=\"" + alt + "\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip xmlns:r=\"" + R.NamespaceName + "\" r:embed=\"" + id + "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" + cx + "\" cy=\"" + cy + "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>");
    }

    /// <summary>The template's text width (page width less margins) in EMU, from the document's last section.</summary>
    public static long TextWidth(XDocument? document)
    {
        var section = document?.Root?.Descendants(SectPr).LastOrDefault();
        var size = section?.Element(W + "pgSz");
        var margins = section?.Element(W + "pgMar");
        if (Twips(size, "w") is { } page && Twips(margins, "left") is { } left && Twips(margins, "right") is { } right && page - left - right > 0)
        {
            return (page - left - right) * EmuPerTwip;
        }

        return DefaultTextWidth;

        static long? Twips(XElement? element, string name) =>
            long.TryParse((string?)element?.Attribute(W + name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The first id free for footnotes after the template's own (separators are 0 and -1).</summary>
    public static int FirstFootnoteId(byte[]? footnotes)
    {
        if (footnotes is null)
        {
            return 1;
        }

        var ids = PackageParts.Load(footnotes).Root!.Elements(W + "footnote")
            .Select(f => int.TryParse((string?)f.Attribute(Id), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0);
        return Math.Max(1, ids.DefaultIfEmpty(0).Max() + 1);
    }

    /// <summary>
    /// Adds to the package what the rendering's footnotes and pictures need: the footnotes part (the
    /// template's, or a new one), the media entries, relationships, content types and styles.
    /// </summary>
    public static void Complete(TemplatePackage package, string mainEntry, RenderState state, Dictionary<string, byte[]> replaced)
    {
        if (state.Footnotes.Count == 0 && state.Media.Count == 0 && !state.WroteTable)
        {
            return;
        }

        byte[] Current(string entry) => replaced.TryGetValue(entry, out var data) ? data : package.Entry(entry)!;

        var defaults = new List<(string, string)>();
        var overrides = new List<(string, string)>();
        foreach (var (entry, data) in state.Media)
        {
            replaced[entry] = data.ToArray();
            defaults.Add(entry.EndsWith(".png", StringComparison.Ordinal) ? ("png", "image/png") : ("jpeg", "image/jpeg"));
        }

        var styles = new List<string>();
        if (state.WroteTable)
        {
            styles.AddRange([TableStyle, TableHeadingStyle, TableTextStyle]);
        }

        if (state.Footnotes.Count > 0)
        {
            var existing = package.Parts.FirstOrDefault(p => p.Kind == "footnotes").EntryName;
            var entry = existing ?? FootnotesEntry;
            var footnotes = existing is null ? NewFootnotes() : PackageParts.Load(Current(existing));
            foreach (var note in state.Footnotes)
            {
                footnotes.Root!.Add(XElement.Parse(
                    "<w:footnote xmlns:w=\"" + W.NamespaceName + "\" xmlns:r=\"" + R.NamespaceName + "\" w:id=\"" + note.Id.ToString(CultureInfo.InvariantCulture) + "\"><w:p><w:pPr><w:pStyle w:val=\"" + FootnoteTextStyle + "\"/></w:pPr>"
                    + "<w:r><w:rPr><w:rStyle w:val=\"" + FootnoteReferenceStyle + "\"/><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
                    + note.Runs + "</w:p></w:footnote>"));
            }

            replaced[entry] = OutputFixer.Serialize(footnotes);
            var links = state.Footnotes.SelectMany(n => n.Links).Select(l => new PackageParts.Relationship(l.Id, PackageParts.HyperlinkType, l.Url, External: true)).ToList();
            if (links.Count > 0)
            {
                var rels = PackageParts.RelationshipsEntry(entry);
                replaced[rels] = PackageParts.AddRelationships(replaced.GetValueOrDefault(rels) ?? package.Entry(rels), links);
            }

            if (existing is null)
            {
                var mainRels = PackageParts.RelationshipsEntry(mainEntry);
                replaced[mainRels] = PackageParts.AddRelationships(replaced.GetValueOrDefault(mainRels) ?? package.Entry(mainRels), [new("mtFootnotes", PackageParts.FootnotesType, "footnotes.xml", External: false)]);
                overrides.Add(("/" + entry, FootnotesContentType));
            }

            styles.AddRange([FootnoteTextStyle, FootnoteReferenceStyle]);
        }

        replaced[PackageParts.ContentTypesEntry] = PackageParts.AddContentTypes(Current(PackageParts.ContentTypesEntry), defaults.Distinct(), overrides);
        if (package.StylesEntry is { } stylesEntry && styles.Count > 0)
        {
            var document = PackageParts.Load(Current(stylesEntry));
            if (AddMissingStyles(document.Root!, styles))
            {
                replaced[stylesEntry] = OutputFixer.Serialize(document);
            }
        }
    }

    private static bool AddMissingStyles(XElement styles, IEnumerable<string> ids)
    {
        var added = false;
        foreach (var id in ids)
        {
            if (styles.Elements(W + "style").Any(s => (string?)s.Attribute(W + "styleId") == id))
            {
                continue;
            }

            styles.Add(XElement.Parse(id switch
            {
                FootnoteTextStyle => "<w:style xmlns:w=\"" + W.NamespaceName + "\" w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>",
                FootnoteReferenceStyle => "<w:style xmlns:w=\"" + W.NamespaceName + "\" w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>",
                TableHeadingStyle => "<w:style xmlns:w=\"" + W.NamespaceName + "\" w:type=\"paragraph\" w:styleId=\"TableHeading\"><w:name w:val=\"Table heading\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:b/></w:rPr></w:style>",
                TableTextStyle => "<w:style xmlns:w=\"" + W.NamespaceName + "\" w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table text\"/><w:basedOn w:val=\"Normal\"/></w:style>",
                _ => "<w:style xmlns:w=\"" + W.NamespaceName + "\" w:type=\"table\" w:styleId=\"ListTable\"><w:name w:val=\"List table\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
            }));
            added = true;
        }

        return added;
    }

    private static XDocument NewFootnotes() => XDocument.Parse(
        "<w:footnotes xmlns:w=\"" + W.NamespaceName + "\" xmlns:r=\"" + R.NamespaceName + "\">"
        + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
        + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        + "</w:footnotes>");

    private static string Attribute(string text) => SecurityElement.Escape(new string(text.Where(System.Xml.XmlConvert.IsXmlChar).ToArray()).Replace('\n', ' ')) ?? string.Empty;
}
