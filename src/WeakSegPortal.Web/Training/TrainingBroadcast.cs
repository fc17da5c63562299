using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Cluster;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// Carries a stored training job change from the node that stored it (the one the worker or the manager is connected to) to
/// the open training pages of every node: a message on Redis's <c>{prefix}:training</c> channel that each node (this one
/// included) hands to its <see cref="TrainingNotifier"/>. Without Redis, or when the publish fails, this node's pages hear
/// of it directly.
/// </summary>
public sealed partial class TrainingBroadcast(RedisLink link, TrainingNotifier local, ILogger<TrainingBroadcast> log) : ITrainingListener, IHostedService
{
    public const string Channel = "training";
    private readonly ClusterChannel<TrainingJobChange> _channel = new(link, Channel);

    public Task StartAsync(CancellationToken cancellationToken) => _channel.ListenAsync(change => _ = local.NotifyAsync(change));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task JobChangedAsync(TrainingJobChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (sent, failure) = await _channel.TrySendAsync(change);
        if (failure is not null)
        {
            LogLocalOnly(log, failure, change.JobId);
        }
        if (!sent)
        {
            await local.NotifyAsync(change);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the change of training job {JobId} through Redis ({Reason}); only this node's training pages hear of it")]
    private static partial void LogLocalOnly(ILogger logger, string reason, Guid jobId);
}
