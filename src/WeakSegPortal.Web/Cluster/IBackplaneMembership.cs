namespace WeakSegPortal.Web.Cluster;

/// <summary>
/// Which of this node's hub connections SignalR's Redis backplane can reach from the other nodes. A connection joins
/// when it opens, or later when Redis did not answer in time then (<see cref="ResilientHubLifetimeManager{THub}"/>
/// keeps trying while it lives); until it has joined, the other nodes must not be told of it.
/// </summary>
public interface IBackplaneMembership
{
    /// <summary>Whether a push or client result sent to this connection from another node arrives.</summary>
    bool Reaches(string connectionId);

    /// <summary>Raised with the connection's id when it joins the backplane after a failed first try.</summary>
    event Action<string>? JoinedLate;
}
