using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Web.Components.Pages.Annotate;

/// <summary>An annotator's <see cref="QueueProgress"/> in words, for the home page and the workspace.</summary>
public static class ProgressText
{
    /// <summary>"3 of 40 left" (open items and those the queue may still hand out, of all done and to do).</summary>
    public static string Home(QueueProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.Total == 0 ? "Nothing in your queue yet" : $"{progress.Left} of {progress.Total} left";
    }

    /// <summary>"Item 3 of 40 · 38 left", for the item being worked on.</summary>
    public static string Workspace(QueueProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return $"Item {progress.Position} of {progress.Total} · {progress.Left} left";
    }

    /// <summary>"1 returned by QA"; empty when none is.</summary>
    public static string Returned(QueueProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.Returned == 0 ? "" : $"{progress.Returned} returned by QA";
    }
}
