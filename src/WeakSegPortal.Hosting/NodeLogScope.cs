using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace WeakSegPortal.Hosting;

/// <summary>
/// The outermost scope of every log line: the node id, and the W3C trace and span ids of the current activity when
/// there is one (a suggestion's trace id then reads the same in the web node's and the worker's lines). Registered as
/// the logger factory's <see cref="IExternalScopeProvider"/>; the scopes code opens come after it, as before.
/// </summary>
internal sealed class NodeLogScope(NodeIdentity node) : IExternalScopeProvider
{
    private readonly LoggerExternalScopeProvider _inner = new();

    public void ForEachScope<TState>(Action<object?, TState> callback, TState state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        callback(new NodeScope(node.Id, Activity.Current), state);
        _inner.ForEachScope(callback, state);
    }

    public IDisposable Push(object? state) => _inner.Push(state);
}
