namespace WeakSegPortal.Core.Items;

/// <summary>
/// Where an annotator stands in a project's queue: items finished (submitted or skipped), items
/// open for them (of which returned by QA), and regular items the queue may still hand them.
/// Available is an upper bound: other annotators may fill an item's last slots first.
/// Gold items count only once assigned, since whether one comes is a draw at the gold rate.
/// </summary>
public sealed record QueueProgress(int Done, int Open, int Returned, int Available)
{
    /// <summary>Items still to do: open ones and those the queue may still hand out.</summary>
    public int Left => Open + Available;

    /// <summary>Items done and to do.</summary>
    public int Total => Done + Left;

    /// <summary>The position of the item being worked on (the next one when none is open), 1-based.</summary>
    public int Position => Math.Min(Done + 1, Math.Max(Total, 1));

    /// <summary>The annotator's progress over a project's items under the queue's rules (<see cref="QueueRules"/>).</summary>
    public static QueueProgress Of(IEnumerable<ItemView> items, Guid annotator, int overlap)
    {
        ArgumentNullException.ThrowIfNull(items);
        int done = 0, open = 0, returned = 0, available = 0;
        foreach (var item in items)
        {
            if (item.IsOpenFor(annotator))
            {
                open++;
                returned += item.ReturnCommentFor(annotator) is null ? 0 : 1;
            }
            else if (QueueRules.IsFinishedBy(item, annotator))
            {
                done++;
            }
            else if (QueueRules.IsAvailableTo(item, annotator, overlap))
            {
                available++;
            }
        }
        return new QueueProgress(done, open, returned, available);
    }
}
