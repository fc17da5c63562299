namespace WeakSegPortal.Web.Cluster;

/// <summary>Log messages of <see cref="ProjectPageNotifier{TChange}"/>.</summary>
internal static partial class PageNotifierLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A page failed to hear about {Change}")]
    public static partial void PageFailed(ILogger logger, Exception exception, string change);
}
