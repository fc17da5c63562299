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
/// of events. Every item touched in the page is recomputed once; Marten commits the documents together
/// with the subscription's progress, and open QA pages hear about it after the commit.
/// </summary>
public sealed class AgreementSubscription : SubscriptionBase
{
    public const string SubscriptionName = "agreement";

    private readonly AgreementRecomputer _recomputer;
    private readonly AgreementNotifier _notifier;

    public AgreementSubscription(AgreementRecomputer recomputer, AgreementNotifier notifier)
    {
        (_recomputer, _notifier) = (recomputer, notifier);
        Name = SubscriptionName;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(operations);
        var items = page.Events.Select(e => ItemOf(e.Data)).OfType<Guid>().ToHashSet();
        if (items.Count == 0)
        {
            return NullChangeListener.Instance;
        }
        var change = await _recomputer.RecomputeAsync(operations, items, cancellationToken);
        return new AfterCommit(_notifier, change);
    }

    private static Guid? ItemOf(object data) => data switch
    {
        BoxDrawn e => e.ItemId,
        ScribbleDrawn e => e.ItemId,
        PointPlaced e => e.ItemId,
        TagSet e => e.ItemId,
        AnnotationDeleted e => e.ItemId,
        ItemSubmitted e => e.ItemId,
        ItemMarkedGold e => e.ItemId,
        ItemAdjudicated e => e.ItemId,
        ItemReturned e => e.ItemId,
        _ => null,
    };

    private sealed class AfterCommit(AgreementNotifier notifier, AgreementChanged change) : IChangeListener
    {
        public Task AfterCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token) => notifier.NotifyAsync(change);

        public Task BeforeCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }
}
