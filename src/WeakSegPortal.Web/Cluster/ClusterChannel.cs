using System.Text.Json;
using StackExchange.Redis;

namespace WeakSegPortal.Web.Cluster;

/// <summary>
/// One kind of JSON message on one Redis channel (<c>{prefix}:{name}</c>): what any node sends, every node hears, this
/// one included. The broadcasts (agreement, training, ended sign-ins) are each one of these plus what their node does
/// with a message, and what it does instead when Redis cannot carry it.
/// </summary>
public sealed class ClusterChannel<T>(RedisLink link, string name) where T : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Hands every message of the channel to <paramref name="handle"/>; nothing without Redis configured.</summary>
    public Task ListenAsync(Action<T> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return !link.IsConfigured ? Task.CompletedTask : link.ListenAsync(name, message =>
        {
            if (JsonSerializer.Deserialize<T>(message.ToString(), Json) is { } value)
            {
                handle(value);
            }
        });
    }

    /// <summary>
    /// Sends <paramref name="message"/> to every node. Sent is false when Redis is not connected (or not configured) or
    /// the publish failed; Failure then says why the publish failed (null when there was no connection to try).
    /// </summary>
    public async Task<(bool Sent, string? Failure)> TrySendAsync(T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!link.IsConnected)
        {
            return (false, null);
        }
        try
        {
            await link.Database.PublishAsync(link.Channel(name), JsonSerializer.Serialize(message, Json));
            return (true, null);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            return (false, e.Message);
        }
    }
}
