namespace WeakSegPortal.Core.Qa;

/// <summary>
/// The items an agreement page found behind but left for a later page (issue 12: one page recomputes at most
/// <see cref="AgreementRecomputer.ItemsPerPage"/> items while the subscription trails the event store). Stored with the
/// subscription's progress in the page's transaction, so a node taking the daemon over carries on with it; one per
/// subscription.
/// </summary>
public sealed class AgreementBacklog
{
    /// <summary>The subscription's name.</summary>
    public string Id { get; set; } = "";

    /// <summary>Item → the newest of its events the subscription has passed: its summary must be made after it.</summary>
    public Dictionary<Guid, long> Items { get; set; } = [];
}
