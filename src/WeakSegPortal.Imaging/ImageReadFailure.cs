namespace WeakSegPortal.Imaging;

/// <summary>Why an image could not be read; lets callers map failures to HTTP codes or exit codes.</summary>
public enum ImageReadFailure
{
    NotFound,
    EmptyFile,
    NotAnImage,
    Truncated,
    UnsupportedFormat,
    InconsistentSeries,
    Corrupt,
}
