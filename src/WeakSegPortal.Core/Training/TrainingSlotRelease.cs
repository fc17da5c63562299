using Marten;

namespace WeakSegPortal.Core.Training;

/// <summary>Frees a project's training slot when its job ends, at the version read (the job's end and the slot's commit together).</summary>
internal static class TrainingSlotRelease
{
    public static async Task FreeAsync(IDocumentSession session, Guid projectId, Guid jobId, Guid? modelVersionId, DateTimeOffset at, CancellationToken ct)
    {
        var slot = await session.Events.FetchForWriting<TrainingSlot>(ModelStreams.TrainingSlot(projectId), ct);
        slot.AppendOne(new TrainingSlotFreed(projectId, jobId, modelVersionId, at));
    }
}
