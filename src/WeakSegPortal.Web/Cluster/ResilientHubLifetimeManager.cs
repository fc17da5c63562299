using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WeakSegPortal.Web.Cluster;

/// <summary>
/// SignalR's Redis backplane for one hub, kept from taking the node down with Redis. While Redis answers, every push
/// goes through <see cref="RedisHubLifetimeManager{THub}"/> (it reaches a user, group or connection on whichever node
/// holds it, client results included); while it does not, or when a publish fails, the push goes to this node's own
/// connections through <see cref="DefaultHubLifetimeManager{THub}"/>, which knows every connection of this node.
/// A connection joins the backplane all or nothing: when its subscription fails (Redis down, or answering after the
/// command timeout, as on a loaded machine), what was half done is undone and it tries again while it lives, its groups
/// replayed once it is in (<see cref="IBackplaneMembership"/>). Redis may still run the late SUBSCRIBE, so a half-joined
/// connection would count as a receiver while nothing here reads its messages: another node's client result would then
/// wait out its whole timeout.
/// </summary>
public sealed partial class ResilientHubLifetimeManager<THub> : HubLifetimeManager<THub>, IBackplaneMembership, IDisposable
    where THub : Hub
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(15);

    private readonly DefaultHubLifetimeManager<THub> _local;
    private readonly RedisHubLifetimeManager<THub> _shared;
    private readonly RedisLink _link;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, byte> _here = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _sharedKnows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _groups = new(StringComparer.Ordinal);
    private int _degraded;

    /// <inheritdoc />
    public event Action<string>? JoinedLate;

    /// <inheritdoc />
    public bool Reaches(string connectionId) => _sharedKnows.ContainsKey(connectionId);

    public ResilientHubLifetimeManager(IServiceProvider services, RedisLink link, ILogger<ResilientHubLifetimeManager<THub>> log)
    {
        ArgumentNullException.ThrowIfNull(services);
        _link = link;
        _log = log;
        _local = new DefaultHubLifetimeManager<THub>(services.GetRequiredService<ILogger<DefaultHubLifetimeManager<THub>>>());
        _shared = new RedisHubLifetimeManager<THub>(
            services.GetRequiredService<ILogger<RedisHubLifetimeManager<THub>>>(), services.GetRequiredService<IOptions<RedisOptions>>(),
            services.GetRequiredService<IHubProtocolResolver>(), services.GetRequiredService<IOptions<HubOptions>>(),
            services.GetRequiredService<IOptions<HubOptions<THub>>>());
    }

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await _local.OnConnectedAsync(connection);
        _here[connection.ConnectionId] = 0;
        if (!await TryJoinAsync(connection))
        {
            _ = KeepJoiningAsync(connection);
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _here.TryRemove(connection.ConnectionId, out _);
        _groups.TryRemove(connection.ConnectionId, out _);
        await _local.OnDisconnectedAsync(connection);
        if (_sharedKnows.TryRemove(connection.ConnectionId, out _))
        {
            await Quietly(() => _shared.OnDisconnectedAsync(connection), "disconnect");
        }
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        EitherAsync(m => m.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        EitherAsync(m => m.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _here.ContainsKey(connectionId)
            ? _local.SendConnectionAsync(connectionId, methodName, args, cancellationToken)
            : EitherAsync(m => m.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        EitherAsync(m => m.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        EitherAsync(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        EitherAsync(m => m.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        EitherAsync(m => m.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        EitherAsync(m => m.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        EitherAsync(m => m.SendUsersAsync(userIds, methodName, args, cancellationToken));

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await _local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (_here.ContainsKey(connectionId))
        {
            _groups.GetOrAdd(connectionId, _ => new(StringComparer.Ordinal))[groupName] = 0;
        }
        if (_link.IsConnected && _sharedKnows.ContainsKey(connectionId))
        {
            await Quietly(() => _shared.AddToGroupAsync(connectionId, groupName, cancellationToken), "group");
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await _local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        if (_groups.TryGetValue(connectionId, out var groups))
        {
            groups.TryRemove(groupName, out _);
        }
        if (_link.IsConnected && _sharedKnows.ContainsKey(connectionId))
        {
            await Quietly(() => _shared.RemoveFromGroupAsync(connectionId, groupName, cancellationToken), "group");
        }
    }

    /// <summary>A client result: on this node without Redis when the connection is here, else through the backplane to the node holding it.</summary>
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        _here.ContainsKey(connectionId) || !_link.IsConnected
            ? _local.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken)
            : _shared.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    /// <summary>A client's answer goes to the manager that asked: this node's own invocations first, then the backplane's (asked here or elsewhere).</summary>
    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _local.TryGetReturnType(result.InvocationId!, out _)
            ? _local.SetConnectionResultAsync(connectionId, result)
            : _shared.SetConnectionResultAsync(connectionId, result);
    }

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        _local.TryGetReturnType(invocationId, out type) || _shared.TryGetReturnType(invocationId, out type);

    public void Dispose() => _shared.Dispose();

    /// <summary>
    /// Joins the connection to the backplane, all or nothing: on an outage error the half-made subscription is undone.
    /// Known to the backplane first, then its groups so far replayed (adding a group twice is harmless), so that a group
    /// added meanwhile is not missed.
    /// </summary>
    private async Task<bool> TryJoinAsync(HubConnectionContext connection)
    {
        if (!_link.IsConnected)
        {
            return false;
        }
        var id = connection.ConnectionId;
        try
        {
            await _shared.OnConnectedAsync(connection);
            _sharedKnows[id] = 0;
            foreach (var group in _groups.TryGetValue(id, out var groups) ? groups.Keys : [])
            {
                await _shared.AddToGroupAsync(id, group);
            }
        }
        catch (Exception e) when (IsOutage(e))
        {
            LogFellBack(_log, $"{typeof(THub).Name} connect", e.Message);
            _sharedKnows.TryRemove(id, out _);
            await UndoJoinAsync(connection);
            return false;
        }
        if (!_here.ContainsKey(id) && _sharedKnows.TryRemove(id, out _))
        {
            // It closed while joining: OnDisconnectedAsync found nothing to leave.
            await UndoJoinAsync(connection);
            return false;
        }
        return true;
    }

    /// <summary>Tries again, waiting longer each time up to <see cref="LongestRetry"/>, until it joined or the connection ended.</summary>
    private async Task KeepJoiningAsync(HubConnectionContext connection)
    {
        try
        {
            await JoinUntilInAsync(connection);
        }
        catch (Exception e)
        {
            // Run unobserved: anything but an outage (which the loop retries) is logged here rather than lost.
            LogJoinGaveUp(_log, e, typeof(THub).Name, connection.ConnectionId);
        }
    }

    private async Task JoinUntilInAsync(HubConnectionContext connection)
    {
        var wait = FirstRetry;
        var closed = connection.ConnectionAborted;
        for (var attempt = 2; _here.ContainsKey(connection.ConnectionId) && !closed.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(wait, closed);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (!_link.IsConnected)
            {
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
                continue;
            }
            // What the last try left half made goes first, so that nothing stale stays subscribed beside the new subscription.
            if (await UndoJoinAsync(connection) && await TryJoinAsync(connection))
            {
                LogJoinedLate(_log, typeof(THub).Name, connection.ConnectionId, attempt);
                JoinedLate?.Invoke(connection.ConnectionId);
                return;
            }
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
        }
    }

    /// <summary>Leaves the backplane quietly; false when Redis did not answer (the next try undoes again before it joins).</summary>
    private async Task<bool> UndoJoinAsync(HubConnectionContext connection)
    {
        try
        {
            await _shared.OnDisconnectedAsync(connection);
            return true;
        }
        catch (InvalidOperationException)
        {
            // The first try failed before the backplane knew the connection at all: nothing to undo.
            return true;
        }
        catch (Exception e) when (IsOutage(e))
        {
            LogFellBack(_log, $"{typeof(THub).Name} undo", e.Message);
            return false;
        }
    }

    private async Task EitherAsync(Func<HubLifetimeManager<THub>, Task> send)
    {
        if (_link.IsConnected)
        {
            try
            {
                await send(_shared);
                Interlocked.Exchange(ref _degraded, 0);
                return;
            }
            catch (Exception e) when (IsOutage(e))
            {
                LogFellBack(_log, typeof(THub).Name, e.Message);
            }
        }
        else if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            LogAlone(_log, typeof(THub).Name);
        }
        await send(_local);
    }

    private async Task Quietly(Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (IsOutage(e))
        {
            LogFellBack(_log, $"{typeof(THub).Name} {what}", e.Message);
        }
    }

    private static bool IsOutage(Exception e) => e is RedisException or RedisTimeoutException or ObjectDisposedException || e.InnerException is RedisException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis backplane failed for {Hub} ({Reason}); this push reaches this node's connections only")]
    private static partial void LogFellBack(ILogger logger, string hub, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Hub} connection {ConnectionId} stopped trying to join the Redis backplane; it is reachable from this node only")]
    private static partial void LogJoinGaveUp(ILogger logger, Exception exception, string hub, string connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Hub} connection {ConnectionId} joined the Redis backplane at try {Attempt}")]
    private static partial void LogJoinedLate(ILogger logger, string hub, string connectionId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: {Hub}'s pushes reach this node's connections only until it is back")]
    private static partial void LogAlone(ILogger logger, string hub);
}
