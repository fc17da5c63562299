using Marten;

namespace WeakSegPortal.Core.Annotations;

/// <summary>Assembles annotators' current labels from their <see cref="AnnotationRecord"/>s, in the order they were made.</summary>
public static class AnnotationRecords
{
    public static async Task<AnnotatorItemLabels> OfAsync(IQuerySession session, Guid itemId, Guid annotatorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var records = await session.Query<AnnotationRecord>().Where(r => r.ItemId == itemId && r.AnnotatorId == annotatorId).ToListAsync(ct);
        return Assemble(itemId, annotatorId, records);
    }

    public static async Task<IReadOnlyList<AnnotatorItemLabels>> OfItemsAsync(IQuerySession session, IReadOnlyCollection<Guid> itemIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = itemIds.ToArray();
        var records = await session.Query<AnnotationRecord>().Where(r => r.ItemId.IsOneOf(ids)).ToListAsync(ct);
        return Group(records);
    }

    public static async Task<IReadOnlyList<AnnotatorItemLabels>> OfAnnotatorAsync(IQuerySession session, Guid annotatorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var records = await session.Query<AnnotationRecord>().Where(r => r.AnnotatorId == annotatorId).ToListAsync(ct);
        return Group(records);
    }

    /// <summary>Some annotators' labels on every item but <paramref name="exceptItems"/> (whose labels the caller holds already), in one read.</summary>
    public static async Task<IReadOnlyList<AnnotatorItemLabels>> OfAnnotatorsAsync(IQuerySession session, IReadOnlyCollection<Guid> annotatorIds, IReadOnlyCollection<Guid> exceptItems, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(annotatorIds);
        ArgumentNullException.ThrowIfNull(exceptItems);
        var annotators = annotatorIds.ToArray();
        var except = exceptItems.ToArray();
        var records = except.Length == 0
            ? await session.Query<AnnotationRecord>().Where(r => r.AnnotatorId.IsOneOf(annotators)).ToListAsync(ct)
            : await session.Query<AnnotationRecord>().Where(r => r.AnnotatorId.IsOneOf(annotators) && !r.ItemId.IsOneOf(except)).ToListAsync(ct);
        return Group(records);
    }

    private static List<AnnotatorItemLabels> Group(IReadOnlyList<AnnotationRecord> records) =>
        [.. records.GroupBy(r => (r.ItemId, r.AnnotatorId)).Select(g => Assemble(g.Key.ItemId, g.Key.AnnotatorId, [.. g]))];

    private static AnnotatorItemLabels Assemble(Guid itemId, Guid annotatorId, IReadOnlyList<AnnotationRecord> records)
    {
        // Version-7 annotation ids grow with time, so they break ties between labels of the same instant.
        var ordered = records.Select(r => r.Annotation).OrderBy(a => a.At).ThenBy(a => a.AnnotationId).ToList();
        return new AnnotatorItemLabels
        {
            Id = AnnotationStreams.For(itemId, annotatorId),
            ItemId = itemId,
            AnnotatorId = annotatorId,
            Annotations = ordered,
            UpdatedAt = ordered.Count == 0 ? DateTimeOffset.MinValue : ordered[^1].At,
        };
    }
}
