using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Options;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Health;

/// <summary>
/// How far the async daemon's agreement subscription trails the event store: events not handled yet
/// and the age of the oldest of them. Past <see cref="HealthOptions.MaxAgreementLag"/> the QA desk
/// shows stale agreement, so the portal reports Degraded (still serving annotators). The lag is read from the
/// database, so every node reports the same; each node adds its own daemon role (<see cref="DaemonRole"/>).
/// </summary>
internal sealed class AgreementLagHealthCheck(IDocumentStore store, IOptions<HealthOptions> options, TimeProvider clock, DaemonRole role, AgreementBatchTimings pages) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
            var handled = progress.FirstOrDefault(p => p.ShardName.StartsWith(AgreementSubscription.SubscriptionName, StringComparison.Ordinal))?.Sequence ?? 0;
            await using var session = store.QuerySession();
            var newest = await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
            var oldestPending = newest is null || newest.Sequence <= handled
                ? null
                : await session.Events.QueryAllRawEvents().Where(e => e.Sequence > handled).OrderBy(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
            var lag = oldestPending is null ? TimeSpan.Zero : clock.GetUtcNow() - oldestPending.Timestamp;
            var data = new Dictionary<string, object>
            {
                ["handledSequence"] = handled,
                ["newestSequence"] = newest?.Sequence ?? 0,
                ["eventsBehind"] = Math.Max(0, (newest?.Sequence ?? 0) - handled),
                ["lagSeconds"] = Math.Round(Math.Max(0, lag.TotalSeconds), 1),
                ["maxLagSeconds"] = options.Value.MaxAgreementLag.TotalSeconds,
                ["daemonMode"] = role.Mode.ToString(),
                ["role"] = role.Current(),
            };
            foreach (var (key, value) in pages.Figures())
            {
                data[key] = value;
            }
            return lag <= options.Value.MaxAgreementLag
                ? HealthCheckResult.Healthy("The agreement subscription is current.", data)
                : HealthCheckResult.Degraded($"The agreement subscription trails by {lag.TotalSeconds:0} s (more than {options.Value.MaxAgreementLag.TotalSeconds:0} s): QA pages show stale agreement.", data: data);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"The agreement subscription's progress cannot be read: {e.Message}");
        }
    }
}
