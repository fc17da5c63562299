using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Cluster;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// Carries "agreement changed" from the node whose async daemon recomputed it to the open QA pages of every node: a
/// message on Redis's <c>{prefix}:agreement</c> channel that each node (this one included) hands to its
/// <see cref="AgreementNotifier"/>. Without Redis, or when the publish fails, this node's pages hear of it directly.
/// </summary>
public sealed partial class AgreementBroadcast(RedisLink link, AgreementNotifier local, ILogger<AgreementBroadcast> log) : IHostedService
{
    public const string Channel = "agreement";
    private readonly ClusterChannel<AgreementChanged> _channel = new(link, Channel);

    public Task StartAsync(CancellationToken cancellationToken) => _channel.ListenAsync(change => _ = local.NotifyAsync(change));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task PublishAsync(AgreementChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (sent, failure) = await _channel.TrySendAsync(change);
        if (failure is not null)
        {
            LogLocalOnly(log, failure);
        }
        if (!sent)
        {
            await local.NotifyAsync(change);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the agreement change through Redis ({Reason}); only this node's QA pages hear of it")]
    private static partial void LogLocalOnly(ILogger logger, string reason);
}
