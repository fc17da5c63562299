using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// Rewrites the agreement summaries of some items and the scorecards of everyone who labelled them,
/// from the current (inline-projected) labels. Run off the annotation path, by the agreement subscription.
/// </summary>
public sealed class AgreementRecomputer(TimeProvider clock)
{
    public async Task<AgreementChanged> RecomputeAsync(IDocumentOperations operations, IReadOnlyCollection<Guid> itemIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(itemIds);
        var now = clock.GetUtcNow();
        var items = await operations.LoadManyAsync<ItemView>(ct, itemIds);
        var ids = items.Select(i => i.Id).ToList();
        var labels = (await operations.Query<AnnotatorItemLabels>().Where(l => l.ItemId.IsOneOf(ids)).ToListAsync(ct))
            .ToLookup(l => l.ItemId);
        var fresh = new List<ItemAgreementSummary>(items.Count);
        foreach (var item in items)
        {
            var reference = item.IsGold && item.Adjudication is not null ? await LastAdjudicationAsync(operations, item.Id, ct) : null;
            fresh.Add(ItemAgreementSummarizer.Summarize(item, [.. labels[item.Id]], reference, now));
        }
        operations.Store<ItemAgreementSummary>(fresh);
        foreach (var project in fresh.GroupBy(s => s.ProjectId))
        {
            await RebuildScorecardsAsync(operations, project.Key, project.ToList(), now, ct);
        }
        return new AgreementChanged(ids, [.. fresh.Select(s => s.ProjectId).Distinct()], now);
    }

    private static async Task RebuildScorecardsAsync(IDocumentOperations operations, Guid projectId, List<ItemAgreementSummary> fresh, DateTimeOffset now, CancellationToken ct)
    {
        // The fresh summaries are not committed yet: lay them over the stored ones.
        var summaries = (await operations.Query<ItemAgreementSummary>().Where(s => s.ProjectId == projectId).ToListAsync(ct))
            .ToDictionary(s => s.Id);
        foreach (var summary in fresh)
        {
            summaries[summary.Id] = summary;
        }
        foreach (var annotator in fresh.SelectMany(s => s.AnnotatorIds).Distinct())
        {
            var labels = await operations.Query<AnnotatorItemLabels>().Where(l => l.AnnotatorId == annotator).ToListAsync(ct);
            var inProject = labels.Where(l => summaries.ContainsKey(l.ItemId));
            operations.Store(ScorecardBuilder.Build(projectId, annotator, summaries.Values, inProject, now));
        }
    }

    private static async Task<ItemAdjudicated?> LastAdjudicationAsync(IQuerySession session, Guid itemId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(itemId, token: ct);
        return events.Select(e => e.Data).OfType<ItemAdjudicated>().LastOrDefault();
    }
}
