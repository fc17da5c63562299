using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.E2E;

/// <summary>
/// The real portal (Kestrel, demo data) with one real <see cref="WorkerProcess"/>: started once the portal listens, announced
/// (the portal's worker registry lists it) before the tests run, killed when the fixture goes.
/// </summary>
public abstract class KestrelWorkerPortal : PortalFactory
{
    private readonly string _workerToken;
    private readonly string _workerName;

    protected KestrelWorkerPortal(string workerToken, string workerName)
    {
        _workerToken = workerToken;
        _workerName = workerName;
        SeedDemo = true;
        UseKestrel(0);
    }

    public Uri BaseAddress { get; private set; } = default!;

    public WorkerProcess Worker { get; private set; } = default!;

    /// <summary>The portal's settings beside the worker's token.</summary>
    protected virtual IReadOnlyDictionary<string, string?> PortalSettings => new Dictionary<string, string?>();

    /// <summary>The worker's settings.</summary>
    protected abstract IReadOnlyDictionary<string, string> WorkerSettings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
            PortalSettings.Append(new KeyValuePair<string, string?>("Workers:Tokens:0", _workerToken))));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        Worker = WorkerProcess.Start(BaseAddress, _workerToken, _workerName, WorkerSettings);
        var workers = Services.GetRequiredService<WorkerRegistry>();
        await Worker.WaitUntilAsync(() => workers.All.Any(w => w.Name == _workerName));
    }

    protected override async Task DisposeEverythingAsync()
    {
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }
        await base.DisposeEverythingAsync();
    }
}
