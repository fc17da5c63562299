using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WeakSegPortal.Hosting;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Cluster;

/// <summary>
/// This node's connection to Redis (<see cref="BackplaneOptions"/>), shared by the worker and presence tables and QA's
/// live updates (SignalR's backplane opens its own through <see cref="Configuration"/>). Never stops the node: an
/// unreachable Redis is a warning, calls fail at once instead of queueing (<see cref="BacklogPolicy.FailFast"/>) so each
/// caller falls back to this node alone, StackExchange.Redis reconnects by itself, and the channels this node listens
/// to are subscribed again once it is back.
/// </summary>
public sealed partial class RedisLink(IOptions<BackplaneOptions> options, NodeIdentity node, ILogger<RedisLink> log) : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, Action<RedisValue>> _listeners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _subscribed = new(StringComparer.Ordinal);
    private ConnectionMultiplexer? _redis;
    private int _up;

    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>Whether Redis answers now; false when it is not configured.</summary>
    public bool IsConnected => _redis?.IsConnected == true;

    /// <summary>Where Redis is, for /health (no password).</summary>
    public string Endpoint => IsConfigured ? string.Join(", ", ConfigurationOptions.Parse(options.Value.ConnectionString!).EndPoints.Select(e => e.ToString())) : "";

    /// <summary>Completes once the first connection attempt is over (connected or not).</summary>
    public Task Started => _started.Task;

    public IDatabase Database => (_redis ?? throw new InvalidOperationException("Redis is not configured.")).GetDatabase();

    public RedisKey Key(string name) => $"{options.Value.Prefix}:{name}";

    public RedisChannel Channel(string name) => RedisChannel.Literal($"{options.Value.Prefix}:{name}");

    /// <summary>The configuration every connection of this node uses (also SignalR's backplane's).</summary>
    public ConfigurationOptions Configuration()
    {
        var configuration = ConfigurationOptions.Parse(options.Value.ConnectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName = node.Id;
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 3000);
        return configuration;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            _started.TrySetResult();
            return;
        }
        try
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(Configuration());
            _redis.ConnectionFailed += (_, e) => Lost(e.Exception?.Message ?? e.FailureType.ToString());
            _redis.ConnectionRestored += (_, _) => _ = RestoredAsync();
            if (_redis.IsConnected)
            {
                Interlocked.Exchange(ref _up, 1);
                LogConnected(log, Endpoint, node.Id);
            }
            else
            {
                LogUnreachable(log, Endpoint, "no answer at start");
            }
        }
        finally
        {
            _started.TrySetResult();
        }
    }

    /// <summary>Calls <paramref name="listener"/> for every message on the channel, from any node (this one included), across outages.</summary>
    public async Task ListenAsync(string channel, Action<RedisValue> listener)
    {
        await Started;
        if (_redis is null)
        {
            return;
        }
        _listeners[channel] = listener;
        await TrySubscribeAsync(channel);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private async Task TrySubscribeAsync(string channel)
    {
        if (_redis is null || !_listeners.TryGetValue(channel, out var listener) || !_subscribed.TryAdd(channel, 0))
        {
            return;
        }
        try
        {
            // Subscribed once per channel: StackExchange.Redis renews its subscriptions after a reconnect by itself.
            await _redis.GetSubscriber().SubscribeAsync(Channel(channel), (_, message) => listener(message));
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            _subscribed.TryRemove(channel, out _);
            LogSubscribeFailed(log, channel, e.Message);
        }
    }

    private void Lost(string reason)
    {
        if (Interlocked.Exchange(ref _up, 0) == 1)
        {
            LogUnreachable(log, Endpoint, reason);
        }
    }

    private async Task RestoredAsync()
    {
        if (_redis?.IsConnected == true && Interlocked.Exchange(ref _up, 1) == 0)
        {
            LogRestored(log, Endpoint);
        }
        foreach (var channel in _listeners.Keys.Where(c => !_subscribed.ContainsKey(c)))
        {
            await TrySubscribeAsync(channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Endpoint} connected: node {Node} shares pushes, workers, presence and QA updates with the other nodes")]
    private static partial void LogConnected(ILogger logger, string endpoint, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis at {Endpoint} is unreachable ({Reason}): this node goes on alone (pushes reach its own connections only, it sees only its own workers and presence) until Redis is back")]
    private static partial void LogUnreachable(ILogger logger, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Endpoint} is back: the nodes share pushes, workers, presence and QA updates again")]
    private static partial void LogRestored(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not listen on Redis channel {Channel} ({Reason}); trying again when Redis is back")]
    private static partial void LogSubscribeFailed(ILogger logger, string channel, string reason);
}
