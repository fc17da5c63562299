namespace WeakSegPortal.ML.Suggestions;

/// <summary>A prompt this engine cannot use (MedSAM and clicks, GrabCut without a box or seeds); the message says what to give instead.</summary>
public sealed class PromptNotSupportedException : Exception
{
    public PromptNotSupportedException()
    {
    }

    public PromptNotSupportedException(string message)
        : base(message)
    {
    }

    public PromptNotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
