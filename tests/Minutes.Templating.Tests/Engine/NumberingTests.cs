using System.IO.Compression;
using System.Xml.Linq;
using static Minutes.Templating.Tests.Engine.Wml;

namespace Minutes.Templating.Tests.Engine;

/// <summary>Counting lists restart in each loop iteration; bullets and lists asked to continue are left alone.</summary>
public sealed class NumberingTests
{
    private static XElement Numbered(string text) =>
        P(PPr(new XElement(W + "numPr", new XElement(W + "ilvl", new XAttribute(W + "val", 0)), new XElement(W + "numId", new XAttribute(W + "val", TemplateBuilder.NumberedList)))), R(text));

    private static XElement Bulleted(string text) => P(PPr(PStyle("ListBullet")), R(text));

    [Fact]
    public void A_numbered_list_in_a_loop_restarts_in_each_iteration()
    {
        var template = new TemplateBuilder().Add(
            Para("{{ for item in agenda }}"),
            Para("{{ item.title }}"),
            Para("{{ for point in item.outline }}"),
            Numbered("{{ point.text }}"),
            Para("{{ end }}"),
            Para("{{ end }}"));

        var rendered = Rendered.From(template);

        var lists = ListParagraphs(rendered.Document);
        // Item 1 has five points in its outline, item 2 three: the second item's list is a new instance that starts at 1.
        Assert.Equal(8, lists.Count);
        Assert.All(lists.Take(5), p => Assert.Equal("2", p.NumId));
        var restarted = lists[5].NumId;
        Assert.NotEqual("2", restarted);
        Assert.All(lists.Skip(5), p => Assert.Equal(restarted, p.NumId));
        var instance = Instance(rendered.Bytes, restarted);
        Assert.Equal("1", (string?)instance.Element(W + "abstractNumId")!.Attribute(W + "val"));
        Assert.Equal(9, instance.Elements(W + "lvlOverride").Count(o => (string?)o.Element(W + "startOverride")?.Attribute(W + "val") == "1"));
    }

    [Fact]
    public void A_list_asked_to_continue_keeps_counting()
    {
        var template = new TemplateBuilder().Add(
            Para("{{ for item in agenda }}"),
            Para("{{ item.title }}"),
            Para("{{ for point in item.outline }}"),
            Numbered("{{ word.continue_numbering }}{{ point.text }}"),
            Para("{{ end }}"),
            Para("{{ end }}"));

        var lists = ListParagraphs(Rendered.From(template).Document);

        Assert.Equal(8, lists.Count);
        Assert.All(lists, p => Assert.Equal("2", p.NumId));
    }

    [Fact]
    public void Bullets_are_not_restarted()
    {
        var template = new TemplateBuilder().Add(
            Para("{{ for item in agenda }}"),
            Para("{{ item.title }}"),
            Para("{{ for point in item.outline }}"),
            Bulleted("{{ point.text }}"),
            Para("{{ end }}"),
            Para("{{ end }}"));

        var rendered = Rendered.From(template);

        Assert.DoesNotContain(rendered.Document.Descendants(W + "numId"), n => (string?)n.Attribute(W + "val") != "1");
        Assert.Equal(2, XDocument.Parse(Entry(rendered.Bytes, "word/numbering.xml")).Root!.Elements(W + "num").Count());
    }

    [Fact]
    public void A_numbered_list_filled_by_one_loop_counts_on_through_it()
    {
        var template = new TemplateBuilder().Add(
            Para("{{ for action in actions }}"),
            Numbered("{{ action.text }}"),
            Para("{{ end }}"));

        var lists = ListParagraphs(Rendered.From(template).Document);

        Assert.Equal(2, lists.Count);
        Assert.All(lists, p => Assert.Equal("2", p.NumId));
    }

    [Fact]
    public void A_numbered_paragraph_with_other_text_after_it_in_each_iteration_restarts()
    {
        // Each iteration's numbered paragraph follows the previous iteration's plain one, not a paragraph of its list.
        var template = new TemplateBuilder().Add(
            Para("{{ for action in actions }}"),
            Numbered("{{ action.text }}"),
            Para("{{ action.owner }}"),
            Para("{{ end }}"));

        var lists = ListParagraphs(Rendered.From(template).Document);

        Assert.Equal(2, lists.Count);
        Assert.Equal("2", lists[0].NumId);
        Assert.NotEqual("2", lists[1].NumId);
    }

    [Fact]
    public void A_numbered_list_counts_on_through_a_loop_that_writes_nothing_between_its_paragraphs()
    {
        // The empty loop leaves only the engine's markers between the two paragraphs: one list.
        var template = new TemplateBuilder().Add(
            Numbered("first"),
            Para("{{ for action in actions }}{{ end }}"),
            Para("{{ for action in actions }}"),
            Numbered("{{ action.text }}"),
            Para("{{ end }}"));

        var lists = ListParagraphs(Rendered.From(template).Document);

        Assert.Equal(3, lists.Count);
        Assert.All(lists, p => Assert.Equal("2", p.NumId));
    }

    private static List<(string Text, string NumId)> ListParagraphs(XDocument document) =>
        document.Descendants(W + "p")
            .Where(p => p.Element(W + "pPr")?.Element(W + "numPr")?.Element(W + "numId") is not null)
            .Select(p => (Rendered.Text(p), (string)p.Element(W + "pPr")!.Element(W + "numPr")!.Element(W + "numId")!.Attribute(W + "val")!))
            .ToList();

    private static XElement Instance(byte[] docx, string numId) =>
        XDocument.Parse(Entry(docx, "word/numbering.xml")).Root!.Elements(W + "num").Single(n => (string?)n.Attribute(W + "numId") == numId);

    internal static string Entry(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
