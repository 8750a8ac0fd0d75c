using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Minutes.Templating.Cli;

/// <summary>The standard help, followed by a few example command lines for the command asked about.</summary>
internal sealed class HelpWithExamplesAction(HelpAction help) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exitCode = help.Invoke(parseResult);
        var examples = CliApp.ExamplesFor(parseResult.CommandResult.Command);
        if (examples.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine($"  {example}");
            }

            output.WriteLine();
        }

        return exitCode;
    }
}
