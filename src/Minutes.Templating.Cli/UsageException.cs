namespace Minutes.Templating.Cli;

/// <summary>
/// Mistakes on the command line found while preparing the work (a missing input, an unknown template,
/// an output that cannot be used); each is reported as one line on standard error, with exit code 2.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException()
        : this("the command line is wrong")
    {
    }

    public UsageException(string message)
        : base(message) => Problems = [message];

    public UsageException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public UsageException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Each problem found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
