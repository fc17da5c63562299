namespace WeakSegPortal.Worker;

/// <summary>The link's state for logs and tests: the state, the last failure, and how many times the worker announced itself.</summary>
public sealed class LinkStatus
{
    private readonly Lock _gate = new();

    public LinkState State { get; private set; } = LinkState.Connecting;

    public string? LastFailure { get; private set; }

    public int Announcements { get; private set; }

    public string WorkerId { get; } = Guid.NewGuid().ToString("N");

    internal void Announced()
    {
        lock (_gate)
        {
            (State, Announcements) = (LinkState.Connected, Announcements + 1);
        }
    }

    internal void Failed(LinkState state, string reason)
    {
        lock (_gate)
        {
            (State, LastFailure) = (state, reason);
        }
    }
}
