namespace WeakSegPortal.Imaging;

/// <summary>An image could not be read; <see cref="Exception.Message"/> is written for the person who supplied it.</summary>
public sealed class ImageReadException : Exception
{
    public ImageReadException()
    {
    }

    public ImageReadException(string message)
        : base(message)
    {
    }

    public ImageReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImageReadException(ImageReadFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public ImageReadFailure Failure { get; } = ImageReadFailure.Corrupt;
}
