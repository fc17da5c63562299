using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// A hub connection lives longer than the request that opened it: every call checks that its
/// sign-in still holds (<see cref="SessionValidator"/>). An ended one (signed out, disabled) is
/// closed with the reason; one whose access changed is closed too, so that the browser reconnects
/// with its re-issued cookie and the hub's role check runs again. Either way nothing is stored.
/// </summary>
public sealed class HubSessionFilter(SessionValidator sessions, ConnectedSessions connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // Counted before the check, so that a sign-out landing while the check runs still finds this connection and closes it.
        connections.Add(context.Context);
        try
        {
            await RefuseEndedAsync(context.Context);
        }
        catch
        {
            connections.Remove(context.Context.ConnectionId);
            throw;
        }
        await next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        await RefuseEndedAsync(invocationContext.Context);
        return await next(invocationContext);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        connections.Remove(context.Context.ConnectionId);
        return next(context, exception);
    }

    private async Task RefuseEndedAsync(HubCallerContext connection)
    {
        // A worker's machine token is checked when it connects and has no sign-in that could end.
        if (connection.User is not { Identity.IsAuthenticated: true } user || Workers.WorkerToken.IsWorker(user))
        {
            return;
        }
        var check = await sessions.CheckAsync(user, connection.ConnectionAborted);
        if (check.State == SessionState.Valid)
        {
            return;
        }
        connection.Abort();
        throw new HubException(check.State == SessionState.Ended
            ? $"Your sign-in has ended ({check.Reason?.TrimEnd('.')}). Sign in again; labels not yet saved stay in this browser."
            : "Your access has changed; the page reconnects with it.");
    }
}
