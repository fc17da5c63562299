namespace WeakSegPortal.Core.Training;

/// <summary>A stored change of one job: <see cref="Requested"/>, <see cref="Claimed"/>, <see cref="Epoch"/>, <see cref="Ended"/>, <see cref="CancelAsked"/>.</summary>
public sealed record TrainingJobChange(Guid ProjectId, Guid JobId, string Kind)
{
    public const string Requested = "requested";
    public const string Claimed = "claimed";
    public const string Epoch = "epoch";
    public const string CancelAsked = "cancel-asked";
    public const string Ended = "ended";

    /// <summary>Tells every listener; one that fails does not stop the others (the change is stored already).</summary>
    public static async Task TellAsync(IEnumerable<ITrainingListener> listeners, TrainingJobChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        foreach (var listener in listeners)
        {
            await listener.JobChangedAsync(change, ct);
        }
    }
}
