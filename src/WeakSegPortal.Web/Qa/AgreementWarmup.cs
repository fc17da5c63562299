using JasperFx.Events.Daemon;
using Marten;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Health;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// Runs the agreement recompute once on a node that may take the daemon over, before it has to (issue 12). Built on
/// one traced <c>bash infra/bench.sh cluster</c> run, where the node taking over spent 16.8 s on a first page of 4 items
/// and the first hot node 8.8 s on 1 label, which pointed at code running for the first time; the one run after it still
/// took 19.5 s for 22 items (README, "Measured figures"), so whether it helps is not settled. At start, and again until
/// there is something to warm with, it recomputes the most recently summarised items in a session it never saves: the
/// same reads, maths and documents as the subscription, nothing stored. Off where this node never runs the daemon.
/// </summary>
public sealed partial class AgreementWarmup(IDocumentStore store, AgreementRecomputer recomputer, DaemonRole role, AgreementBatchTimings timings, ILogger<AgreementWarmup> log)
    : BackgroundService
{
    /// <summary>Items recomputed to warm up: enough to run every stage, few enough to cost a node's start little.</summary>
    public const int Items = 8;

    /// <summary>How long a node with nothing to warm with yet waits before looking again.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Recomputes the <see cref="Items"/> most recently summarised items without storing anything; the trace says how many
    /// it found (0: no summary yet) and how long each stage took.
    /// </summary>
    public async Task<AgreementRecomputeTrace> WarmAsync(CancellationToken ct)
    {
        var trace = new AgreementRecomputeTrace();
        IReadOnlyList<Guid> recent;
        await using (var query = store.QuerySession())
        {
            recent = await query.Query<ItemAgreementSummary>().OrderByDescending(s => s.UpdatedAt).Take(Items).Select(s => s.Id).ToListAsync(ct);
        }
        if (recent.Count == 0)
        {
            trace.Finished();
            return trace;
        }
        // Never saved: the documents it builds are dropped with the session.
        await using var discarded = store.LightweightSession();
        await recomputer.RecomputeAsync(discarded, [.. recent], trace, ct);
        trace.Finished();
        return trace;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (role.Mode == DaemonMode.Disabled)
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var trace = await WarmAsync(stoppingToken);
                if (trace.Items > 0)
                {
                    timings.Warmed(trace);
                    Warmed(log, trace.ToString());
                    return;
                }
                await Task.Delay(Retry, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Only a head start (the subscription does the same work when it needs to): whatever failed, the node stays up.
            WarmupFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agreement recompute warmed up (nothing stored): {Trace}")]
    private static partial void Warmed(ILogger logger, string trace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the agreement recompute failed; the first page after a takeover may be slow")]
    private static partial void WarmupFailed(ILogger logger, Exception exception);
}
