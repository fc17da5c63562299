namespace WeakSegPortal.Cli;

/// <summary>
/// An input the command cannot use (a wrong model file): exit code 3 like an unreadable image. Commands turn their
/// own libraries' refusals into this, so the dispatcher never names an ML type (weakseg.dll beside the portal has no ML).
/// </summary>
internal sealed class CliRefusedException(string message) : Exception(message);
