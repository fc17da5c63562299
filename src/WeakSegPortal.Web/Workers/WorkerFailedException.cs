namespace WeakSegPortal.Web.Workers;

/// <summary>A worker did not answer a job: it disconnected, threw, or took longer than Suggestions:JobTimeout.</summary>
public sealed class WorkerFailedException : Exception
{
    public WorkerFailedException()
    {
    }

    public WorkerFailedException(string message)
        : base(message)
    {
    }

    public WorkerFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
