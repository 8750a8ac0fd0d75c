using System.Text;
using System.Xml;
using System.Xml.Linq;
using Minutes.Templating.Engine;

namespace Minutes.Templating.Tests.Engine;

/// <summary>
/// The rendered XML is read and written a piece at a time: what there is nothing to fix in comes out exactly as a
/// whole-tree parse and save writes it, and the engine's namespace and markers do not come out at all.
/// </summary>
public sealed class OutputFixerTests
{
    private const string Namespaces = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mt=\"urn:minutes-templating:engine\"";

    private static string Fixed(string xml) => Encoding.UTF8.GetString(OutputFixer.Fix(xml.AsMemory(), new RenderState(), Numbering.Read(null, null)));

    /// <summary>What parsing the whole part and saving it writes, with the engine's namespace declaration taken off the root.</summary>
    private static string AsOneTree(string xml)
    {
        var document = XDocument.Parse(xml);
        document.Root!.Attribute(XNamespace.Xmlns + "mt")?.Remove();
        return Encoding.UTF8.GetString(OutputFixer.Serialize(document));
    }

    [Theory]
    [InlineData("<w:document " + Namespaces + "><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:sectPr/></w:body></w:document>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr " + Namespaces + ">\n  <w:p>\n    <w:r><w:t xml:space=\"preserve\"> a  b </w:t></w:r>\n  </w:p>\n</w:hdr>")]
    [InlineData("<w:document " + Namespaces + "><w:body></w:body></w:document>")]
    [InlineData("<w:document " + Namespaces + "><w:body/></w:document>")]
    [InlineData("<w:ftr " + Namespaces + "/>")]
    [InlineData("<w:ftr " + Namespaces + "></w:ftr>")]
    [InlineData("<?mso-application progid=\"Word.Document\"?><!-- made by hand --><w:hdr " + Namespaces + "><!-- between --><w:p></w:p><?pi data?></w:hdr><!-- after -->")]
    [InlineData("<w:document " + Namespaces + " xmlns:x=\"urn:x\"><w:body><x:thing x:attr=\"&lt;&amp;&quot;\"><w:p xmlns:y=\"urn:y\"><y:z/></w:p></x:thing></w:body></w:document>")]
    [InlineData("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Verslag &amp; besluiten</dc:title></cp:coreProperties>")]
    [InlineData("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Word</Application><Pages/></Properties>")]
    public void A_part_with_nothing_to_fix_is_written_as_one_tree_would_be(string xml)
    {
        Assert.Equal(AsOneTree(xml), Fixed(xml));
    }

    [Fact]
    public void The_engines_namespace_and_its_markers_do_not_come_out()
    {
        var xml = "<w:document " + Namespaces + "><w:body><mt:iteration/><w:p><w:r><w:t>a</w:t></w:r><mt:continue/></w:p><mt:iteration></mt:iteration><w:sectPr/></w:body></w:document>";

        var output = Fixed(xml);

        Assert.DoesNotContain("urn:minutes-templating:engine", output, StringComparison.Ordinal);
        Assert.DoesNotContain("mt:", output, StringComparison.Ordinal);
        Assert.Equal(AsOneTree("<w:document " + Namespaces + "><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:sectPr/></w:body></w:document>"), output);
    }

    [Fact]
    public void Rendered_text_that_is_not_xml_is_an_error()
    {
        Assert.Throws<XmlException>(() => Fixed("<w:document " + Namespaces + "><w:body><w:p></w:body></w:document>"));
    }
}
