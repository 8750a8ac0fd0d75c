using Minutes.Templating.Diagnostics;
using Minutes.Templating.Localization;
using Minutes.Templating.Packaging;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Engine;

/// <summary>Loads a template: reads its package and labels, compiles its parts and checks the names they use.</summary>
internal static class TemplateCompiler
{
    /// <summary>1 once Scriban's built-in functions are being made.</summary>
    private static int s_makingBuiltins;

    /// <summary>Compiles the template in <paramref name="stream"/>; every problem is in the result's diagnostics, none thrown.</summary>
    /// <param name="stream">The template's bytes: a .docx, .dotx or Flat OPC .xml.</param>
    /// <param name="name">The name used in diagnostics.</param>
    /// <param name="labels">A labels file (YAML: language → label → text), or null.</param>
    /// <param name="labelsName">The labels file's name in diagnostics; null for <c>NAME.labels.yaml</c>.</param>
    /// <param name="limits">How much of the template may be read.</param>
    /// <param name="functions">The organisation's own functions the template may call (<see cref="HouseFunctions"/>).</param>
    public static CompiledTemplate Compile(Stream stream, string name, Stream? labels, string? labelsName, ReadLimits limits, IReadOnlyList<TemplateFunction> functions)
    {
        // Scriban's built-in functions are made once per process, by reflection: a fifth of a native `minutes render`
        // of one file. The first template loaded has them made on another core while its package is read and its parts
        // are parsed, which do not need them; checking the names waits for them.
        if (Interlocked.Exchange(ref s_makingBuiltins, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static _ =>
                {
                    try
                    {
                        GC.KeepAlive(WordFunctions.Builtins);
                    }
                    catch (TypeInitializationException)
                    {
                        // Never on a pool thread, where it would end the process: the name check meets it again on the caller's.
                    }
                },
                null);
        }

        var diagnostics = new List<Diagnostic>();
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? templateLabels = null;
        if (labels is not null)
        {
            templateLabels = LabelsFile.Read(labels, labelsName ?? name + ".labels.yaml", limits, diagnostics);
        }

        TemplatePackage package;
        try
        {
            package = TemplatePackage.Read(stream, limits);
        }
        catch (PackageException ex)
        {
            diagnostics.Add(ex.Part is { } part
                ? new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.InvalidTemplatePackage, ex.Message, new SourceLocation(name, Math.Max(1, ex.Line), Math.Max(1, ex.Column)) { Part = part })
                : TemplateDiagnostics.AtFile(name, ex.IsLimit ? DiagnosticCodes.TemplateLimitExceeded : DiagnosticCodes.InvalidTemplatePackage, ex.Message));
            return CompiledTemplate.Failed(templateLabels, diagnostics);
        }

        foreach (var warning in package.Warnings)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Warning,
                warning.Kind == PackageWarningKind.Macros ? DiagnosticCodes.MacrosRemoved : DiagnosticCodes.ExternalLinkRemoved,
                warning.Message,
                new SourceLocation(name, 1, 1) { Part = warning.Part.Length == 0 ? null : warning.Part }));
        }

        var properties = CompiledTemplate.ReadXml(package.Entry(package.PropertiesEntry));
        var description = properties?.Root?.Element(WordNames.Dc + "description")?.Value;
        var parts = new List<CompiledPart>();
        foreach (var part in package.Parts)
        {
            if (PartCompiler.Compile(name, part.EntryName, part.Kind, CompiledTemplate.ReadXml(package.Entry(part.EntryName))!, diagnostics) is { } compiled)
            {
                parts.Add(compiled);
            }
        }

        if (properties is not null
            && PartCompiler.CompileProperties(name, package.PropertiesEntry!, "properties", properties, diagnostics) is { } compiledProperties)
        {
            parts.Add(compiledProperties);
        }

        // A part that does not parse is checked too, as far as Scriban read it: its names are found all the same.
        foreach (var part in parts)
        {
            NameChecker.Check(name, part, diagnostics, [.. functions.Select(f => f.Name)]);
        }

        var numbering = Numbering.Read(CompiledTemplate.ReadXml(package.Entry(package.NumberingEntry)), CompiledTemplate.ReadXml(package.Entry(package.StylesEntry)));
        return new CompiledTemplate(package, parts, numbering, templateLabels, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), diagnostics)
        {
            House = HouseFunctions.Globals(functions),
        };
    }
}
