namespace WeakSegPortal.Worker;

/// <summary>Where the worker's link to the portal stands.</summary>
public enum LinkState
{
    Connecting,
    Connected,
    /// <summary>The portal answered 401/403: the token is wrong (it keeps trying, in case the portal's tokens change).</summary>
    Refused,
    /// <summary>The portal could not be reached, or the link broke; it keeps trying with backoff.</summary>
    Unreachable,
}
