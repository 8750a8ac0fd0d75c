using System.CommandLine;
using Minutes.Templating.Comparison;
using Minutes.Templating.Parsing;
using Minutes.Templating.Rendering;

namespace Minutes.Templating.Cli;

/// <summary>
/// <c>minutes compare OLD NEW</c>: renders the new version of minutes with every difference from the old
/// version as Word revisions (tracked changes), and says what changed.
/// </summary>
internal static class CompareCommand
{
    /// <summary>The ending of the document's name when no <c>--output</c> is given: <c>NEW.changes.docx</c>.</summary>
    public const string Suffix = ".changes";

    /// <summary>The command, its arguments and options, and its action.</summary>
    /// <param name="reporter">Where the summary and messages go.</param>
    /// <param name="limit">The <c>--limit NAME=VALUE</c> option, read and render limits.</param>
    public static Command Create(Reporter reporter, Option<string[]> limit)
    {
        var old = new Argument<string>("OLD") { Description = "The version of the minutes the readers have seen (.yaml)." };
        var @new = new Argument<string>("NEW") { Description = "The amended version (.yaml)." };
        var template = new Option<string>("--template", "-t")
        {
            Description = $"A built-in template ({string.Join(", ", WordTemplate.BuiltInNames)}) or the path of a .docx, .dotx or Flat OPC .xml template. Default: {TemplateResolver.DefaultName}.",
            HelpName = "NAME|PATH",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = $"The .docx to write, or a directory to write NEW{Suffix}.docx into. Default: NEW{Suffix}.docx next to NEW.",
            HelpName = "FILE|DIR",
        };
        var author = new Option<string>("--author")
        {
            Description = $"The name shown as the author of every revision. Default: {ChangeOptions.DefaultAuthor}.",
            HelpName = "NAME",
        };
        var mode = new Option<string>("--mode")
        {
            Description = "Which version of both is compared: internal (every name printed) or publication (withheld names and text left out, also from the deleted text).",
            HelpName = "internal|publication",
            DefaultValueFactory = _ => "internal",
        };
        mode.AcceptOnlyFromAmong("internal", "publication");
        var command = new Command("compare", "Render the new version of minutes with every difference from the old version as Word revisions (tracked changes): accept them all and it is the new version, reject them all and it is the old one.");
        command.Arguments.Add(old);
        command.Arguments.Add(@new);
        command.Options.Add(template);
        command.Options.Add(output);
        command.Options.Add(author);
        command.Options.Add(mode);
        command.Options.Add(limit);
        command.SetAction(result => Run(
            result.GetRequiredValue(old),
            result.GetRequiredValue(@new),
            result.GetValue(template),
            result.GetValue(output),
            result.GetValue(author),
            result.GetValue(mode) == "publication" ? RenderMode.Publication : RenderMode.Internal,
            reporter,
            CliApp.ParseLimits(result.GetValue(limit), renders: true)));
        return command;
    }

    /// <summary>Compares the two files and writes the document with the revisions.</summary>
    /// <returns>The exit code.</returns>
    /// <exception cref="UsageException">An input or the template does not exist, or the output cannot be used.</exception>
    public static int Run(string oldPath, string newPath, string? template, string? output, string? author, RenderMode mode, Reporter reporter, (ReadLimits Read, RenderLimits Render)? limits = null)
    {
        var (readLimits, renderLimits) = limits ?? (ReadLimits.Default, RenderLimits.Default);
        var problems = new[] { oldPath, newPath }.Where(p => !File.Exists(p)).Select(p => Directory.Exists(p) ? $"{p} is a directory; give a minutes file" : $"{p}: no such file").ToList();
        if (problems.Count > 0)
        {
            throw new UsageException(problems);
        }

        if (author is not null && string.IsNullOrWhiteSpace(author))
        {
            throw new UsageException("--author: give a name");
        }

        var target = OutputFor(newPath, output);
        var located = TemplateResolver.Locate(template);
        var oldParsed = MinutesParser.ParseFile(oldPath, readLimits);
        var newParsed = MinutesParser.ParseFile(newPath, readLimits);
        reporter.Diagnostics(oldParsed.Diagnostics);
        reporter.Diagnostics(newParsed.Diagnostics);
        if (oldParsed.Document is null || newParsed.Document is null)
        {
            reporter.Finish();
            return ExitCodes.InvalidInput;
        }

        WordTemplate wordTemplate;
        try
        {
            wordTemplate = TemplateResolver.Load(located, readLimits);
        }
#pragma warning disable CA1031 // Whatever breaks a user's template file is reported against that file.
        catch (Exception e) when (located.Path is not null)
#pragma warning restore CA1031
        {
            reporter.FileError(located.Path, $"cannot load the template: {e.Message}");
            reporter.Finish();
            return ExitCodes.InvalidInput;
        }

        var options = new ChangeOptions { Render = new RenderOptions { Mode = mode, Limits = renderLimits }, Author = author?.Trim() ?? ChangeOptions.DefaultAuthor };
        var result = wordTemplate.RenderChanges(oldParsed.Document, newParsed.Document, options);
        reporter.Diagnostics(result.Diagnostics);
        if (!result.Succeeded)
        {
            reporter.Finish();
            return ExitCodes.InvalidInput;
        }

        result.Document.Save(target);
        reporter.Results.WriteLine($"compared {oldPath} -> {newPath}: {target}");
        reporter.Results.WriteLine(result.Summary.ToString());
        reporter.Finish();
        return ExitCodes.Success;
    }

    private static string OutputFor(string newPath, string? output)
    {
        var name = Path.GetFileNameWithoutExtension(newPath) + Suffix + OutputPaths.Extension;
        if (output is null)
        {
            return Path.Combine(Path.GetDirectoryName(newPath) ?? string.Empty, name);
        }

        if (Directory.Exists(output) || output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar))
        {
            return Path.Combine(output, name);
        }

        if (!string.Equals(Path.GetExtension(output), OutputPaths.Extension, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--output {output}: give a .docx file or a directory");
        }

        return output;
    }
}
