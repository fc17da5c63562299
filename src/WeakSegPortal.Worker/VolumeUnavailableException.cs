namespace WeakSegPortal.Worker;

/// <summary>The job's volume could not be had from the portal (unknown hash, refused token, not a WSVL volume); the message says which.</summary>
public sealed class VolumeUnavailableException : Exception
{
    public VolumeUnavailableException()
    {
    }

    public VolumeUnavailableException(string message)
        : base(message)
    {
    }

    public VolumeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
