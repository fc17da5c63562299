namespace WeakSegPortal.ML.Sam;

/// <summary>A model file that does not have the inputs and outputs the engine needs; the message names each mismatch.</summary>
public sealed class ModelRefusedException : Exception
{
    public ModelRefusedException()
    {
    }

    public ModelRefusedException(string message)
        : base(message)
    {
    }

    public ModelRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
