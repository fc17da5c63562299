using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Tests.Items;

/// <summary>When the queue serves an annotator a hidden repeat, and of which item (<see cref="QueueRules.RepeatDue"/>).</summary>
public sealed class RepeatDueTests
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static ItemView SubmittedBy(Guid annotator, int minute, Action<ItemView>? shape = null)
    {
        var item = new ItemView { Id = Guid.NewGuid(), Name = $"item {minute}", RegisteredAt = T0 };
        item.AssignedTo.Add(annotator);
        item.SubmittedBy.Add(annotator);
        item.Submissions.Add(new SubmissionNote(annotator, 1000, T0.AddMinutes(minute)));
        shape?.Invoke(item);
        return item;
    }

    private static ItemView RepeatOf(ItemView original, Guid annotator)
    {
        var repeat = new ItemView { Id = RepeatIds.For(original.Id, annotator), RepeatOf = original.Id, RegisteredAt = T0 };
        repeat.AssignedTo.Add(annotator);
        return repeat;
    }

    [Fact]
    public void No_repeat_is_due_when_the_project_asks_for_none()
    {
        var items = Enumerable.Range(0, 10).Select(m => SubmittedBy(Me, m)).ToList();

        Assert.Null(QueueRules.RepeatDue(items, Me, share: 0));
    }

    [Fact]
    public void A_repeat_is_due_once_the_share_of_submitted_items_reaches_a_whole_item()
    {
        var items = Enumerable.Range(0, 4).Select(m => SubmittedBy(Me, m)).ToList();
        Assert.Null(QueueRules.RepeatDue(items, Me, share: 0.25 - 0.01));

        var due = QueueRules.RepeatDue(items, Me, share: 0.25);

        // The item submitted longest ago comes back.
        Assert.Same(items[0], due);
    }

    [Fact]
    public void The_item_submitted_last_is_never_repeated_straight_away()
    {
        var only = SubmittedBy(Me, 0);

        Assert.Null(QueueRules.RepeatDue([only], Me, share: 1.0));
        var second = SubmittedBy(Me, 1);
        Assert.Same(only, QueueRules.RepeatDue([second, only], Me, share: 0.5));
    }

    [Fact]
    public void Repeats_already_made_are_counted_and_an_item_is_repeated_once()
    {
        var items = Enumerable.Range(0, 4).Select(m => SubmittedBy(Me, m)).ToList();
        items.Add(RepeatOf(items[0], Me));

        Assert.Null(QueueRules.RepeatDue(items, Me, share: 0.25));
        Assert.Same(items[1], QueueRules.RepeatDue(items, Me, share: 0.5));
    }

    [Fact]
    public void Gold_items_skipped_items_and_other_annotators_work_neither_count_nor_come_back()
    {
        var gold = SubmittedBy(Me, 0, i => i.IsGold = true);
        var skipped = new ItemView { Id = Guid.NewGuid(), RegisteredAt = T0 };
        skipped.AssignedTo.Add(Me);
        skipped.SkippedBy.Add(Me);
        var theirs = SubmittedBy(Other, 1);
        var mine = SubmittedBy(Me, 2);

        Assert.Null(QueueRules.RepeatDue([gold, skipped, theirs, mine], Me, share: 0.5));
        Assert.Same(theirs, QueueRules.RepeatDue([theirs, SubmittedBy(Other, 3)], Other, share: 0.5));
    }

    [Fact]
    public void A_hidden_repeat_is_never_handed_out_as_a_regular_item()
    {
        var original = SubmittedBy(Me, 0);
        var repeat = RepeatOf(original, Me);

        Assert.False(QueueRules.IsAvailableTo(repeat, Other, overlap: 5));
        // For its annotator it is an item like any other: open until submitted, then done.
        Assert.Equal(new QueueProgress(Done: 1, Open: 1, Returned: 0, Available: 0), QueueProgress.Of([original, repeat], Me, overlap: 2));
    }

    [Fact]
    public void A_repeat_id_is_the_same_for_the_same_item_and_annotator_and_differs_otherwise()
    {
        var item = Guid.NewGuid();

        Assert.Equal(RepeatIds.For(item, Me), RepeatIds.For(item, Me));
        Assert.NotEqual(RepeatIds.For(item, Me), RepeatIds.For(item, Other));
        Assert.NotEqual(item, RepeatIds.For(item, Me));
    }
}
