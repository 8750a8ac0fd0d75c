using System.IO.Compression;
using System.Text;
using Minutes.Templating.Rendering;
using Minutes.Templating.Snapshots;
using Minutes.Templating.Tests.Engine;

namespace Minutes.Templating.Tests.Safety;

/// <summary>
/// Templates from anywhere: read within limits, and only what a document needs carried into the output
/// (no unreachable entries, no external links but hyperlinks, no macros, no DTDs).
/// </summary>
public sealed class PackageSafetyTests
{
    private const string DocumentRels = "word/_rels/document.xml.rels";

    private static byte[] Template() => new TemplateBuilder()
        .Lines("{{ meeting.body }}", "Zie [de site](https://example.org).")
        .Header("default", Wml.Para("{{ meeting.abbreviation }}"))
        .ToPackage();

    private static WordTemplate Load(byte[] bytes, ReadLimits? limits = null)
    {
        using var stream = new MemoryStream(bytes);
        return WordTemplate.Load(stream, "hostile.docx", null, null, new TemplateOptions { Limits = limits ?? ReadLimits.Default });
    }

    private static Minutes.Templating.Diagnostics.Diagnostic SingleError(WordTemplate template) =>
        Assert.Single(template.Diagnostics, d => d.IsError);

    /// <summary>A package whose main document is <paramref name="size"/> bytes of spaces: it compresses a thousandfold.</summary>
    private static byte[] Bomb(int size)
    {
        var template = Template();
        return Zip.Patch(template, entries =>
        {
            var document = entries.FindIndex(e => e.Key == "word/document.xml");
            entries[document] = new("word/document.xml", Encoding.UTF8.GetBytes(new string(' ', size)));
        });
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_compression_ratio()
    {
        var problem = SingleError(Load(Bomb(50 * 1024 * 1024)));

        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("word/document.xml", problem.Message, StringComparison.Ordinal);
        Assert.Contains("compression-ratio", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_part_is_refused_by_the_part_size_limit_and_the_limit_can_be_raised()
    {
        var bomb = Bomb(3 * 1024 * 1024);
        var limits = ReadLimits.Default with { CompressionRatio = 100_000, PartSize = 2 * 1024 * 1024 };

        var problem = SingleError(Load(bomb, limits));
        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("part-size", problem.Message, StringComparison.Ordinal);

        // With room enough it is read, and then found not to be XML.
        var raised = SingleError(Load(bomb, limits with { PartSize = 4 * 1024 * 1024 }));
        Assert.Equal("MT2007", raised.Code);
    }

    [Fact]
    public void The_parts_together_are_held_to_the_unpacked_size_limit()
    {
        var problem = SingleError(Load(Template(), ReadLimits.Default with { UnpackedSize = 1000 }));

        Assert.Contains("unpacked-size", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var problem = SingleError(Load(Template(), ReadLimits.Default with { TemplateSize = 1000 }));

        Assert.Equal("MT2006", problem.Code);
        Assert.Contains("template-size", problem.Message, StringComparison.Ordinal);
        Assert.Contains("1,000 bytes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_stream_as_template_is_refused()
    {
        using var endless = new EndlessStream();

        var template = WordTemplate.Load(endless, "endless", null, null, new TemplateOptions { Limits = ReadLimits.Default with { TemplateSize = 4 * 1024 * 1024 } });

        Assert.Contains("template-size", SingleError(template).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_with_too_many_entries_is_refused_and_the_limit_can_be_raised()
    {
        var junk = Zip.Patch(Template(), entries =>
        {
            for (var i = 0; i < 3000; i++)
            {
                entries.Add(new($"junk/{i}.txt", [(byte)'x']));
            }
        });

        var problem = SingleError(Load(junk));
        Assert.Contains("template-entries", problem.Message, StringComparison.Ordinal);

        var raised = Load(junk, ReadLimits.Default with { TemplateEntries = 5000 });
        Assert.Empty(raised.Diagnostics);
        var output = raised.Render(Samples.Minutes()).ToArray();
        Assert.DoesNotContain(Zip.Names(output), name => name.StartsWith("junk/", StringComparison.Ordinal));
    }

    [Fact]
    public void Entries_no_relationship_reaches_are_left_out_of_the_output()
    {
        var template = Zip.Patch(Template(), entries =>
        {
            entries.Set("../../../../tmp/x.txt", "escape");
            entries.Set("word/../../evil.xml", "<evil/>");
            entries.Set("word/unused.xml", "<unused/>");
        });

        var output = Rendered.From(template).Bytes;

        var names = Zip.Names(output);
        Assert.DoesNotContain(names, name => name.Contains("..", StringComparison.Ordinal) || name.Contains("evil", StringComparison.Ordinal) || name.Contains("unused", StringComparison.Ordinal));
        Assert.Contains("word/document.xml", names);
        Assert.Contains(names, name => name.EndsWith(".png", StringComparison.Ordinal));
    }

    [Fact]
    public void External_relationships_other_than_hyperlinks_are_removed_with_a_warning()
    {
        var template = Zip.Patch(Template(), entries =>
        {
            entries.Edit(DocumentRels, rels => rels.Replace(
                "</Relationships>",
                "<Relationship Id=\"rIdRemote\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"http://attacker.example/pixel.png\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdOle\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdWeb\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/kept\" TargetMode=\"External\"/>"
                + "</Relationships>",
                StringComparison.Ordinal));
            entries.Set("word/_rels/settings.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdTemplate\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"http://attacker.example/normal.dotm\" TargetMode=\"External\"/></Relationships>");
            entries.Edit("word/settings.xml", settings => settings.Replace(
                "<w:defaultTabStop", "<w:attachedTemplate r:id=\"rIdTemplate\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/><w:defaultTabStop", StringComparison.Ordinal));
        });

        var loaded = Load(template);

        Assert.All(loaded.Diagnostics, d => Assert.False(d.IsError, d.ToString()));
        Assert.Equal(3, loaded.Diagnostics.Count(d => d.Code == "MT2101"));
        Assert.Contains(loaded.Diagnostics, d => d.Message.Contains("http://attacker.example/normal.dotm", StringComparison.Ordinal) && d.Location is { File: "hostile.docx", Part: "word/settings.xml" });
        var result = loaded.Render(Samples.Minutes());
        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == "MT2101"));
        var output = result.ToArray();
        var everything = string.Concat(Zip.Entries(output).Select(e => Encoding.UTF8.GetString(e.Value)));
        Assert.DoesNotContain("attacker.example", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("/etc/passwd", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("attachedTemplate", everything, StringComparison.Ordinal);
        Assert.Contains("https://example.org/kept", everything, StringComparison.Ordinal);
        Assert.Empty(Rendered.Validate(output));
    }

    [Fact]
    public void A_frame_that_loads_a_page_from_outside_is_removed_with_a_warning()
    {
        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var template = Zip.Patch(Template(), entries =>
        {
            // A frames page: the web settings hold a frameset whose frame shows a remote page, and the document links a frame too.
            entries.Set("word/webSettings.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:webSettings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"" + Relationships + "\">"
                + "<w:frameset><w:frame><w:name w:val=\"remote\"/><w:sourceFileName r:id=\"rIdFrame\"/></w:frame></w:frameset></w:webSettings>");
            entries.Set("word/_rels/webSettings.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdFrame\" Type=\"" + Relationships + "/frame\" Target=\"http://attacker.example/frame.html\" TargetMode=\"External\"/></Relationships>");
            entries.Edit(DocumentRels, rels => rels.Replace(
                "</Relationships>",
                "<Relationship Id=\"rIdWebSettings\" Type=\"" + Relationships + "/webSettings\" Target=\"webSettings.xml\"/>"
                + "<Relationship Id=\"rIdDocumentFrame\" Type=\"" + Relationships + "/frame\" Target=\"https://attacker.example/other-frame.html\" TargetMode=\"External\"/>"
                + "</Relationships>",
                StringComparison.Ordinal));
            entries.Edit("[Content_Types].xml", types => types.Replace(
                "</Types>",
                "<Override PartName=\"/word/webSettings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml\"/></Types>",
                StringComparison.Ordinal));
        });

        var loaded = Load(template);

        Assert.All(loaded.Diagnostics, d => Assert.Equal(("MT2101", false), (d.Code, d.IsError)));
        Assert.Equal(
            [("word/document.xml", "https://attacker.example/other-frame.html"), ("word/webSettings.xml", "http://attacker.example/frame.html")],
            loaded.Diagnostics
                .Select(d => (d.Location.Part, Target: d.Message.Contains("other-frame", StringComparison.Ordinal) ? "https://attacker.example/other-frame.html" : "http://attacker.example/frame.html"))
                .OrderBy(d => d.Part, StringComparer.Ordinal));
        Assert.All(loaded.Diagnostics, d => Assert.Contains("(frame)", d.Message, StringComparison.Ordinal));
        var output = loaded.Render(Samples.Minutes()).ToArray();
        var everything = string.Concat(Zip.Entries(output).Select(e => Encoding.UTF8.GetString(e.Value)));
        Assert.DoesNotContain("attacker.example", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("sourceFileName", everything, StringComparison.Ordinal);
        Assert.Contains("<w:frame>", Zip.Text(output, "word/webSettings.xml")!, StringComparison.Ordinal);
        Assert.Empty(Rendered.Validate(output));
    }

    [Fact]
    public void A_macro_enabled_template_gives_a_macro_free_docx_with_a_warning()
    {
        var template = MacroEnabled("application/vnd.ms-word.document.macroEnabled.main+xml");

        var loaded = Load(template);

        var warning = Assert.Single(loaded.Diagnostics);
        Assert.Equal(("MT2102", false), (warning.Code, warning.IsError));
        var output = loaded.Render(Samples.Minutes()).ToArray();
        Assert.DoesNotContain("word/vbaProject.bin", Zip.Names(output));
        var types = Zip.Text(output, "[Content_Types].xml")!;
        Assert.DoesNotContain("macroEnabled", types, StringComparison.Ordinal);
        Assert.DoesNotContain("vbaProject", types, StringComparison.Ordinal);
        Assert.Contains("wordprocessingml.document.main+xml", types, StringComparison.Ordinal);
        Assert.DoesNotContain("vbaProject", Zip.Text(output, DocumentRels)!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_macro_enabled_dotm_template_gives_a_macro_free_docx_with_a_warning()
    {
        var template = MacroEnabled("application/vnd.ms-word.template.macroEnabledTemplate.main+xml");

        using var stream = new MemoryStream(template);
        var loaded = WordTemplate.Load(stream, "house.dotm");

        Assert.Equal(("MT2102", false), (Assert.Single(loaded.Diagnostics).Code, loaded.HasErrors));
        var output = loaded.Render(Samples.Minutes()).ToArray();
        var types = Zip.Text(output, "[Content_Types].xml")!;
        Assert.DoesNotContain("word/vbaProject.bin", Zip.Names(output));
        Assert.DoesNotContain("macroEnabled", types, StringComparison.Ordinal);
        Assert.Contains("wordprocessingml.document.main+xml", types, StringComparison.Ordinal);
    }

    /// <summary>The test template made macro-enabled: a VBA project, its relationship, and <paramref name="mainContentType"/> for the main part.</summary>
    private static byte[] MacroEnabled(string mainContentType) => Zip.Patch(Template(), entries =>
    {
        entries.Set("word/vbaProject.bin", "not really a VBA project");
        entries.Edit(DocumentRels, rels => rels.Replace(
            "</Relationships>",
            "<Relationship Id=\"rIdVba\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"/></Relationships>",
            StringComparison.Ordinal));
        entries.Edit("[Content_Types].xml", types => types
            .Replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", mainContentType, StringComparison.Ordinal)
            .Replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>", StringComparison.Ordinal));
    });

    [Theory]
    [InlineData("word/styles.xml")]
    [InlineData("word/numbering.xml")]
    public void A_DTD_in_a_part_is_refused_at_load(string part)
    {
        var template = Zip.Patch(Template(), entries => entries.Edit(part, xml =>
            xml.Replace("?>", "?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>", StringComparison.Ordinal)));

        var problem = SingleError(Load(template));

        Assert.Equal("MT2007", problem.Code);
        Assert.Equal(("hostile.docx", part), (problem.Location.File, problem.Location.Part));
        Assert.Contains("DTD", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_processing_instruction_in_a_part_is_refused_at_load()
    {
        var template = Zip.Patch(Template(), entries => entries.Edit("word/styles.xml", xml =>
            xml.Replace("?>", "?>\n<?xml-stylesheet href=\"http://attacker.example/x.xsl\"?>", StringComparison.Ordinal)));

        var problem = SingleError(Load(template));

        Assert.Equal(("MT2007", 2), (problem.Code, problem.Location.Line));
        Assert.Contains("xml-stylesheet", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_header_is_a_diagnostic_with_its_place_not_an_exception()
    {
        var template = Zip.Patch(Template(), entries =>
        {
            var header = entries.First(e => e.Key.StartsWith("word/header", StringComparison.Ordinal)).Key;
            entries.Edit(header, xml => xml.Replace("</w:hdr>", "<w:p>", StringComparison.Ordinal));
        });

        var problem = SingleError(Load(template));

        Assert.Equal("MT2007", problem.Code);
        Assert.Equal("hostile.docx", problem.Location.File);
        Assert.StartsWith("word/header", problem.Location.Part, StringComparison.Ordinal);
        Assert.Contains("not well-formed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_saved_with_the_default_namespace_renders()
    {
        var template = Zip.Patch(Template(), entries =>
        {
            var header = entries.First(e => e.Key.StartsWith("word/header", StringComparison.Ordinal)).Key;
            entries.Edit(header, xml => xml
                .Replace("xmlns:w=", "xmlns=", StringComparison.Ordinal)
                .Replace("<w:", "<", StringComparison.Ordinal)
                .Replace("</w:", "</", StringComparison.Ordinal)
                .Replace(" w:", " ", StringComparison.Ordinal));
        });

        var rendered = Rendered.From(template);

        Assert.Equal(["LRT"], Rendered.ParagraphTexts(rendered.Headers["default"]));
    }

    [Fact]
    public void Not_a_zip_is_a_diagnostic()
    {
        var problem = SingleError(Load(Encoding.UTF8.GetBytes("PK this is not a zip at all")));

        Assert.Equal("MT2007", problem.Code);
        Assert.Contains("not a Word document", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("an entry count the central directory does not have", 10)]
    [InlineData("a central directory that starts past the file", 16)]
    public void A_zip_damaged_after_its_opening_is_a_diagnostic(string damage, int field)
    {
        var bytes = Template();
        var end = bytes.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        if (field == 10)
        {
            // The count of this disk's entries and of all entries, both one lower: the zip opens, its entries do not.
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 8), (ushort)(System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 8)) - 1));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(end + 10), (ushort)(System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10)) - 1));
        }
        else
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(end + field), (uint)bytes.Length + 1000);
        }

        var problem = SingleError(Load(bytes));

        Assert.True(problem.Code == "MT2007", damage + ": " + problem);
        Assert.StartsWith("not a Word document", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_reads_packages_with_the_same_reader()
    {
        var bomb = Bomb(50 * 1024 * 1024);

        var error = Assert.Throws<InvalidDataException>(() => DocxSnapshot.ToText(bomb));

        Assert.Contains("compression-ratio", error.Message, StringComparison.Ordinal);
    }
}
