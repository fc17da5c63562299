using System.Diagnostics;

namespace WeakSegPortal.ML.Jobs;

/// <summary>
/// W3C trace context across the worker hub: the web node puts its activity's <c>traceparent</c> into a job, the
/// worker starts its own activity as that one's child, so both processes' log lines of one request carry one trace id.
/// Activities are created directly, so this works whether or not an OpenTelemetry listener is attached.
/// </summary>
public static class JobTrace
{
    /// <summary>A new activity under the current one (or a new trace); the caller disposes it.</summary>
    public static Activity StartHere(string name) => new Activity(name).SetIdFormat(ActivityIdFormat.W3C).Start();

    /// <summary>An activity whose parent is the <c>traceparent</c> the job carried; a new trace when it carried none or a malformed one.</summary>
    public static Activity StartFrom(string? traceParent, string name)
    {
        var activity = new Activity(name).SetIdFormat(ActivityIdFormat.W3C);
        if (ActivityContext.TryParse(traceParent, null, out var parent))
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        }
        return activity.Start();
    }
}
