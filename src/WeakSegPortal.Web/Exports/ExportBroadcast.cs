using WeakSegPortal.Core.Exports;
using WeakSegPortal.Web.Cluster;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// Carries a stored export change from the node that stored it (the one whose runner writes the export, or the one the
/// manager's page is on) to the open export pages of every node: a message on Redis's <c>{prefix}:exports</c> channel that
/// each node (this one included) hands to its <see cref="ExportNotifier"/>. Without Redis, or when the publish fails, this
/// node's pages hear of it directly.
/// </summary>
public sealed partial class ExportBroadcast(RedisLink link, ExportNotifier local, ILogger<ExportBroadcast> log) : IExportListener, IHostedService
{
    public const string Channel = "exports";
    private readonly ClusterChannel<ExportChange> _channel = new(link, Channel);

    public Task StartAsync(CancellationToken cancellationToken) => _channel.ListenAsync(change => _ = local.NotifyAsync(change));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ExportChangedAsync(ExportChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (sent, failure) = await _channel.TrySendAsync(change);
        if (failure is not null)
        {
            LogLocalOnly(log, failure, change.ExportId);
        }
        if (!sent)
        {
            await local.NotifyAsync(change);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the change of export {ExportId} through Redis ({Reason}); only this node's export pages hear of it")]
    private static partial void LogLocalOnly(ILogger logger, string reason, Guid exportId);
}
