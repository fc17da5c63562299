using Marten;
using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// An item's labels as they stood at any moment: each annotator's stream replayed up to that time
/// by <see cref="LabelFold"/>, under the same rules as the stored records, so history and present never disagree.
/// </summary>
public static class LabelReplay
{
    /// <summary>One event of an annotator's stream with the time the store recorded it.</summary>
    public sealed record Entry(DateTimeOffset At, object Data);

    public static AnnotatorItemLabels AsOf(Guid itemId, Guid annotatorId, IEnumerable<Entry> stream, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var labels = new AnnotatorItemLabels { Id = AnnotationStreams.For(itemId, annotatorId), ItemId = itemId, AnnotatorId = annotatorId };
        foreach (var entry in stream.Where(e => e.At <= at).OrderBy(e => e.At))
        {
            if (entry.Data is IAnnotationEvent e)
            {
                LabelFold.Apply(e, labels);
            }
        }
        return labels;
    }

    /// <summary>Every annotator's stream on the item, read once so a time slider can replay without the database.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Entry>>> LoadAsync(IQuerySession session, Guid itemId, IEnumerable<Guid> annotators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(annotators);
        var streams = new Dictionary<Guid, IReadOnlyList<Entry>>();
        foreach (var annotator in annotators.Distinct())
        {
            var events = await session.Events.FetchStreamAsync(AnnotationStreams.For(itemId, annotator), token: ct);
            streams[annotator] = [.. events.Select(e => new Entry(e.Timestamp, e.Data))];
        }
        return streams;
    }
}
