using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.E2E;

/// <summary>
/// The real portal (Kestrel, demo data) with one real <see cref="WorkerProcess"/> that trains: started once the portal
/// listens, announced before the tests run, killed when the fixture goes. No browser: the training round trip drives the
/// portal through its hubs and the handlers its pages call.
/// </summary>
public sealed class RealTrainingPortal : PortalFactory
{
    public const string WorkerToken = "e2e-real-trainer-token-0123456789abcdef";
    public const string WorkerName = "e2e-real-trainer";

    public RealTrainingPortal()
    {
        SeedDemo = true;
        UseKestrel(0);
    }

    public Uri BaseAddress { get; private set; } = default!;

    public WorkerProcess Worker { get; private set; } = default!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workers:Tokens:0"] = WorkerToken,
        }));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        // One libtorch thread: on a machine whose cores are shared, OpenMP threads that wait for each other at every barrier
        // make a step many times slower than one thread does. The worker polls for training jobs every second.
        Worker = WorkerProcess.Start(BaseAddress, WorkerToken, WorkerName, new Dictionary<string, string>
        {
            ["Worker:TrainingThreads"] = "1",
            ["Worker:TrainingPollSeconds"] = "1",
            ["Worker:TrainingDevice"] = "cpu",
        });
        var workers = Services.GetRequiredService<WorkerRegistry>();
        await Worker.WaitUntilAsync(() => workers.All.Any(w => w.Name == WorkerName));
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
