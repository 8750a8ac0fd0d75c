using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using Minutes.Templating.Diagnostics;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;
using Xunit.Abstractions;

namespace Minutes.Templating.Tests.Properties;

/// <summary>
/// Random damage to valid minutes and to the built-in templates gives diagnostics, never an exception: from
/// <see cref="MinutesParser"/>, <see cref="WordTemplate.Load(Stream, string)"/> and <see cref="WordTemplate.Render"/>.
/// A failure prints the seed that reproduces it (<c>CsCheck_Seed</c>).
/// </summary>
public sealed partial class MutationProperties(ITestOutputHelper output)
{
    private static readonly string MinutesPath = Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "mutated.yaml");

    /// <summary>The example minutes and the kitchen sink, beside the generated ones, to start from.</summary>
    private static readonly string[] ValidFiles =
        [.. Repository.Examples().Append(Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "kitchen-sink.yaml")).Select(File.ReadAllText)];

    private static readonly Lazy<WordTemplate> Verslag = new(() => WordTemplate.BuiltIn("verslag"));

    private static readonly Lazy<Dictionary<string, string>> FlatTemplates = new(() => WordTemplate.BuiltInNames.ToDictionary(
        n => n,
        n => File.ReadAllText(Path.Combine(Repository.Root, "templates", n, n + ".xml")),
        StringComparer.Ordinal));

    /// <summary>The minutes the damaged templates render: the kitchen sink, which sets every key.</summary>
    private static readonly Lazy<Model.MinutesDocument> KitchenSink = new(() =>
        MinutesParser.ParseFile(Path.Combine(Repository.Root, "tests", "Minutes.Templating.Tests", "TemplateModel", "kitchen-sink.yaml")).Document!);

    private static readonly string[] RandomLines =
    [
        "foo: bar", "agendaa:", "- x", "  - ", "? complex", ": value", "<<: *anchor", "&a b: c", "*alias", "!!binary AAAA", "---", "...",
        "%YAML 1.2", "meeting: {", "points: [", "  title: \"unclosed", "'", "\"", "\t- tab", "vote: { for: -1 }", "number: ~", "due: 2023-02-30",
        "start: \"25:61\"", "image: ../etc/passwd", "redact: 9.9.9z", "minutes: 2", "language: not_a_tag", "- text: \"[[x|\"", "- text: \"^[\"",
        "- table: { rows: [[1, 2], [3]] }", "{{ x }}", "{% raw %}", "# comment",
    ];

    private static readonly string[] Fragments =
        ["\0", "\u0001", "\uFEFF", "\uFFFE", "\uD800", "\r", "\n", "\t", ":", "- ", "{", "}", "[", "]", "\"", "'", "&", "*", "!", "|", ">", "#", "%", "@", "`", "{{", "}}", "\\", "\u2028", "😀"];

    /// <summary>One change to a text's lines or characters.</summary>
    private static readonly Gen<Func<string, string>> TextMutation = Gen.Frequency<Func<string, string>>(
        (2, Gen.Int.Positive.Select(i => Lines(l => l.RemoveAt(i % l.Count)))),
        (2, Gen.Int.Positive.Select(i => Lines(l => l.Insert(i % l.Count, l[i % l.Count])))),
        (2, Gen.Select(Gen.Int.Positive, Gen.Int.Positive, (i, j) => Lines(l => (l[i % l.Count], l[j % l.Count]) = (l[j % l.Count], l[i % l.Count])))),
        (2, Gen.Select(Gen.Int.Positive, Gen.Int[-4, 4], (i, d) => Lines(l => l[i % l.Count] = Indent(l[i % l.Count], d)))),
        (1, Gen.Int.Positive.Select(i => Lines(l => l[i % l.Count] = "\t" + l[i % l.Count]))),
        (2, Gen.Select(Gen.Int.Positive, Gen.OneOf(RandomLines), Gen.Int[0, 8], (i, line, indent) => Lines(l => l.Insert(i % l.Count, new string(' ', indent) + line)))),
        (3, Gen.Select(Gen.Int.Positive, Gen.OneOf(Fragments), (i, f) => (Func<string, string>)(s => s.Insert(i % (s.Length + 1), f)))),
        (1, Gen.Select(Gen.Int.Positive, Gen.String[Gen.Char[(char)0, (char)0xFFFF], 1, 8], (i, f) => (Func<string, string>)(s => s.Insert(i % (s.Length + 1), f)))),
        (1, Gen.Int.Positive.Select(i => (Func<string, string>)(s => s[..(i % (s.Length + 1))]))));

    [Fact]
    public void Damaged_minutes_give_diagnostics_never_exceptions()
    {
        var source = Gen.Frequency<string>((2, MinutesGen.Minutes.Select(m => m.ToYaml())), (1, Gen.OneOf(ValidFiles)));
        Gen.Select(source, TextMutation.Array[1, 4], Gen.Bool).Sample(
            (yaml, mutations, render) =>
            {
                var damaged = mutations.Aggregate(yaml, (text, mutate) => mutate(text));
                var parsed = MinutesParser.Parse(damaged, MinutesPath);
                AssertDiagnosed(parsed.HasErrors, parsed.Diagnostics, parsed.Document is not null);

                // The same text as bytes (lone surrogates become replacement characters), through the stream reader.
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(damaged));
                var fromStream = MinutesParser.Parse(stream, MinutesPath);
                AssertDiagnosed(fromStream.HasErrors, fromStream.Diagnostics, fromStream.Document is not null);

                if (render && parsed.Document is { } minutes)
                {
                    var result = Verslag.Value.Render(minutes, new RenderOptions { Mode = RenderMode.Publication });
                    AssertDiagnosed(!result.Succeeded, result.Diagnostics, result.Succeeded);
                }
            },
            writeLine: output.WriteLine,
            iter: RenderingProperties.Iterations(150),
            print: t => Apply(t.Item1, t.Item2));
    }

    [Fact]
    public void Damaged_minutes_bytes_give_diagnostics_never_exceptions()
    {
        Gen.Select(Gen.OneOf(ValidFiles), Gen.Select(Gen.Int.Positive, Gen.Byte, (i, b) => (i, b)).Array[1, 8], Gen.Int.Positive).Sample(
            (yaml, changes, cut) =>
            {
                var bytes = Encoding.UTF8.GetBytes(yaml);
                foreach (var (i, b) in changes)
                {
                    bytes[i % bytes.Length] = b;
                }

                using var stream = new MemoryStream(bytes, 0, 1 + (cut % bytes.Length));
                var parsed = MinutesParser.Parse(stream, MinutesPath);
                AssertDiagnosed(parsed.HasErrors, parsed.Diagnostics, parsed.Document is not null);
            },
            writeLine: output.WriteLine,
            iter: RenderingProperties.Iterations(150));
    }

    /// <summary>Changes to a template's Flat OPC text that break tags, blocks, XML and parts.</summary>
    private static readonly Gen<Func<string, string>> TemplateMutation = Gen.Frequency<Func<string, string>>(
        (3, Gen.Int.Positive.Select(i => AtMatch(TagClose(), i, (s, m) => s.Remove(m.Index, m.Length)))),
        (2, Gen.Int.Positive.Select(i => AtMatch(TagOpen(), i, (s, m) => s.Remove(m.Index, m.Length)))),
        (3, Gen.Select(Gen.Int.Positive, Gen.OneOf("{{ end }}", "{{ else }}", "{{ if meeting.body }}", "{{ for p in agenda }}", "{{", "}}", "{{ }}", "{{ x.y.z }}", "{{ meeting.body | string.nope }}", "{{ 1/0 }}", "{{ func f; f; end; f }}", "{{ import 'x' }}", "{{ include 'x' }}", "{{ while true; end }}", "{{ word.list_level 99 }}", "{{ a = 'x' * 100000000 }}", "{{ meeting.date.year }}", "{{ \u201Cx\u201D }}", "{{ end"),
            (i, tag) => AtMatch(TextStart(), i, (s, m) => s.Insert(m.Index + m.Length, tag)))),
        (2, Gen.Select(Gen.Int.Positive, Gen.OneOf("meeting.nope", "agenda[0].title", "1 +", "for", "end end", "labels.nope", "'unclosed", "|> x", "meeting.body.text.length", "$0", "this", "@x"),
            (i, expression) => AtMatch(Tag(), i, (s, m) => s.Remove(m.Index, m.Length).Insert(m.Index, "{{ " + expression + " }}")))),
        (2, Gen.Select(Gen.Int.Positive, Gen.OneOf("<", ">", "&", "</w:p>", "<w:p>", "<w:r><w:t>", "]]>", "\"", "<!--", "&nope;", "\0", "<pkg:part>", "</pkg:xmlData>"),
            (i, junk) => (Func<string, string>)(s => s.Insert(Body(s, i), junk)))),
        (1, Gen.Int.Positive.Select(i => (Func<string, string>)(s => Body(s, i) is var at && at < s.Length ? s.Remove(at, 1) : s))),
        (1, Gen.Int.Positive.Select(i => AtMatch(Paragraph(), i, (s, m) => s.Remove(m.Index, m.Length)))),
        (1, Gen.Int.Positive.Select(i => AtMatch(Paragraph(), i, (s, m) => s.Insert(m.Index, m.Value)))),
        (2, Gen.Select(Gen.Int.Positive, Gen.OneOf("/word/document.xml", "/word/document2.xml", "/word/styles.xml", "/word/numbering.xml", "/word/header1.xml", "/word/x.xml", "/../evil.xml", "/word/media/logo.png", "", "/"),
            (i, name) => AtMatch(PartName(), i, (s, m) => s.Remove(m.Index, m.Length).Insert(m.Index, "pkg:name=\"" + name + "\"")))),
        (1, Gen.Int.Positive.Select(i => AtMatch(ContentType(), i, (s, m) => s.Remove(m.Index, m.Length).Insert(m.Index, "pkg:contentType=\"text/plain\"")))),
        (1, Gen.Int.Positive.Select(i => AtMatch(Part(), i, (s, m) => s.Remove(m.Index, m.Length)))),
        (1, Gen.Int.Positive.Select(i => (Func<string, string>)(s => s[..(i % (s.Length + 1))]))));

    [Fact]
    public void Damaged_templates_give_diagnostics_never_exceptions()
    {
        Gen.Select(Gen.OneOf([.. WordTemplate.BuiltInNames]), TemplateMutation.Array[1, 3], Gen.Bool, Gen.Bool).Sample(
            (name, mutations, asDocx, publication) =>
            {
                var flat = mutations.Aggregate(FlatTemplates.Value[name], (text, mutate) => mutate(text));
                var bytes = asDocx ? AsDocx(flat) : Encoding.UTF8.GetBytes(flat);
                Load(bytes, asDocx ? name + ".docx" : name + ".xml", publication);
            },
            writeLine: output.WriteLine,
            iter: RenderingProperties.Iterations(40),
            print: t => $"{t.Item1} as {(t.Item3 ? "docx" : "Flat OPC")}, {(t.Item4 ? "publication" : "internal")}: " + Changed(FlatTemplates.Value[t.Item1], t.Item2.Aggregate(FlatTemplates.Value[t.Item1], (text, mutate) => mutate(text))));
    }

    /// <summary>Changes to a template's .docx package: entries renamed, removed, duplicated, or their bytes changed.</summary>
    [Fact]
    public void Damaged_template_packages_give_diagnostics_never_exceptions()
    {
        var mutation = Gen.Frequency<Func<List<(string Name, byte[] Data)>, List<(string Name, byte[] Data)>>>(
            (2, Gen.Select(Gen.Int.Positive, Gen.OneOf("word/document.xml", "word/Document.xml", "word/styles.xml", "word/x.xml", "[Content_Types].xml", "_rels/.rels", "../x.xml", "/word/document.xml", "word\\document.xml", "word/document.xml/"),
                (i, to) => Entries(e => e[i % e.Count] = (to, e[i % e.Count].Data)))),
            (2, Gen.Int.Positive.Select(i => Entries(e => e.RemoveAt(i % e.Count)))),
            (1, Gen.Int.Positive.Select(i => Entries(e => e.Add(e[i % e.Count])))),
            (2, Gen.Select(Gen.Int.Positive, Gen.Int.Positive, Gen.Byte, (i, j, b) => Entries(e =>
            {
                var data = (byte[])e[i % e.Count].Data.Clone();
                if (data.Length > 0)
                {
                    data[j % data.Length] = b;
                }

                e[i % e.Count] = (e[i % e.Count].Name, data);
            }))),
            (2, Gen.Select(Gen.Int.Positive, TemplateMutation, (i, mutate) => Entries(e =>
            {
                var index = e.FindIndex(x => x.Name == "word/document.xml");
                if (index >= 0)
                {
                    e[index] = (e[index].Name, Encoding.UTF8.GetBytes(mutate(Encoding.UTF8.GetString(e[index].Data))));
                }
            }))));
        Gen.Select(Gen.OneOf([.. WordTemplate.BuiltInNames]), mutation.Array[1, 3], Gen.Int.Positive, Gen.Int[0, 3].Select(n => n == 0)).Sample(
            (name, mutations, zipDamage, damageZip) =>
            {
                var entries = mutations.Aggregate(Entries(AsDocx(FlatTemplates.Value[name])), (e, mutate) => mutate(e));
                var bytes = Zip(entries);
                if (damageZip)
                {
                    // A byte of the zip itself (headers, directory, compressed data).
                    bytes[zipDamage % bytes.Length] ^= (byte)(1 + (zipDamage >> 8) % 255);
                }

                Load(bytes, name + ".docx", publication: false);
            },
            writeLine: output.WriteLine,
            iter: RenderingProperties.Iterations(40));
    }

    /// <summary>Loads and renders a damaged template: problems must come as diagnostics.</summary>
    private static void Load(byte[] bytes, string name, bool publication)
    {
        using var stream = new MemoryStream(bytes);
        var template = WordTemplate.Load(stream, name);
        if (template.HasErrors)
        {
            Assert.All(template.Diagnostics, d => Assert.StartsWith(name, d.Location.File, StringComparison.Ordinal));
            return;
        }

        var result = template.Render(KitchenSink.Value, new RenderOptions { Mode = publication ? RenderMode.Publication : RenderMode.Internal });
        AssertDiagnosed(!result.Succeeded, result.Diagnostics, result.Succeeded);
        if (result.Succeeded)
        {
            Assert.NotEmpty(result.ToArray());
        }
    }

    /// <summary>A failure has at least one error, each diagnostic a place and a code; a success has no error.</summary>
    private static void AssertDiagnosed(bool failed, IReadOnlyList<Diagnostic> diagnostics, bool hasResult)
    {
        Assert.Equal(failed, diagnostics.Any(d => d.IsError));
        Assert.Equal(!failed, hasResult);
        foreach (var diagnostic in diagnostics)
        {
            Assert.True(diagnostic.Location.Line >= 1 && diagnostic.Location.Column >= 1, diagnostic.ToString());
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), diagnostic.ToString());
            Assert.DoesNotContain('\n', diagnostic.ToString());
        }
    }

    /// <summary>Where a damaged text first differs from the original, with some text around it.</summary>
    private static string Changed(string original, string damaged)
    {
        var first = 0;
        while (first < original.Length && first < damaged.Length && original[first] == damaged[first])
        {
            first++;
        }

        var start = Math.Max(0, first - 120);
        return $"first change at {first} of {damaged.Length}: …{damaged.Substring(start, Math.Min(damaged.Length - start, 300))}…";
    }

    private static string Apply(string yaml, Func<string, string>[] mutations) =>
        "--- damaged:\n" + mutations.Aggregate(yaml, (text, mutate) => mutate(text));

    private static Func<string, string> Lines(Action<List<string>> change) => text =>
    {
        var lines = text.Split('\n').ToList();
        change(lines);
        return string.Join('\n', lines);
    };

    /// <summary>The line indented by <paramref name="change"/> more spaces, or fewer when negative.</summary>
    private static string Indent(string line, int change)
    {
        var leading = line.Length - line.TrimStart(' ').Length;
        return change >= 0 ? new string(' ', change) + line : line[Math.Min(leading, -change)..];
    }

    private static Func<string, string> AtMatch(Regex regex, int choice, Func<string, Match, string> change) => text =>
    {
        var matches = regex.Matches(text);
        return matches.Count == 0 ? text : change(text, matches[choice % matches.Count]);
    };

    private static Func<List<(string Name, byte[] Data)>, List<(string Name, byte[] Data)>> Entries(Action<List<(string Name, byte[] Data)>> change) => entries =>
    {
        var copy = entries.ToList();
        if (copy.Count > 0)
        {
            change(copy);
        }

        return copy;
    };

    /// <summary>A position inside the package's parts, past the XML declaration and the package element.</summary>
    private static int Body(string text, int choice)
    {
        var start = Math.Min(text.Length, Math.Max(0, text.IndexOf("<pkg:part", StringComparison.Ordinal)));
        return start + (choice % (text.Length - start + 1));
    }

    private static byte[] AsDocx(string flat)
    {
        try
        {
            using var output = new MemoryStream();
            using (WordprocessingDocument.FromFlatOpcString(flat, output, isEditable: true))
            {
            }

            return output.ToArray();
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or OpenXmlPackageException or InvalidOperationException or ArgumentException or IOException or InvalidDataException or UriFormatException or NullReferenceException or FormatException)
        {
            // The damage broke the Flat OPC itself, so the SDK cannot make a package of it: load the text as it is.
            return Encoding.UTF8.GetBytes(flat);
        }
    }

    private static List<(string Name, byte[] Data)> Entries(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        })];
    }

    private static byte[] Zip(List<(string Name, byte[] Data)> entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(data);
            }
        }

        return output.ToArray();
    }

    [GeneratedRegex(@"\}\}")]
    private static partial Regex TagClose();

    [GeneratedRegex(@"\{\{")]
    private static partial Regex TagOpen();

    [GeneratedRegex(@"\{\{[^{}]*\}\}")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<w:t(?: [^>]*)?>")]
    private static partial Regex TextStart();

    [GeneratedRegex(@"<w:p[ >].*?</w:p>", RegexOptions.Singleline)]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"pkg:name=""[^""]*""")]
    private static partial Regex PartName();

    [GeneratedRegex(@"pkg:contentType=""[^""]*""")]
    private static partial Regex ContentType();

    [GeneratedRegex(@"<pkg:part .*?</pkg:part>", RegexOptions.Singleline)]
    private static partial Regex Part();
}
