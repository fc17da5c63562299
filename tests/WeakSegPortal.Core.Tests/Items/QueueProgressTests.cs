using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Tests.Items;

/// <summary>The annotator's progress counts items by the queue's own rules (<see cref="QueueRules"/>).</summary>
public sealed class QueueProgressTests
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static ItemView Item(Action<ItemView>? shape = null)
    {
        var item = new ItemView { Id = Guid.NewGuid(), RegisteredAt = DateTimeOffset.UtcNow };
        shape?.Invoke(item);
        return item;
    }

    [Fact]
    public void Finished_open_and_still_available_items_make_position_and_total()
    {
        var items = new[]
        {
            Item(i => { i.AssignedTo.Add(Me); i.SubmittedBy.Add(Me); }),
            Item(i => { i.AssignedTo.Add(Me); i.SkippedBy.Add(Me); }),
            Item(i => i.AssignedTo.Add(Me)),
            Item(),
            Item(),
        };

        var progress = QueueProgress.Of(items, Me, overlap: 1);

        Assert.Equal(new QueueProgress(Done: 2, Open: 1, Returned: 0, Available: 2), progress);
        Assert.Equal((3, 5, 3), (progress.Position, progress.Total, progress.Left));
    }

    [Fact]
    public void An_item_whose_slots_are_full_is_not_counted_as_left()
    {
        var full = Item(i => { i.AssignedTo.Add(Other); });
        var freedBySkip = Item(i => { i.AssignedTo.Add(Other); i.SkippedBy.Add(Other); });

        var progress = QueueProgress.Of([full, freedBySkip], Me, overlap: 1);

        Assert.Equal(1, progress.Available);
        Assert.False(QueueRules.IsAvailableTo(full, Me, 1));
        Assert.True(QueueRules.IsAvailableTo(full, Me, 2));
    }

    [Fact]
    public void A_returned_item_is_open_again_and_counted_as_returned()
    {
        var returned = Item(i => { i.AssignedTo.Add(Me); i.Returns.Add(new ReturnNote(Me, "Look at the edge.", Other, DateTimeOffset.UtcNow)); });
        var submitted = Item(i => { i.AssignedTo.Add(Me); i.SubmittedBy.Add(Me); });

        var progress = QueueProgress.Of([returned, submitted], Me, overlap: 3);

        Assert.Equal(new QueueProgress(Done: 1, Open: 1, Returned: 1, Available: 0), progress);
    }

    [Fact]
    public void Gold_items_count_only_once_the_queue_handed_one_out()
    {
        var gold = Item(i => i.IsGold = true);
        var goldHad = Item(i => { i.IsGold = true; i.AssignedTo.Add(Me); i.SubmittedBy.Add(Me); });

        var progress = QueueProgress.Of([gold, goldHad], Me, overlap: 3);

        Assert.Equal(new QueueProgress(Done: 1, Open: 0, Returned: 0, Available: 0), progress);
    }

    [Fact]
    public void With_nothing_left_the_position_does_not_run_past_the_total()
    {
        var progress = QueueProgress.Of([Item(i => { i.AssignedTo.Add(Me); i.SubmittedBy.Add(Me); })], Me, overlap: 1);

        Assert.Equal((0, 1, 1), (progress.Left, progress.Total, progress.Position));
    }
}
