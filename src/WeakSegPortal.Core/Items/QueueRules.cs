namespace WeakSegPortal.Core.Items;

/// <summary>
/// The rules of the work queue that both the queue (<see cref="NextItemHandler"/>) and the
/// annotator's progress (<see cref="QueueProgress"/>) apply, so the count shown is the queue's own.
/// </summary>
public static class QueueRules
{
    /// <summary>Annotators who hold or finished the item; a skip frees its slot.</summary>
    public static int Coverage(ItemView item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.AssignedTo.Count - item.SkippedBy.Count;
    }

    /// <summary>
    /// Whether the queue may still hand the item to this annotator as a regular item: not gold
    /// (gold items come by the gold rate, outside the overlap), never theirs before, below the overlap.
    /// </summary>
    public static bool IsAvailableTo(ItemView item, Guid annotator, int overlap)
    {
        ArgumentNullException.ThrowIfNull(item);
        return !item.IsGold && !item.AssignedTo.Contains(annotator) && Coverage(item) < overlap;
    }

    /// <summary>Whether the annotator submitted or skipped the item and it was not returned to them since.</summary>
    public static bool IsFinishedBy(ItemView item, Guid annotator)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.AssignedTo.Contains(annotator) && !item.IsOpenFor(annotator);
    }
}
