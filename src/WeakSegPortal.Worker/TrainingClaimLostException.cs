namespace WeakSegPortal.Worker;

/// <summary>This attempt no longer holds its training job (the portal answered 409, or a directive said lease-lost): the run stops silently.</summary>
public sealed class TrainingClaimLostException : Exception
{
    public TrainingClaimLostException()
    {
    }

    public TrainingClaimLostException(string message)
        : base(message)
    {
    }

    public TrainingClaimLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
