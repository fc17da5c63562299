using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// Keeps agreement summaries and scorecards current. A Marten subscription run by the async daemon:
/// the annotation path only appends events and returns, and the daemon hands this class each new page
/// of events. Every item touched in the page is recomputed once, at most <see cref="AgreementRecomputer.ItemsPerPage"/> of
/// them while the subscription trails (the rest wait in the <see cref="AgreementBacklog"/>); Marten commits the documents together
/// with the subscription's progress, and open QA pages on every node hear about it after the commit
/// (<see cref="AgreementBroadcast"/>). With several nodes, HotCold runs it on one of them at a time.
/// </summary>
public sealed class AgreementSubscription : SubscriptionBase
{
    public const string SubscriptionName = "agreement";

    private readonly AgreementRecomputer _recomputer;
    private readonly AgreementBroadcast _notifier;
    private readonly AgreementBatchTimings _timings;

    /// <summary>
    /// The events that change an item's agreement: every label event, and the QA and submission
    /// decisions. The daemon hands this subscription only these (<c>IncludeType</c>).
    /// </summary>
    public static IReadOnlyList<Type> Inputs { get; } =
        [.. AnnotationEventTypes.All, typeof(ItemSubmitted), typeof(ItemMarkedGold), typeof(ItemAdjudicated), typeof(ItemReturned)];

    /// <summary>Item events that leave agreement as it is, each with the reason (a new item event must be put in one list or the other).</summary>
    public static IReadOnlyDictionary<Type, string> NotInputs { get; } = new Dictionary<Type, string>
    {
        [typeof(ItemRegistered)] = "a new item has no labels",
        [typeof(ItemAssigned)] = "holding an item adds no label",
        [typeof(ItemRepeated)] = "a hidden repeat starts without labels",
        [typeof(ItemSkipped)] = "a skip changes nothing that was labelled",
    };

    public AgreementSubscription(AgreementRecomputer recomputer, AgreementBroadcast notifier, AgreementBatchTimings timings)
    {
        (_recomputer, _notifier, _timings) = (recomputer, notifier, timings);
        Name = SubscriptionName;
        foreach (var type in Inputs)
        {
            IncludeType(type);
        }
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await HandleAsync(page.Events, page.SequenceCeiling, operations, cancellationToken);
    }

    /// <summary>One page: its events (those of <see cref="Inputs"/>) and its last sequence number.</summary>
    public async Task<IChangeListener> HandleAsync(IReadOnlyList<IEvent> events, long ceiling, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(operations);
        // Each touched item with its newest event here: items whose stored summary already includes it are not recomputed.
        var newest = events.Select(e => (Item: ItemOf(e.Data), e.Sequence)).Where(e => e.Item is not null)
            .GroupBy(e => e.Item!.Value).ToDictionary(g => g.Key, g => g.Max(e => e.Sequence));
        // Also a page with no item of its own: it takes on items an earlier page left in the backlog.
        var trace = new AgreementRecomputeTrace();
        var change = await _recomputer.RecomputePageAsync(operations, SubscriptionName, newest, ceiling, AgreementRecomputer.ItemsPerPage, trace, cancellationToken);
        trace.Finished();
        if (trace.Touched > 0)
        {
            _timings.Handled(events.Count, change?.ItemIds.Count ?? 0, trace);
        }
        return change is null ? NullChangeListener.Instance : new AfterCommit(_notifier, change);
    }

    /// <summary>The item whose agreement an event changes, or null.</summary>
    public static Guid? ItemOf(object data) => data is IItemEvent e && Inputs.Contains(data.GetType()) ? e.ItemId : null;

    private sealed class AfterCommit(AgreementBroadcast notifier, AgreementChanged change) : IChangeListener
    {
        public Task AfterCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token) => notifier.PublishAsync(change);

        public Task BeforeCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }
}
