using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Cluster;

namespace WeakSegPortal.Web.Training;

/// <summary>Tells open training pages in this process that a job of their project changed; <see cref="TrainingBroadcast"/>
/// brings it the changes stored on any node.</summary>
public sealed class TrainingNotifier(ILogger<TrainingNotifier> log) : ProjectPageNotifier<TrainingJobChange>(log)
{
    protected override Guid ProjectOf(TrainingJobChange change) => change.ProjectId;

    public override string Describe(TrainingJobChange change) => $"training job {change.JobId} ({change.Kind})";
}
