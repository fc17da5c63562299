using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Times the annotation hub's Submit and SubmitMany calls as a whole, the session check included, from the moment
/// SignalR hands the call to the filters to its answer (<see cref="AnnotationWriteTimings.HubCall"/>). Registered first,
/// so it sees the other filters' time too; every other method passes untimed.
/// </summary>
public sealed class AckTimingFilter(AnnotationWriteTimings timings) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (invocationContext.HubMethodName is not (nameof(AnnotationHub.Submit) or nameof(AnnotationHub.SubmitMany)) || invocationContext.Hub is not AnnotationHub)
        {
            return await next(invocationContext);
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(invocationContext);
        }
        finally
        {
            timings.HubCall.Record(Stopwatch.GetElapsedTime(started));
        }
    }
}
