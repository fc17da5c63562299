namespace WeakSegPortal.Web.Cluster;

/// <summary>
/// State one node holds and every node should see (its connected workers, its annotators' presence): this node's
/// entries go to Redis under the node's name and expire with it; the others' entries come back. Without Redis a
/// node sees its own entries only.
/// </summary>
public interface ISharedNodeState
{
    /// <summary>The table's name in Redis ("workers", "presence").</summary>
    string Table { get; }

    /// <summary>This node's entries now: key → JSON.</summary>
    IReadOnlyDictionary<string, string> LocalEntries();

    /// <summary>Raised when <see cref="LocalEntries"/> changed, so the other nodes hear of it at once rather than at the next heartbeat.</summary>
    event Action? LocalChanged;

    /// <summary>The entries of the other live nodes (all of them, each time); empty while Redis is unreachable.</summary>
    void OthersAre(IReadOnlyList<NodeEntry> entries);
}
