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
/// A connection opened during an outage is known to the backplane only after it reconnects.
/// </summary>
public sealed partial class ResilientHubLifetimeManager<THub> : HubLifetimeManager<THub>, IDisposable
    where THub : Hub
{
    private readonly DefaultHubLifetimeManager<THub> _local;
    private readonly RedisHubLifetimeManager<THub> _shared;
    private readonly RedisLink _link;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, byte> _here = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _sharedKnows = new(StringComparer.Ordinal);
    private int _degraded;

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
        if (_link.IsConnected)
        {
            _sharedKnows[connection.ConnectionId] = 0;
            await Quietly(() => _shared.OnConnectedAsync(connection), "connect");
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _here.TryRemove(connection.ConnectionId, out _);
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
        if (_link.IsConnected && _sharedKnows.ContainsKey(connectionId))
        {
            await Quietly(() => _shared.AddToGroupAsync(connectionId, groupName, cancellationToken), "group");
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await _local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: {Hub}'s pushes reach this node's connections only until it is back")]
    private static partial void LogAlone(ILogger logger, string hub);
}
