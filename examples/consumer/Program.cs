// Renders minutes to a Word document through the Minutes.Templating package:
//   dotnet run -- [MINUTES.yaml] [OUTPUT.docx]
// By default, from the repository's root, its example minutes to out-consumer/lrt-2023-04-21.docx.
using System.Reflection;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;

var input = args.Length > 0 ? args[0] : "examples/lrt-2023-04-21.yaml";
var output = args.Length > 1 ? args[1] : "out-consumer/lrt-2023-04-21.docx";

var parsed = MinutesParser.ParseFile(input);
foreach (var diagnostic in parsed.Diagnostics)
{
    Console.Error.WriteLine(diagnostic);
}

if (parsed.Document is null)
{
    return 1;
}

var template = WordTemplate.BuiltIn("verslag");
var result = template.Render(parsed.Document);
foreach (var diagnostic in result.Diagnostics)
{
    Console.Error.WriteLine(diagnostic);
}

if (!result.Succeeded)
{
    return 1;
}

result.Save(output);
var library = typeof(WordTemplate).Assembly;
var version = library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
Console.WriteLine($"rendered {input} -> {output} ({new FileInfo(output).Length} bytes) with Minutes.Templating {version} from {library.Location}");
return 0;
