using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Cluster;

/// <summary>Two web nodes on one PostgreSQL database, one blob folder and one private redis-server, both started.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private TestDatabase? _database;
    private readonly string _blobs = Directory.CreateTempSubdirectory("weakseg-cluster-blobs-").FullName;

    public RedisServer Redis { get; private set; } = default!;

    /// <summary>The blob folder both nodes share (Storage:Root).</summary>
    public string BlobRoot => _blobs;

    public ClusterNode A { get; private set; } = default!;

    public ClusterNode B { get; private set; } = default!;

    public IEnumerable<ClusterNode> Running => new[] { A, B }.Where(n => !n.IsDisposed);

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        _database = await TestDatabase.CreateAsync();
        var store = (_database.ConnectionString, _blobs);
        A = ClusterNode.Create("node-a", Redis.ConnectionString, store);
        B = ClusterNode.Create("node-b", Redis.ConnectionString, store);
        // A first, so its schema is in place before B starts.
        _ = A.Server;
        _ = B.Server;
    }

    public async Task DisposeAsync()
    {
        // Null-safe: xunit disposes a fixture whose start failed half-way.
        await (A?.StopAsync() ?? Task.CompletedTask);
        await (B?.StopAsync() ?? Task.CompletedTask);
        await (Redis?.DisposeAsync() ?? ValueTask.CompletedTask);
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        Directory.Delete(_blobs, recursive: true);
    }
}
