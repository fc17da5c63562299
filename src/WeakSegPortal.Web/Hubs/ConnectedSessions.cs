using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// The hub connections open on this node, by user and sign-in, so that signing out, disabling a
/// user or changing their roles closes them at once; <see cref="SessionEndBroadcast"/> asks every
/// node to close its own (and <see cref="HubSessionFilter"/> refuses the next call of any it missed).
/// </summary>
public sealed class ConnectedSessions
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    public void Add(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections[connection.ConnectionId] = connection;
    }

    /// <summary>Hub connections open on this node now (both hubs' signed-in users).</summary>
    public int Count => _connections.Count;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Closes every connection of the user; returns how many.</summary>
    public int CloseUser(Guid userId) => Close(c => c.User?.UserId() == userId);

    /// <summary>Closes every connection of one sign-in; returns how many.</summary>
    public int CloseSession(string sessionId) => Close(c => c.User?.SessionId() == sessionId);

    private int Close(Func<HubCallerContext, bool> which)
    {
        var closed = 0;
        foreach (var connection in _connections.Values.Where(which))
        {
            connection.Abort();
            closed++;
        }
        return closed;
    }
}
