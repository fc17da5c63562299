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
    /// (gold items come by the gold rate, outside the overlap), not a hidden repeat (it belongs to one
    /// annotator), never theirs before, below the overlap.
    /// </summary>
    public static bool IsAvailableTo(ItemView item, Guid annotator, int overlap)
    {
        ArgumentNullException.ThrowIfNull(item);
        return !item.IsGold && !item.IsRepeat && !item.AssignedTo.Contains(annotator) && Coverage(item) < overlap;
    }

    /// <summary>
    /// The item to serve this annotator again as a hidden repeat now, or null. A repeat is due while fewer
    /// repeats were made for them than ⌊share × regular items they submitted⌋ (gold items and repeats do not
    /// count). The item repeated is the one they submitted longest ago among their submitted regular items not
    /// yet repeated, never the one they submitted last, so a repeat never follows its original directly.
    /// </summary>
    public static ItemView? RepeatDue(IReadOnlyCollection<ItemView> items, Guid annotator, double share)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (share <= 0)
        {
            return null;
        }
        var submitted = items.Where(i => !i.IsRepeat && !i.IsGold && i.SubmittedBy.Contains(annotator)).ToList();
        var repeated = items.Where(i => i.IsRepeat && i.AssignedTo.Contains(annotator)).Select(i => i.RepeatOf!.Value).ToHashSet();
        // The small epsilon keeps 0.3 × 10 from flooring to 2 in binary floating point.
        if (repeated.Count >= (int)Math.Floor((share * submitted.Count) + 1e-9))
        {
            return null;
        }
        var bySubmission = submitted
            .Select(i => (Item: i, At: SubmittedAt(i, annotator)))
            .OrderBy(p => p.At).ThenBy(p => p.Item.RegisteredAt).ThenBy(p => p.Item.Id)
            .ToList();
        return bySubmission.Take(bySubmission.Count - 1).Select(p => p.Item).FirstOrDefault(i => !repeated.Contains(i.Id));
    }

    /// <summary>When the annotator last submitted the item (its registration time for views older than the submission notes).</summary>
    private static DateTimeOffset SubmittedAt(ItemView item, Guid annotator) =>
        item.Submissions.Where(s => s.AnnotatorId == annotator).Select(s => s.At).DefaultIfEmpty(item.RegisteredAt).Max();

    /// <summary>Whether the annotator submitted or skipped the item and it was not returned to them since.</summary>
    public static bool IsFinishedBy(ItemView item, Guid annotator)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.AssignedTo.Contains(annotator) && !item.IsOpenFor(annotator);
    }
}
