namespace Minutes.Templating.Cli;

/// <summary>The exit codes of the minutes command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>An input or the template is invalid; the diagnostics are on standard error.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line is wrong: an unknown option, a missing argument, a file that does not exist.</summary>
    public const int Usage = 2;
}
