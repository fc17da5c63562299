using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WeakSegPortal.Web.Workers;

/// <summary>
/// Highest-random-weight (rendezvous) hashing: the workers ranked for one item by a hash of (worker id, item id).
/// Every node ranks them alike; a worker joining or leaving moves only the items it wins or held, so an item's
/// embeddings and previous masks stay where they are.
/// </summary>
public static class RendezvousRanking
{
    public static IReadOnlyList<ConnectedWorker> Rank(IEnumerable<ConnectedWorker> workers, Guid itemId) =>
        [.. workers.OrderByDescending(w => Weight(w.Announcement.WorkerId, itemId)).ThenBy(w => w.ConnectionId, StringComparer.Ordinal)];

    public static ulong Weight(string workerId, Guid itemId)
    {
        ArgumentNullException.ThrowIfNull(workerId);
        var id = Encoding.UTF8.GetBytes(workerId);
        var input = new byte[id.Length + 16];
        id.CopyTo(input, 0);
        itemId.TryWriteBytes(input.AsSpan(id.Length));
        return BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(input));
    }
}
