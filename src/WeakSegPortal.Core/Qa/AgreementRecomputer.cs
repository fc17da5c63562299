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
    /// <summary>
    /// The most items one page of the trailing subscription recomputes (<see cref="RecomputePageAsync"/>). A recompute
    /// cost about 0.9 s an item on the node taking the daemon over in bench.sh cluster (load 38–52), so a page of 22 items
    /// took 19.5 s before agreement moved; 4 keeps a page to a few seconds there.
    /// </summary>
    public const int ItemsPerPage = 4;

    /// <summary>
    /// Recomputes those items whose stored summary does not include yet the newest of their events in a page of the
    /// agreement subscription (<paramref name="newestEvents"/>: item → that event's sequence number); null when every
    /// one does. A summary is computed from every label committed when it was made (<see cref="ItemAgreementSummary.EventsThrough"/>),
    /// so while the subscription trails the events, one recompute of an item covers the pages after it up to that mark,
    /// and a node taking the daemon over goes through them without recomputing the same items again.
    /// </summary>
    public Task<AgreementChanged?> RecomputeBehindAsync(IDocumentOperations operations, IReadOnlyDictionary<Guid, long> newestEvents, CancellationToken ct) =>
        RecomputeBehindAsync(operations, newestEvents, new AgreementRecomputeTrace(), ct);

    /// <inheritdoc cref="RecomputeBehindAsync(IDocumentOperations, IReadOnlyDictionary{Guid, long}, CancellationToken)"/>
    /// <param name="trace">Filled with why items were recomputed and the time of each stage.</param>
    public async Task<AgreementChanged?> RecomputeBehindAsync(IDocumentOperations operations, IReadOnlyDictionary<Guid, long> newestEvents, AgreementRecomputeTrace trace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(newestEvents);
        ArgumentNullException.ThrowIfNull(trace);
        List<Guid> behind;
        await using (var reader = operations.DocumentStore.QuerySession())
        {
            behind = await BehindAsync(reader, newestEvents, trace, ct);
        }
        trace.Checked();
        return behind.Count == 0 ? null : await RecomputeAsync(operations, behind, trace, ct);
    }

    /// <summary>
    /// One page of the agreement subscription, bounded (issue 12): the items behind are those the page touched whose
    /// summary was made before their newest event in it, and those an earlier page left in the <see cref="AgreementBacklog"/>
    /// <paramref name="backlogId"/>. While the subscription trails (the page ends below the committed-events mark) at most
    /// <paramref name="maxItems"/> of them are recomputed, those waiting longest first, and the rest go to the backlog, stored
    /// with the page. A page that reaches the mark recomputes every item behind, so once the annotators stop every summary is
    /// a full recompute's. Null when nothing was recomputed.
    /// </summary>
    /// <param name="newestEvents">Item → the sequence number of its newest event in the page.</param>
    /// <param name="pageCeiling">The page's last sequence number.</param>
    public async Task<AgreementChanged?> RecomputePageAsync(IDocumentOperations operations, string backlogId, IReadOnlyDictionary<Guid, long> newestEvents, long pageCeiling,
        int maxItems, AgreementRecomputeTrace trace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(newestEvents);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        AgreementBacklog backlog;
        Dictionary<Guid, long> due;
        List<Guid> behind;
        await using (var reader = operations.DocumentStore.QuerySession())
        {
            backlog = await reader.LoadAsync<AgreementBacklog>(backlogId, ct) ?? new AgreementBacklog { Id = backlogId };
            due = new Dictionary<Guid, long>(backlog.Items);
            foreach (var (item, sequence) in newestEvents)
            {
                due[item] = Math.Max(sequence, due.GetValueOrDefault(item));
            }
            trace.Carried = backlog.Items.Count;
            behind = await BehindAsync(reader, due, trace, ct);
        }
        var now = behind;
        if (behind.Count > maxItems && pageCeiling < await CommittedEvents.ThroughAsync(operations.DocumentStore, ct))
        {
            now = [.. behind.OrderBy(id => due[id]).ThenBy(id => id).Take(maxItems)];
        }
        var left = behind.Except(now).ToDictionary(id => id, id => due[id]);
        trace.CarriedOn = left.Count;
        if (left.Count > 0 || backlog.Items.Count > 0)
        {
            operations.Store(new AgreementBacklog { Id = backlogId, Items = left });
        }
        trace.Checked();
        return now.Count == 0 ? null : await RecomputeAsync(operations, now, trace, ct);
    }

    /// <summary>The items whose stored summary does not include yet their event in <paramref name="due"/> (item → sequence number).</summary>
    private static async Task<List<Guid>> BehindAsync(IQuerySession reader, IReadOnlyDictionary<Guid, long> due, AgreementRecomputeTrace trace, CancellationToken ct)
    {
        var stored = due.Count == 0 ? [] : await reader.LoadManyAsync<ItemAgreementSummary>(ct, due.Keys);
        var current = stored.Where(s => s.EventsThrough >= due[s.Id]).Select(s => s.Id).ToHashSet();
        var behind = due.Keys.Where(id => !current.Contains(id)).ToList();
        var stale = stored.Where(s => !current.Contains(s.Id)).ToList();
        trace.Touched = due.Count;
        trace.PageThrough = due.Count == 0 ? 0 : due.Values.Max();
        trace.SummaryBehind = stale.Count;
        trace.WithoutSummary = behind.Count - stale.Count;
        trace.OldestThrough = stale.Count == 0 ? 0 : stale.Min(s => s.EventsThrough);
        return behind;
    }

    public Task<AgreementChanged> RecomputeAsync(IDocumentOperations operations, IReadOnlyCollection<Guid> itemIds, CancellationToken ct) =>
        RecomputeAsync(operations, itemIds, new AgreementRecomputeTrace(), ct);

    public async Task<AgreementChanged> RecomputeAsync(IDocumentOperations operations, IReadOnlyCollection<Guid> itemIds, AgreementRecomputeTrace trace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(trace);
        var now = clock.GetUtcNow();
        // Read before the labels: every event up to the mark was committed, and with it its inline-projected label.
        var through = await CommittedEvents.ThroughAsync(operations.DocumentStore, ct);
        // Reads go through their own session: the daemon's session keeps an identity map, and a
        // summary read there could not then be replaced by its fresh version.
        await using var reader = operations.DocumentStore.QuerySession();
        var loaded = await reader.LoadManyAsync<ItemView>(ct, itemIds);
        // Hidden repeats never get a summary of their own: they are scored against their first pass instead.
        var items = loaded.Where(i => !i.IsRepeat).ToList();
        var ids = items.Select(i => i.Id).ToList();
        var labels = (await AnnotationRecords.OfItemsAsync(reader, ids, ct)).ToLookup(l => l.ItemId);
        trace.Through = through;
        trace.Items = ids.Count;
        trace.Labels = labels.Sum(g => g.Sum(l => l.Annotations.Count));
        trace.Loaded();
        var fresh = new List<ItemAgreementSummary>(items.Count);
        foreach (var item in items)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var reference = item.IsGold && item.Adjudication is not null ? await LastAdjudicationAsync(reader, item.Id, ct) : null;
            try
            {
                var summary = ItemAgreementSummarizer.Summarize(item, [.. labels[item.Id]], reference, now);
                summary.EventsThrough = through;
                fresh.Add(summary);
                trace.ItemSummarized(item.Name, labels[item.Id].Count(), labels[item.Id].Sum(l => l.Annotations.Count), System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // One malformed item must not stall the subscription (and with it every other item's agreement).
                SummaryFailed(log, e, item.Id);
            }
        }
        trace.Summarized();
        var repeats = await RepeatsTouchedAsync(reader, loaded, items, ct);
        var (selves, dropped) = await ScoreRepeatsAsync(reader, repeats, items, now, ct);
        trace.RepeatsScored();
        // Someone who deleted all their labels drops out of the fresh summary but still needs a new scorecard.
        var before = await reader.LoadManyAsync<ItemAgreementSummary>(ct, ids);
        operations.Store<ItemAgreementSummary>(fresh);
        if (selves.Count > 0)
        {
            operations.Store<SelfAgreement>(selves);
        }
        foreach (var gone in dropped)
        {
            operations.Delete<SelfAgreement>(gone);
        }
        var projects = fresh.Select(s => s.ProjectId).Concat(repeats.Select(r => r.ProjectId)).Distinct().ToList();
        foreach (var project in projects)
        {
            var summaries = fresh.Where(s => s.ProjectId == project).ToList();
            var annotators = summaries.SelectMany(s => s.AnnotatorIds)
                .Concat(before.Where(b => b.ProjectId == project).SelectMany(b => b.AnnotatorIds))
                .Concat(repeats.Where(r => r.ProjectId == project).SelectMany(r => r.AssignedTo))
                .Distinct().ToList();
            operations.Store<AnnotatorScorecard>(await RebuildScorecardsAsync(reader, project, annotators, summaries, selves, dropped, (ids, labels), now, trace, ct));
        }
        trace.ScorecardsBuilt();
        return new AgreementChanged([.. ids, .. repeats.Select(r => r.Id)], projects, now);
    }

    /// <summary>The repeats among the items, and every repeat of an original among them (its first pass may have changed).</summary>
    private static async Task<List<ItemView>> RepeatsTouchedAsync(IQuerySession reader, IReadOnlyList<ItemView> loaded, List<ItemView> originals, CancellationToken ct)
    {
        var repeats = loaded.Where(i => i.IsRepeat).ToList();
        if (originals.Count == 0)
        {
            return repeats;
        }
        var originalIds = originals.Select(i => i.Id).ToHashSet();
        var projectIds = originals.Select(i => i.ProjectId).Distinct().ToArray();
        // Repeats are a small share of a project's items; the original is matched here rather than in SQL.
        var candidates = await reader.Query<ItemView>().Where(i => i.ProjectId.IsOneOf(projectIds) && i.RepeatOf != null).ToListAsync(ct);
        return [.. repeats.Concat(candidates.Where(c => originalIds.Contains(c.RepeatOf!.Value))).DistinctBy(r => r.Id)];
    }

    private static async Task<(List<SelfAgreement> Scored, List<Guid> Dropped)> ScoreRepeatsAsync(IQuerySession reader, List<ItemView> repeats, List<ItemView> originals, DateTimeOffset now, CancellationToken ct)
    {
        var scored = new List<SelfAgreement>();
        var dropped = new List<Guid>();
        foreach (var repeat in repeats)
        {
            var original = originals.Find(i => i.Id == repeat.RepeatOf) ?? await reader.LoadAsync<ItemView>(repeat.RepeatOf!.Value, ct);
            var annotator = repeat.AssignedTo.FirstOrDefault();
            if (original is null || annotator == Guid.Empty)
            {
                continue;
            }
            var first = await AnnotationRecords.OfAsync(reader, original.Id, annotator, ct);
            var second = await AnnotationRecords.OfAsync(reader, repeat.Id, annotator, ct);
            if (SelfAgreementScorer.Score(original, repeat, first, second, now) is { } self)
            {
                scored.Add(self);
            }
            else
            {
                dropped.Add(repeat.Id);
            }
        }
        return (scored, dropped);
    }

    /// <param name="read">The items whose labels this recompute read already, with those labels: only the others' are read again.</param>
    /// <remarks>
    /// Three reads for all the annotators together (issue 12: one set per annotator made the scorecards of a takeover's
    /// first page cost seconds): the project's stored summaries, the annotators' labels on their other items, and their
    /// hidden repeats' agreement.
    /// </remarks>
    private static async Task<List<AnnotatorScorecard>> RebuildScorecardsAsync(IQuerySession reader, Guid projectId, List<Guid> annotators, List<ItemAgreementSummary> fresh,
        List<SelfAgreement> freshSelves, List<Guid> dropped, (List<Guid> Items, ILookup<Guid, AnnotatorItemLabels> Labels) read, DateTimeOffset now, AgreementRecomputeTrace trace, CancellationToken ct)
    {
        if (annotators.Count == 0)
        {
            return [];
        }
        var freshById = fresh.ToDictionary(s => s.Id);
        var wanted = annotators.ToHashSet();
        var ids = annotators.ToArray();
        // The fresh summaries are not committed yet, so they replace the stored ones.
        var stored = await reader.Query<ItemAgreementSummary>().Where(s => s.ProjectId == projectId).ToListAsync(ct);
        var storedOnly = stored.Where(s => !freshById.ContainsKey(s.Id) && s.AnnotatorIds.Exists(wanted.Contains)).ToList();
        var others = (await AnnotationRecords.OfAnnotatorsAsync(reader, ids, read.Items, ct)).ToLookup(l => l.AnnotatorId);
        var readHere = read.Items.SelectMany(i => read.Labels[i]).Where(l => wanted.Contains(l.AnnotatorId)).ToLookup(l => l.AnnotatorId);
        var storedSelves = (await reader.Query<SelfAgreement>().Where(s => s.ProjectId == projectId && s.AnnotatorId.IsOneOf(ids)).ToListAsync(ct)).ToLookup(s => s.AnnotatorId);
        var cards = new List<AnnotatorScorecard>(annotators.Count);
        foreach (var annotator in annotators)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            // As before the reads were batched: the annotator's stored summaries and every fresh one.
            var theirs = storedOnly.Where(s => s.AnnotatorIds.Contains(annotator)).Concat(fresh).ToList();
            var items = theirs.Select(s => s.Id).ToHashSet();
            trace.Scorecards++;
            trace.ScorecardLabels += others[annotator].Sum(l => l.Annotations.Count);
            List<AnnotatorItemLabels> labels = [.. readHere[annotator], .. others[annotator]];
            var selves = storedSelves[annotator].Where(s => !dropped.Contains(s.Id) && !freshSelves.Exists(f => f.Id == s.Id))
                .Concat(freshSelves.Where(f => f.ProjectId == projectId && f.AnnotatorId == annotator));
            cards.Add(ScorecardBuilder.Build(projectId, annotator, theirs, labels.Where(l => items.Contains(l.ItemId)), now, selves));
            trace.ScorecardBuilt(items.Count, labels.Sum(l => l.Annotations.Count), System.Diagnostics.Stopwatch.GetElapsedTime(started));
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
