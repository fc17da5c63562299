using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>Every log line with its category and the key/value pairs of its scopes, as the JSON console would write them.</summary>
public sealed class ScopedLines : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    /// <summary>One line: its category, message and scope values.</summary>
    public sealed record Line(string Category, string Message, IReadOnlyDictionary<string, object?> Scope);

    public ConcurrentQueue<Line> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Recorder(ScopedLines owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            owner._scopes?.ForEachScope((s, into) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        into[key] = value;
                    }
                }
            }, scope);
            owner.Lines.Enqueue(new Line(category, formatter(state, exception), scope));
        }
    }
}
