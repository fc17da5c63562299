using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Training;

/// <summary>
/// "Train automatically after K newly submitted items" (the project's <see cref="ProjectSummary.AutoTrainAfterItems"/>, 0 =
/// off): after a submission, a job starts when no job is open and at least K of the project's items were submitted since
/// the last job began (an item counts once however many annotators submitted it). The one place the rule lives; called by
/// <see cref="FinishItemHandler"/> after a submission is stored. The job takes the last job's configuration, else the defaults.
/// </summary>
public sealed class AutoTraining(IDocumentSession session, RequestTrainingHandler requests)
{
    public const int MaxAfterItems = 100_000;

    /// <summary>The rule itself.</summary>
    public static bool IsDue(int afterItems, int submittedSinceLastStart) => afterItems > 0 && submittedSinceLastStart >= afterItems;

    /// <returns>The job started, if the rule started one.</returns>
    public async Task<Guid?> AfterSubmissionAsync(Guid projectId, CancellationToken ct)
    {
        if (await session.LoadAsync<ProjectSummary>(projectId, ct) is not { AutoTrainAfterItems: > 0 } project)
        {
            return null;
        }
        var slot = await session.Events.AggregateStreamAsync<TrainingSlot>(ModelStreams.TrainingSlot(projectId), token: ct);
        if (slot?.OpenJobId is not null)
        {
            return null;
        }
        var since = slot?.LastStartedAt ?? DateTimeOffset.MinValue;
        var submitted = await session.Query<ItemView>().CountAsync(i => i.ProjectId == projectId && i.RepeatOf == null && i.LastSubmittedAt > since, ct);
        if (!IsDue(project.AutoTrainAfterItems, submitted))
        {
            return null;
        }
        var last = await session.Query<TrainingJob>().Where(j => j.ProjectId == projectId).OrderByDescending(j => j.RequestedAt).FirstOrDefaultAsync(ct);
        var result = await requests.HandleAsync(new RequestTraining(projectId, null, true, last?.Config ?? new TrainingConfig(),
            $"{submitted} items submitted since the last training (the project trains automatically after {project.AutoTrainAfterItems})."), ct);
        // Refused: another submission's rule (or a manager) took the slot at the same moment.
        return result.Succeeded ? result.Id : null;
    }
}
