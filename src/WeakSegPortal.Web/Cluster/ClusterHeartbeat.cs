using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WeakSegPortal.Hosting;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Cluster;

/// <summary>
/// Shares each <see cref="ISharedNodeState"/> through Redis: every third of <see cref="BackplaneOptions.NodeTtl"/>, and at
/// once when a table changes here or on another node, this node writes its entries as one hash per table and node
/// (<c>{prefix}:{table}:{node}</c>, expiring after NodeTtl, so a dead node's workers and presence vanish by themselves)
/// and reads the other nodes'. While Redis is unreachable the other nodes' entries are dropped: this node goes on alone.
/// </summary>
public sealed partial class ClusterHeartbeat(
    RedisLink link, IEnumerable<ISharedNodeState> states, NodeIdentity node, IOptions<BackplaneOptions> options, ILogger<ClusterHeartbeat> log) : BackgroundService
{
    private const string ChangedChannel = "node-tables";
    private readonly SemaphoreSlim _wake = new(0);
    private readonly HashSet<string> _announce = [];
    private readonly Lock _gate = new();
    private bool _healthy = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!link.IsConfigured)
        {
            return;
        }
        foreach (var state in states)
        {
            state.LocalChanged += () => Wake(state.Table);
        }
        await link.ListenAsync(ChangedChannel, message =>
        {
            if (message.ToString().Split('|') is [_, var from] && from != node.Id)
            {
                _wake.Release();
            }
        });
        var period = options.Value.NodeTtl / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            await BeatAsync();
            try
            {
                await _wake.WaitAsync(period, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await LeaveAsync();
    }

    /// <summary>Writes this node's tables and reads the others'; on failure, this node goes on with its own entries only.</summary>
    private async Task BeatAsync()
    {
        string[] announce;
        lock (_gate)
        {
            announce = [.. _announce];
            _announce.Clear();
        }
        try
        {
            if (!link.IsConnected)
            {
                throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected");
            }
            var db = link.Database;
            foreach (var state in states)
            {
                await WriteAsync(db, state);
            }
            foreach (var table in announce)
            {
                await db.PublishAsync(link.Channel(ChangedChannel), $"{table}|{node.Id}");
            }
            foreach (var state in states)
            {
                state.OthersAre(await ReadOthersAsync(db, state.Table));
            }
            _healthy = true;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            foreach (var state in states)
            {
                state.OthersAre([]);
            }
            if (_healthy)
            {
                _healthy = false;
                LogAlone(log, e.Message);
            }
        }
    }

    private async Task WriteAsync(IDatabase db, ISharedNodeState state)
    {
        var key = link.Key($"{state.Table}:{node.Id}");
        var entries = state.LocalEntries();
        var write = db.CreateTransaction();
        _ = write.KeyDeleteAsync(key);
        if (entries.Count > 0)
        {
            _ = write.HashSetAsync(key, [.. entries.Select(e => new HashEntry(e.Key, e.Value))]);
            _ = write.KeyExpireAsync(key, options.Value.NodeTtl);
        }
        _ = write.SetAddAsync(link.Key($"{state.Table}:nodes"), node.Id);
        await write.ExecuteAsync();
    }

    private async Task<IReadOnlyList<NodeEntry>> ReadOthersAsync(IDatabase db, string table)
    {
        var nodes = link.Key($"{table}:nodes");
        var entries = new List<NodeEntry>();
        foreach (var other in (await db.SetMembersAsync(nodes)).Select(n => n.ToString()).Where(n => n != node.Id))
        {
            var held = await db.HashGetAllAsync(link.Key($"{table}:{other}"));
            if (held.Length == 0)
            {
                // Expired or empty: the node left or holds nothing; it adds itself again at its next heartbeat.
                await db.SetRemoveAsync(nodes, other);
                continue;
            }
            entries.AddRange(held.Select(h => new NodeEntry(other, h.Name.ToString(), h.Value.ToString())));
        }
        return entries;
    }

    /// <summary>A node that stops cleanly takes its entries with it, rather than leaving them to expire.</summary>
    private async Task LeaveAsync()
    {
        if (!link.IsConnected)
        {
            return;
        }
        try
        {
            foreach (var state in states)
            {
                await link.Database.KeyDeleteAsync(link.Key($"{state.Table}:{node.Id}"));
                await link.Database.PublishAsync(link.Channel(ChangedChannel), $"{state.Table}|{node.Id}");
            }
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException or ObjectDisposedException)
        {
            LogLeaveFailed(log, e.Message);
        }
    }

    private void Wake(string table)
    {
        lock (_gate)
        {
            _announce.Add(table);
        }
        try
        {
            _wake.Release();
        }
        catch (ObjectDisposedException)
        {
            // A worker or annotator left while the node shuts down: nobody needs telling any more.
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot share this node's workers and presence through Redis ({Reason}): this node sees its own only until Redis is back")]
    private static partial void LogAlone(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not remove this node's entries from Redis at stop ({Reason}); they expire by themselves")]
    private static partial void LogLeaveFailed(ILogger logger, string reason);
}
