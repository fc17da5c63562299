using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>The whole portal in-process against its own fresh database.</summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<Guid>>> _users = new();
    private TestDatabase? _database;
    private readonly Lazy<string> _ownBlobs = new(() => Directory.CreateTempSubdirectory("weakseg-blobs-").FullName);

    /// <summary>Seed demo users and the demo project, as the run command does.</summary>
    public bool SeedDemo { get; init; }

    /// <summary>Another node's database and blob folder, for several portals on one store (a cluster); null: this portal's own.</summary>
    public (string ConnectionString, string BlobRoot)? SharedStore { get; init; }

    public string ConnectionString => SharedStore?.ConnectionString ?? _database?.ConnectionString ?? throw new InvalidOperationException("Not initialised.");

    private string Blobs => SharedStore?.BlobRoot ?? _ownBlobs.Value;

    public virtual async Task InitializeAsync()
    {
        if (SharedStore is null)
        {
            _database = await TestDatabase.CreateAsync();
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeEverythingAsync();

    /// <summary>Stops the host, then drops its database.</summary>
    protected virtual async Task DisposeEverythingAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        if (_ownBlobs.IsValueCreated)
        {
            Directory.Delete(_ownBlobs.Value, recursive: true);
        }
    }

    /// <summary>Creates the user once per portal, however many tests ask for it.</summary>
    public Task<Guid> EnsureUserAsync(string userName, string password, params string[] roles) =>
        _users.GetOrAdd(userName, _ => new Lazy<Task<Guid>>(() => SignIn.CreateUserAsync(this, userName, password, roles))).Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = ConnectionString,
            ["Seed:Demo"] = SeedDemo ? "true" : "false",
            ["SignIn:MaxFailures"] = "5",
            ["Storage:Root"] = Blobs,
        }));
    }
}
