using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.E2E;

/// <summary>
/// The suggestion portal with one real <see cref="WorkerProcess"/> beside it: started once the portal listens and
/// announced before the tests run (the portal's worker registry lists it), killed when the fixture goes.
/// </summary>
public sealed class WorkerSuggestionPortal : SuggestionPortal
{
    public const string WorkerName = "e2e-worker";

    public WorkerProcess? Worker { get; private set; }

    public override string ExpectedRanOn => WorkerName;

    public WorkerRegistry Workers => Services.GetRequiredService<WorkerRegistry>();

    protected override async Task StartWorkersAsync(Uri portal)
    {
        Worker = WorkerProcess.Start(portal, WorkerToken, WorkerName);
        await Worker.WaitUntilAsync(() => Workers.All.Any(w => w.Name == WorkerName));
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
