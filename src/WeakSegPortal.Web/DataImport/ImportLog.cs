namespace WeakSegPortal.Web.DataImport;

/// <summary>Structured log lines of image import.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The image decoder died (run {Run}) while on {Unit}: {Stderr}")]
    public static partial void DecoderCrashed(ILogger logger, int run, string unit, string stderr);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The image decoder was stopped (run {Run}): silent on {Unit} for longer than {Limit}")]
    public static partial void DecoderTimedOut(ILogger logger, int run, string unit, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} into project {ProjectId}: {Items} items, {Accepted} files accepted, {Refused} refused")]
    public static partial void Recorded(ILogger logger, Guid importId, Guid projectId, int items, int accepted, int refused);
}
