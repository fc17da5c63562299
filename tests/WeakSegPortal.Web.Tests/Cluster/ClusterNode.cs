using WeakSegPortal.Web.Tests.Suggestions;

namespace WeakSegPortal.Web.Tests.Cluster;

/// <summary>One web node of a cluster in this test process: the shared database and blob folder, Redis, HotCold.</summary>
public sealed class ClusterNode(string nodeId, string redis) : SuggestionPortal
{
    private int _disposed;

    public string NodeId { get; } = nodeId;

    public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Node:Id"] = NodeId,
        ["Redis:ConnectionString"] = redis,
        // The shortest entry lifetime allowed: a dead node's workers vanish within 3 s.
        ["Redis:NodeTtl"] = "00:00:03",
        ["Agreement:Daemon"] = "HotCold",
    };

    /// <summary>The daemon mode and node id are read while the host is built: host settings, not late configuration.</summary>
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public static ClusterNode Create(string nodeId, string redis, (string, string) store) => new(nodeId, redis) { SharedStore = store };

    /// <summary>Stops this node (its daemon lock, its hub connections and its Redis entries go with it); once only.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await DisposeAsync();
        }
    }
}
