namespace WeakSegPortal.Web.Cluster;

/// <summary>
/// Carries a stored change of a project (a training job's, an export's) from the node that stored it to the open pages of
/// every node: a message on Redis's <c>{prefix}:{channel}</c> channel that each node (this one included) hands to its
/// <see cref="ProjectPageNotifier{TChange}"/>. Without Redis, or when the publish fails, this node's pages hear of it directly.
/// </summary>
public abstract partial class ProjectChangeBroadcast<TChange>(RedisLink link, ProjectPageNotifier<TChange> local, ILogger log, string channel)
    : IHostedService where TChange : class
{
    private readonly ClusterChannel<TChange> _channel = new(link, channel);

    public Task StartAsync(CancellationToken cancellationToken) => _channel.ListenAsync(change => _ = local.NotifyAsync(change));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends the change to every node's pages (this node's directly when Redis cannot take it).</summary>
    protected async Task BroadcastAsync(TChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (sent, failure) = await _channel.TrySendAsync(change);
        if (failure is not null)
        {
            LogLocalOnly(log, local.Describe(change), channel, failure);
        }
        if (!sent)
        {
            await local.NotifyAsync(change);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Change} through Redis's {Channel} channel ({Reason}); only this node's pages hear of it")]
    private static partial void LogLocalOnly(ILogger logger, string change, string channel, string reason);
}
