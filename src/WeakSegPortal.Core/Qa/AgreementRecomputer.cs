using Marten;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// Rewrites the agreement summaries of some items and the scorecards of everyone who labelled them,
/// from the current (inline-projected) labels. Run off the annotation path, by the agreement subscription.
/// </summary>
public sealed partial class AgreementRecomputer(TimeProvider clock, ILogger<AgreementRecomputer> log)
{
    public async Task<AgreementChanged> RecomputeAsync(IDocumentOperations operations, IReadOnlyCollection<Guid> itemIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(itemIds);
        var now = clock.GetUtcNow();
        // Reads go through their own session: the daemon's session keeps an identity map, and a
        // summary read there could not then be replaced by its fresh version.
        await using var reader = operations.DocumentStore.QuerySession();
        var items = await reader.LoadManyAsync<ItemView>(ct, itemIds);
        var ids = items.Select(i => i.Id).ToList();
        var labels = (await AnnotationRecords.OfItemsAsync(reader, ids, ct)).ToLookup(l => l.ItemId);
        var fresh = new List<ItemAgreementSummary>(items.Count);
        foreach (var item in items)
        {
            var reference = item.IsGold && item.Adjudication is not null ? await LastAdjudicationAsync(reader, item.Id, ct) : null;
            try
            {
                fresh.Add(ItemAgreementSummarizer.Summarize(item, [.. labels[item.Id]], reference, now));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // One malformed item must not stall the subscription (and with it every other item's agreement).
                SummaryFailed(log, e, item.Id);
            }
        }
        // Someone who deleted all their labels drops out of the fresh summary but still needs a new scorecard.
        var before = await reader.LoadManyAsync<ItemAgreementSummary>(ct, ids);
        operations.Store<ItemAgreementSummary>(fresh);
        foreach (var project in fresh.GroupBy(s => s.ProjectId))
        {
            var annotators = project.SelectMany(s => s.AnnotatorIds)
                .Concat(before.Where(b => b.ProjectId == project.Key).SelectMany(b => b.AnnotatorIds))
                .Distinct().ToList();
            operations.Store<AnnotatorScorecard>(await RebuildScorecardsAsync(reader, project.Key, annotators, project.ToList(), now, ct));
        }
        return new AgreementChanged(ids, [.. fresh.Select(s => s.ProjectId).Distinct()], now);
    }

    private static async Task<List<AnnotatorScorecard>> RebuildScorecardsAsync(IQuerySession reader, Guid projectId, List<Guid> annotators, List<ItemAgreementSummary> fresh, DateTimeOffset now, CancellationToken ct)
    {
        var freshById = fresh.ToDictionary(s => s.Id);
        var cards = new List<AnnotatorScorecard>(annotators.Count);
        foreach (var annotator in annotators)
        {
            // Only this annotator's items; the fresh summaries are not committed yet, so they replace the stored ones.
            var stored = await reader.Query<ItemAgreementSummary>()
                .Where(s => s.ProjectId == projectId && s.AnnotatorIds.Contains(annotator))
                .ToListAsync(ct);
            var summaries = stored.Where(s => !freshById.ContainsKey(s.Id)).Concat(fresh).ToList();
            var items = summaries.Select(s => s.Id).ToHashSet();
            var labels = await AnnotationRecords.OfAnnotatorAsync(reader, annotator, ct);
            cards.Add(ScorecardBuilder.Build(projectId, annotator, summaries, labels.Where(l => items.Contains(l.ItemId)), now));
        }
        return cards;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Agreement of item {ItemId} could not be computed; it keeps its previous summary")]
    private static partial void SummaryFailed(ILogger logger, Exception exception, Guid itemId);

    private static async Task<ItemAdjudicated?> LastAdjudicationAsync(IQuerySession session, Guid itemId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(itemId, token: ct);
        return events.Select(e => e.Data).OfType<ItemAdjudicated>().LastOrDefault();
    }
}
