namespace WeakSegPortal.Core.Training;

/// <summary>
/// A project's training slot, aggregated live from its stream (<see cref="ModelStreams.TrainingSlot"/>): the open job if any,
/// and when the last job began (auto-training counts submissions since then).
/// </summary>
public sealed class TrainingSlot
{
    public Guid Id { get; set; }
    public Guid? OpenJobId { get; set; }
    public DateTimeOffset? OpenSince { get; set; }
    public DateTimeOffset? LastStartedAt { get; set; }

    public void Apply(TrainingSlotTaken e) => (OpenJobId, OpenSince, LastStartedAt) = (e.JobId, e.At, e.At);

    public void Apply(TrainingSlotFreed e)
    {
        if (OpenJobId == e.JobId)
        {
            (OpenJobId, OpenSince) = (null, null);
        }
    }

    /// <summary>The refusal of a second job while one is open (docs/training-protocol.md).</summary>
    public string BusyMessage() =>
        $"A training job of this project is already running (started {OpenSince:yyyy-MM-dd HH:mm} UTC).";
}
