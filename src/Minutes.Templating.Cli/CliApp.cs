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
            Description = $"A built-in template ({string.Join(", ", Rendering.WordTemplate.BuiltInNames)}) or the path of a .docx, .dotx or Flat OPC .xml template. Default: {TemplateResolver.DefaultName}.",
            HelpName = "NAME|PATH",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where to write: a directory (each input becomes NAME.docx in it) or, for one input, a .docx file. Default: next to each input.",
            HelpName = "FILE|DIR",
        };

        var format = FormatOption();
        var render = new Command("render", "Render minutes into Word documents (.docx). A file with errors is not written; the others still are.");
        render.Arguments.Add(files);
        render.Options.Add(template);
        render.Options.Add(output);
        render.Options.Add(format);
        render.SetAction(result =>
        {
            reporter.Format = Reporter.ParseFormat(result.GetValue(format));
            return RenderCommand.Run(result.GetRequiredValue(files), result.GetValue(template), result.GetValue(output), reporter);
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
        validate.SetAction(result =>
        {
            reporter.Format = Reporter.ParseFormat(result.GetValue(validateFormat));
            return ValidateCommand.Run(result.GetRequiredValue(validateFiles), reporter);
        });

        var schema = new Command("schema", "Print the JSON Schema of the minutes YAML contract, for editors and other tools.");
        schema.SetAction(_ => SchemaCommand.Run(reporter));

        var checkedTemplate = new Argument<string>("TEMPLATE")
        {
            Description = "A built-in template name or the path of a .docx, .dotx or Flat OPC .xml template.",
        };
        var check = new Command("check", "Check a template without any minutes: tag syntax, block placement, and names the minutes model does not have.");
        check.Arguments.Add(checkedTemplate);
        check.SetAction(result => TemplateCheckCommand.Run(result.GetRequiredValue(checkedTemplate), reporter));
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
        root.Subcommands.Add(CompareCommand.Create(reporter));

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                help.Action = new HelpWithExamplesAction(action);
            }
        }

        return root;
    }

    /// <summary>The <c>--format</c> option of <c>render</c> and <c>validate</c>.</summary>
    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format")
        {
            Description = "How diagnostics are reported: text (lines on standard error) or json (one JSON array of {file, line, column, severity, code, message} on standard output; the other messages go to standard error).",
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
