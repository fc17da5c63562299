using Microsoft.AspNetCore.SignalR;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Every hub method of the portal: an error inside it is logged with an error id and answered with
/// a reason that names the id, never SignalR's bare "an error on the server" with nothing in the log.
/// A <see cref="HubException"/> already is a reason for the caller and passes as it is.
/// </summary>
public sealed partial class HubErrorFilter(ILogger<HubErrorFilter> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            // The caller is gone (its connection dropped mid-call): nobody to answer, and nothing failed
            // here; its outbox resends the command, which is answered by its id. Rethrown, SignalR would log
            // every dropped connection as an error (the fault suite saw hundreds per run).
            LogCallerGone(log, invocationContext.HubMethodName, invocationContext.Context.UserIdentifier);
            return null;
        }
        catch (Exception e)
        {
            var errorId = NewErrorId();
            LogFailed(log, e, invocationContext.HubMethodName, invocationContext.Context.UserIdentifier, errorId);
            throw new HubException($"The server failed on {invocationContext.HubMethodName} (error {errorId}); it was logged. Please try again.");
        }
    }

    /// <summary>A short id that ties an answer a person reads to the log line an operator finds.</summary>
    public static string NewErrorId() => Guid.NewGuid().ToString("N")[..12];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} ended unanswered: the connection of user {User} closed during the call")]
    private static partial void LogCallerGone(ILogger logger, string method, string? user);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed for user {User} (error {ErrorId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string? user, string errorId);
}
