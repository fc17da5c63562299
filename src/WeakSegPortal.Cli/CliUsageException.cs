namespace WeakSegPortal.Cli;

/// <summary>The command line itself is wrong; the message says how.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
