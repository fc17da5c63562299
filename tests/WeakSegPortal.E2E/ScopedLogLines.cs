using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WeakSegPortal.E2E;

/// <summary>
/// A logging provider that keeps every line of the in-process portal with its category, formatted message and the
/// key/value pairs of its scopes (the node id and trace context that <c>NodeLogScope</c> puts first), as the JSON console
/// writes them.
/// </summary>
public sealed class ScopedLogLines : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<ScopedLogLine> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<ScopedLogLine> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Recorder(ScopedLogLines owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var scope = new Dictionary<string, string?>();
            owner._scopes?.ForEachScope((s, into) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        into[key] = value?.ToString();
                    }
                }
            }, scope);
            owner._lines.Enqueue(new ScopedLogLine(category, formatter(state, exception), scope));
        }
    }
}
