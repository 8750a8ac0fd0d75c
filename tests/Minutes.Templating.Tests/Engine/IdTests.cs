using System.Xml.Linq;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Ids that must stay unique when loops copy what carries them.</summary>
public sealed class IdTests
{
    [Fact]
    public void A_loop_copying_a_drawing_a_text_box_and_a_bookmark_leaves_every_id_unique()
    {
        var template = new TemplateBuilder().Add(
            P(BookmarkStart(0, "Begin"), Picture(1, TemplateBuilder.ImageId), BookmarkEnd(0)),
            Para("{{ for item in agenda }}"),
            P(
                new XAttribute(W14 + "paraId", "1A2B3C4D"),
                new XAttribute(W14 + "textId", "77777777"),
                BookmarkStart(1, "Agendapunt"),
                Picture(2, TemplateBuilder.ImageId),
                R("{{ item.title }}"),
                BookmarkEnd(1),
                WpsTextBox(3, () => [Para("{{ item.number }}")])),
            Para("{{ end }}"));

        var rendered = Rendered.From(template);

        Assert.Equal(["", "Opening en mededelingen", "1", "1", "Huisvesting", "2", "2"], rendered.Paragraphs);
        var drawings = rendered.Document.Descendants(Wp + "docPr").Select(d => (string?)d.Attribute("id")).ToList();
        Assert.Equal(5, drawings.Count);
        Assert.Equal(drawings.Count, drawings.Distinct().Count());
        var starts = rendered.Document.Descendants(W + "bookmarkStart").ToList();
        var ids = starts.Select(b => (string?)b.Attribute(W + "id")).ToList();
        var names = starts.Select(b => (string?)b.Attribute(W + "name")).ToList();
        Assert.Equal(3, starts.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("Begin", names[0]);
        Assert.All(names.Skip(1), name => Assert.StartsWith("Agendapunt", name, StringComparison.Ordinal));
        Assert.Equal(ids, rendered.Document.Descendants(W + "bookmarkEnd").Select(b => (string?)b.Attribute(W + "id")));
        var paragraphIds = rendered.Document.Descendants(W + "p").Select(p => (string?)p.Attribute(W14 + "paraId")).OfType<string>().ToList();
        Assert.Equal(2, paragraphIds.Count);
        Assert.Equal(2, paragraphIds.Distinct().Count());
    }

    [Fact]
    public void Bookmarks_in_headers_and_the_body_do_not_share_ids()
    {
        var template = new TemplateBuilder()
            .Add(P(BookmarkStart(0, "Romp"), R("{{ meeting.number }}"), BookmarkEnd(0)))
            .Header("default", P(BookmarkStart(0, "Kop"), R("{{ meeting.abbreviation }}"), BookmarkEnd(0)));

        var rendered = Rendered.From(template);

        var body = (string?)rendered.Document.Descendants(W + "bookmarkStart").Single().Attribute(W + "id");
        var header = (string?)rendered.Headers["default"].Descendants(W + "bookmarkStart").Single().Attribute(W + "id");
        Assert.NotEqual(body, header);
    }
}
