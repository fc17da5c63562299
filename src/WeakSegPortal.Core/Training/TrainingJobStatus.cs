namespace WeakSegPortal.Core.Training;

/// <summary>Where a training job stands, as the training page shows it.</summary>
public static class TrainingJobStatus
{
    /// <summary>Waiting for a worker (never claimed, or released after its worker went silent).</summary>
    public const string Waiting = "waiting";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsEnded(string status) => status is Completed or Failed or Cancelled;
}
