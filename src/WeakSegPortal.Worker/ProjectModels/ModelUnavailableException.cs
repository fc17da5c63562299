namespace WeakSegPortal.Worker.ProjectModels;

/// <summary>A project model's file could not be had from the portal (unknown hash, refused token, damaged bytes); the message says which.</summary>
public sealed class ModelUnavailableException : Exception
{
    public ModelUnavailableException()
    {
    }

    public ModelUnavailableException(string message)
        : base(message)
    {
    }

    public ModelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
