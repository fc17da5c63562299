using WeakSegPortal.Core.Exports;
using WeakSegPortal.Web.Cluster;

namespace WeakSegPortal.Web.Exports;

/// <summary>Carries a stored export change (from the node whose runner writes the export, or the one the manager's page is
/// on) to the open export pages of every node, through <see cref="ExportNotifier"/> on each.</summary>
public sealed class ExportBroadcast(RedisLink link, ExportNotifier local, ILogger<ExportBroadcast> log)
    : ProjectChangeBroadcast<ExportChange>(link, local, log, Channel), IExportListener
{
    public const string Channel = "exports";

    public Task ExportChangedAsync(ExportChange change, CancellationToken ct) => BroadcastAsync(change);
}
