namespace WeakSegPortal.ML.Models;

/// <summary>A checkpoint that cannot start or continue this training; the message says why, in words a manager can act on.</summary>
public sealed class IncompatibleCheckpointException : Exception
{
    public IncompatibleCheckpointException()
    {
    }

    public IncompatibleCheckpointException(string message) : base(message)
    {
    }

    public IncompatibleCheckpointException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
