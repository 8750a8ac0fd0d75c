using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Minutes.Templating.Cli;

/// <summary>
/// The minutes command line: parses the arguments, runs the command they name, and turns every outcome
/// into an exit code (0 done, 1 invalid input or template, 2 wrong command line).
/// </summary>
internal static class CliApp
{
    /// <summary>The example shown in the help of each command, keyed by the command's name.</summary>
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        ["render"] =
        [
            "minutes render examples/lrt-2023-04-21.yaml -o out/",
            "minutes render minutes/ 'archive/**/*.yaml' -t house-style.dotx -o out/",
            "minutes render minutes/ -o out/ --format json > diagnostics.json",
            "minutes render examples/lrt-2023-04-21.yaml --mode both -o out/",
            "minutes render minutes/ -o out/ --pdf",
            "minutes render 'archive/**/*.yaml' -o out/ --keep-structure",
        ],
        ["validate"] = ["minutes validate examples/lrt-2023-04-21.yaml"],
        ["schema"] = ["minutes schema > minutes.schema.json"],
        ["template"] = ["minutes template init verslag house-style/", "minutes template check house-style/"],
        ["list"] = ["minutes template list"],
        ["init"] = ["minutes template init verslag house-style/", "minutes render minutes.yaml --template house-style/ -o out/"],
        ["check"] = ["minutes template check house-style.docx", "minutes template check verslag"],
        ["snapshot"] = ["minutes snapshot out/lrt-2023-04-21.docx > lrt-2023-04-21.snap"],
        ["compare"] =
        [
            "minutes compare draft.yaml amended.yaml -o amended-changes.docx",
            "minutes compare draft.yaml amended.yaml -t minutes --author 'Secretariat' --mode publication",
        ],
    };

    /// <summary>Runs the command line <paramref name="args"/>.</summary>
    /// <param name="args">The arguments, without the program's name.</param>
    /// <param name="stdout">Where results, help and the version go.</param>
    /// <param name="stderr">Where diagnostics and errors go.</param>
    /// <returns>The process's exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var reporter = new Reporter(stdout, stderr)
        {
            Interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
        };
        try
        {
            var root = BuildCommand(reporter);
            var parseResult = root.Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                foreach (var error in parseResult.Errors)
                {
                    reporter.CommandError(error.Message);
                }

                stderr.WriteLine($"Run '{CommandPath(parseResult.CommandResult.Command)} --help' for usage.");
                return ExitCodes.Usage;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (UsageException e)
        {
            foreach (var problem in e.Problems)
            {
                reporter.CommandError(problem);
            }

            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // The last line of defence: a message and exit code 1, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reporter.CommandError(e.Message);
            return ExitCodes.InvalidInput;
        }
    }

    /// <summary>Builds the command tree; each action writes through <paramref name="reporter"/>.</summary>
    internal static RootCommand BuildCommand(Reporter reporter)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Minutes files (.yaml, .yml), directories holding them, or patterns such as 'minutes/**/*.yaml'.",
            Arity = ArgumentArity.OneOrMore,
        };
        files.Validators.Add(RejectUnknownOptions);
        var template = new Option<string>("--template", "-t")
        {
            Description = $"A built-in template ({string.Join(", ", Rendering.WordTemplate.BuiltInNames)}) or the path of a .docx, .dotx or Flat OPC .xml template or of a template folder. A built-in name wins over a folder of that name; write ./NAME for the folder. Default: {TemplateResolver.DefaultName}.",
            HelpName = "NAME|PATH",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where to write: a directory (each input becomes NAME.docx in it) or, for one input, a .docx file (or a .pdf file: the PDF alone). Default: next to each input.",
            HelpName = "FILE|DIR",
        };

        var mode = new Option<string>("--mode")
        {
            Description = "Which version to write: internal (every name printed, withheld text marked with its ground), publication (under the Woo: withheld text and names replaced by their ground, written as NAME.publication.docx) or both.",
            HelpName = "internal|publication|both",
            DefaultValueFactory = _ => "internal",
        };
        mode.AcceptOnlyFromAmong(ModeNames);
        var language = new Option<string>("--language")
        {
            Description = "A BCP 47 language tag (nl, en, en-GB) for the labels and dates, instead of each document's own language.",
            HelpName = "TAG",
        };

        var pdf = new Option<bool>("--pdf")
        {
            Description = $"Also write a PDF/A-2b beside each document (NAME.pdf), converted by LibreOffice (soffice on PATH, or where {Pdf.PdfConverter.SofficeVariable} points). With --mode both, each version gets its PDF; with -o FILE.pdf and one input, only the PDF is written.",
        };

        var keepStructure = new Option<bool>("--keep-structure")
        {
            Description = "With -o DIR, write each document below DIR at its input's path relative to the argument it was found through (for 'archive/**/*.yaml', archive/2024/03/minutes.yaml becomes DIR/2024/03/minutes.docx), creating folders as needed. Without it, every document goes directly into DIR, and two inputs of one name are refused.",
        };

        var format = FormatOption();
        var limit = LimitOption(renders: true);
        var render = new Command("render", "Render minutes into Word documents (.docx). A file with errors is not written; the others still are.");
        render.Arguments.Add(files);
        render.Options.Add(template);
        render.Options.Add(output);
        render.Options.Add(mode);
        render.Options.Add(language);
        render.Options.Add(pdf);
        render.Options.Add(keepStructure);
        render.Options.Add(format);
        render.Options.Add(limit);
        render.SetAction(result =>
        {
            reporter.Format = Reporter.ParseFormat(result.GetValue(format));
            var (readLimits, renderLimits) = ParseLimits(result.GetValue(limit), renders: true);
            return RenderCommand.Run(
                result.GetRequiredValue(files),
                result.GetValue(template),
                result.GetValue(output),
                reporter,
                modes: ParseModes(result.GetValue(mode)),
                language: result.GetValue(language),
                pdf: result.GetValue(pdf),
                limits: readLimits,
                keepStructure: result.GetValue(keepStructure),
                renderLimits: renderLimits);
        });

        var validateFiles = new Argument<string[]>("FILE")
        {
            Description = files.Description,
            Arity = ArgumentArity.OneOrMore,
        };
        validateFiles.Validators.Add(RejectUnknownOptions);
        var validate = new Command("validate", "Check minutes against the YAML contract without rendering, and print every problem found.");
        validate.Arguments.Add(validateFiles);
        var validateFormat = FormatOption();
        validate.Options.Add(validateFormat);
        var validateLimit = LimitOption(renders: false);
        validate.Options.Add(validateLimit);
        validate.SetAction(result =>
        {
            reporter.Format = Reporter.ParseFormat(result.GetValue(validateFormat));
            return ValidateCommand.Run(result.GetRequiredValue(validateFiles), reporter, ParseLimits(result.GetValue(validateLimit)));
        });

        var schema = new Command("schema", "Print the JSON Schema of the minutes YAML contract, for editors and other tools.");
        schema.SetAction(_ => SchemaCommand.Run(reporter));

        var checkedTemplate = new Argument<string>("TEMPLATE")
        {
            Description = "A built-in template name or the path of a .docx, .dotx or Flat OPC .xml template.",
        };
        var check = new Command("check", "Check a template without any minutes: tag syntax, block placement, and names the minutes model does not have.");
        check.Arguments.Add(checkedTemplate);
        var checkLimit = LimitOption(renders: false);
        check.Options.Add(checkLimit);
        check.SetAction(result => TemplateCheckCommand.Run(result.GetRequiredValue(checkedTemplate), reporter, ParseLimits(result.GetValue(checkLimit))));
        var list = new Command("list", "List the built-in templates, one line each.");
        list.SetAction(_ => TemplateCommands.List(reporter));
        var initName = new Argument<string>("NAME") { Description = "The built-in template to start from: " + string.Join(", ", Rendering.WordTemplate.BuiltInNames) + "." };
        var initDirectory = new Argument<string>("DIR") { Description = "The folder to write the template (.docx) and its labels (labels.yaml) into." };
        var init = new Command("init", "Write a built-in template as a .docx, with its labels, into a folder to make it your organisation's.");
        init.Arguments.Add(initName);
        init.Arguments.Add(initDirectory);
        init.SetAction(result => TemplateCommands.Init(result.GetRequiredValue(initName), result.GetRequiredValue(initDirectory), reporter));
        var templates = new Command("template", "Work with Word templates: list the built-in ones, start your own, check one.");
        templates.Subcommands.Add(list);
        templates.Subcommands.Add(init);
        templates.Subcommands.Add(check);

        var root = new RootCommand("Turns meeting minutes written in YAML into house-style Word documents.")
        {
            HelpName = Reporter.CommandName,
        };
        root.Subcommands.Add(render);
        root.Subcommands.Add(validate);
        root.Subcommands.Add(schema);
        root.Subcommands.Add(templates);
        root.Subcommands.Add(SnapshotCommand.Create(reporter));
        root.Subcommands.Add(CompareCommand.Create(reporter, LimitOption(renders: true)));

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                help.Action = new HelpWithExamplesAction(action);
            }
        }

        return root;
    }

    /// <summary>The values <c>--mode</c> accepts.</summary>
    private static readonly string[] ModeNames = ["internal", "publication", "both"];

    /// <summary>The versions a <c>--mode</c> value asks for, internal first.</summary>
    private static IReadOnlyList<Rendering.RenderMode> ParseModes(string? value) => value switch
    {
        "publication" => [Rendering.RenderMode.Publication],
        "both" => [Rendering.RenderMode.Internal, Rendering.RenderMode.Publication],
        _ => [Rendering.RenderMode.Internal],
    };

    /// <summary>What <c>--limit</c> says of the read limits, and their defaults.</summary>
    private const string ReadLimitsHelp = "Read limits (sizes in bytes, or with KiB, MiB or GiB; default): minutes-size (4MiB), template-size (64MiB), template-entries (2000), part-size (64MiB), unpacked-size (256MiB), compression-ratio (100).";

    /// <summary>What <c>--limit</c> says of the render limits, and their defaults.</summary>
    private const string RenderLimitsHelp = " Render limits (sizes in characters, or with KiB or MiB; times in milliseconds, or with ms, s or min; default): work (1000000 steps, and 1 more for each 8 characters written), loop-iterations (100000), recursion-depth (64), string-size (1MiB), output-size (32MiB), regex-time (1s), time (10min).";

    /// <summary>
    /// The <c>--limit NAME=VALUE</c> option, which raises (or lowers) one of the read limits and, for a command that
    /// renders (<paramref name="renders"/>), of the render limits too; it may be repeated.
    /// </summary>
    private static Option<string[]> LimitOption(bool renders) => new("--limit")
    {
        Description = (renders ? "Change a limit on what is read or on the work of a rendering" : "Change a limit on what is read")
            + ", as NAME=VALUE; may be repeated. " + ReadLimitsHelp + (renders ? RenderLimitsHelp : string.Empty),
        HelpName = "NAME=VALUE",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The read limits with every <c>--limit NAME=VALUE</c> applied, for a command that does not render.</summary>
    /// <exception cref="UsageException">A value is not NAME=VALUE, names no read limit, or is not a positive number.</exception>
    internal static ReadLimits ParseLimits(string[]? values) => ParseLimits(values, renders: false).Read;

    /// <summary>The read and render limits with every <c>--limit NAME=VALUE</c> applied.</summary>
    /// <param name="values">The option's values.</param>
    /// <param name="renders">True for a command that renders, which takes the render limits' names too.</param>
    /// <exception cref="UsageException">A value is not NAME=VALUE, names no limit the command has, or is not a positive number in a unit the limit takes.</exception>
    internal static (ReadLimits Read, RenderLimits Render) ParseLimits(string[]? values, bool renders)
    {
        var read = ReadLimits.Default;
        var render = RenderLimits.Default;
        var names = renders ? [.. ReadLimits.Names, .. RenderLimits.Names] : ReadLimits.Names;
        var problems = new List<string>();
        foreach (var value in values ?? [])
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? value : value[..equals].Trim();
            if (equals < 0 || !names.Contains(name))
            {
                var other = !renders && RenderLimits.Names.Contains(name) ? $" ({name} limits a rendering, which this command does not do)" : string.Empty;
                problems.Add($"--limit {value}: give NAME=VALUE, where NAME is one of {string.Join(", ", names)}{other}");
                continue;
            }

            var isRender = RenderLimits.Names.Contains(name);
            var time = isRender && RenderLimits.IsTime(name);
            var units = time
                ? new[] { ("ms", 1L), ("min", 60_000L), ("s", 1000L) }
                : isRender ? [("KiB", 1024L), ("MiB", 1024L * 1024)] : [("KiB", 1024L), ("MiB", 1024L * 1024), ("GiB", 1024L * 1024 * 1024)];
            var number = value[(equals + 1)..].Trim();
            long factor = 1;
            foreach (var (suffix, size) in units)
            {
                if (number.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    number = number[..^suffix.Length].Trim();
                    factor = size;
                    break;
                }
            }

            if (!long.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed <= 0 || parsed > long.MaxValue / factor)
            {
                var unitNames = string.Join(", ", units.Select(u => u.Item1));
                problems.Add(time
                    ? $"--limit {value}: the value must be a positive whole number of milliseconds, or with {unitNames}"
                    : $"--limit {value}: the value must be a positive whole number, optionally with {unitNames}");
                continue;
            }

            try
            {
                if (isRender)
                {
                    render = render.With(name, parsed * factor);
                }
                else
                {
                    read = read.With(name, parsed * factor);
                }
            }
            catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
            {
                problems.Add($"--limit {value}: the value is too large for {name}");
            }
        }

        return problems.Count > 0 ? throw new UsageException(problems) : (read, render);
    }

    /// <summary>The <c>--format</c> option of <c>render</c> and <c>validate</c>.</summary>
    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format")
        {
            Description = "How diagnostics are reported: text (lines on standard error) or json (one JSON object on standard output: diagnostics, an array of {file, line, column, severity, code, message}, and, for render, documents: an array of {file, output, version}; the other messages go to standard error).",
            HelpName = "text|json",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Reporter.FormatNames);
        return format;
    }

    /// <summary>
    /// A FILE argument that starts with a dash and names nothing on disk is an option this command does not know
    /// (the parser would otherwise take it for a file name). A file whose name starts with a dash can still be
    /// given after <c>--</c> or as <c>./-name.yaml</c>.
    /// </summary>
    private static void RejectUnknownOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            var value = token.Value;
            if (value.Length > 1 && value[0] == '-' && !File.Exists(value) && !Directory.Exists(value))
            {
                result.AddError($"Unrecognized option '{value}'.");
            }
        }
    }

    /// <summary>The examples for <paramref name="command"/>: its own, or the first of each command's for the root.</summary>
    internal static IReadOnlyList<string> ExamplesFor(Command command) =>
        command is RootCommand
            ? [.. Examples.Values.Select(lines => lines[0]).Distinct(StringComparer.Ordinal)]
            : Examples.GetValueOrDefault(command.Name, []);

    private static string CommandPath(Command command) =>
        command is RootCommand ? Reporter.CommandName : $"{Reporter.CommandName} {(command.Parents.OfType<Command>().FirstOrDefault() is { } parent and not RootCommand ? parent.Name + " " : string.Empty)}{command.Name}";
}
