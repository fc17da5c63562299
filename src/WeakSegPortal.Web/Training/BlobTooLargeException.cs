namespace WeakSegPortal.Web.Training;

/// <summary>An upload went past Training:MaxBlobBytes; nothing of it is stored.</summary>
public sealed class BlobTooLargeException : IOException
{
    public BlobTooLargeException()
    {
    }

    public BlobTooLargeException(string message) : base(message)
    {
    }

    public BlobTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public BlobTooLargeException(long limit) : base($"A blob may hold at most {limit:N0} bytes (Training:MaxBlobBytes).")
    {
    }
}
