namespace Minutes.Templating.Cli;

/// <summary><c>minutes template check</c>: checks a template without any minutes.</summary>
internal static class TemplateCheckCommand
{
    /// <summary>Loads the template and reports every problem in it, unknown names included.</summary>
    /// <param name="template">A built-in name or the path of a template file.</param>
    /// <param name="reporter">Where messages go.</param>
    /// <param name="limits">How much of the template may be read (<c>--limit</c>); null for the defaults.</param>
    /// <returns>The exit code: 1 when the template has errors.</returns>
    /// <exception cref="UsageException">The template is neither a built-in name nor an existing file.</exception>
    public static int Run(string template, Reporter reporter, ReadLimits? limits = null)
    {
        var located = TemplateResolver.Locate(template);
        var loaded = TemplateResolver.Load(located, limits ?? ReadLimits.Default);
        reporter.Diagnostics(loaded.Diagnostics);
        if (loaded.HasErrors)
        {
            var errors = loaded.Diagnostics.Count(d => d.IsError);
            reporter.Error.WriteLine($"{template}: {errors} error{(errors == 1 ? "" : "s")}");
            return ExitCodes.InvalidInput;
        }

        reporter.Out.WriteLine($"ok: {template}");
        return ExitCodes.Success;
    }
}
