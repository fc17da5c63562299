namespace WeakSegPortal.Worker;

/// <summary>A training job cannot go on for a reason in its data or files (no labelled slice, a blob the portal lacks); the message is the sentence for the manager.</summary>
public sealed class TrainingDataException : Exception
{
    public TrainingDataException()
    {
    }

    public TrainingDataException(string message)
        : base(message)
    {
    }

    public TrainingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
