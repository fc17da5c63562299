namespace WeakSegPortal.E2E;

/// <summary>One log line of the in-process portal: its category, its message and its scopes' key/value pairs.</summary>
public sealed record ScopedLogLine(string Category, string Message, IReadOnlyDictionary<string, string?> Scope);
