using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Cluster;

namespace WeakSegPortal.Web.Training;

/// <summary>Carries a stored training job change (from the node the worker or the manager is connected to) to the open
/// training pages of every node, through <see cref="TrainingNotifier"/> on each.</summary>
public sealed class TrainingBroadcast(RedisLink link, TrainingNotifier local, ILogger<TrainingBroadcast> log)
    : ProjectChangeBroadcast<TrainingJobChange>(link, local, log, Channel), ITrainingListener
{
    public const string Channel = "training";

    public Task JobChangedAsync(TrainingJobChange change, CancellationToken ct) => BroadcastAsync(change);
}
