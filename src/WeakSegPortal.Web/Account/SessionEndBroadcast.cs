using WeakSegPortal.Web.Cluster;
using WeakSegPortal.Web.Hubs;

namespace WeakSegPortal.Web.Account;

/// <summary>
/// Makes an ended sign-in hold on every node at once, not only on the node that stored it: a <see cref="SessionsEnded"/>
/// message on Redis's <c>{prefix}:sessions-ended</c> channel that each node (this one included) applies to its own
/// <see cref="SessionValidator"/> memory and <see cref="ConnectedSessions"/>. This node applies it directly as well, so
/// its own connections close even while Redis is away; other nodes then learn of it on the user's next hub call or
/// request, within <see cref="SessionValidator.RecheckAfter"/>.
/// </summary>
public sealed partial class SessionEndBroadcast(RedisLink link, SessionValidator sessions, ConnectedSessions connections, ILogger<SessionEndBroadcast> log)
    : IHostedService
{
    public const string Channel = "sessions-ended";
    private readonly ClusterChannel<SessionsEnded> _channel = new(link, Channel);

    public Task StartAsync(CancellationToken cancellationToken) => _channel.ListenAsync(ended => Apply(ended));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends the sign-ins now on this node and tells the others; returns how many of this node's connections closed.</summary>
    public async Task<int> EndAsync(SessionsEnded ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var closed = Apply(ended);
        if ((await _channel.TrySendAsync(ended)).Failure is { } failure)
        {
            LogThisNodeOnly(log, failure, ended.UserId);
        }
        return closed;
    }

    private int Apply(SessionsEnded ended)
    {
        sessions.Forget(ended.UserId);
        return ended.SessionId is { } sessionId ? connections.CloseSession(sessionId) : connections.CloseUser(ended.UserId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes through Redis ({Reason}) that the sign-ins of user {UserId} ended; they refuse them at their next check")]
    private static partial void LogThisNodeOnly(ILogger logger, string reason, Guid userId);
}
