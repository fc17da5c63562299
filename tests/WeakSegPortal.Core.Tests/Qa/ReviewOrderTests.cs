using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

public sealed class ReviewOrderTests
{
    private static ItemAgreementSummary Summary(string name, double score, string status = QaStatus.Open) =>
        new() { Id = Guid.NewGuid(), ItemName = name, Score = score, Status = status };

    [Fact]
    public void The_next_item_is_the_worst_open_one_other_than_the_one_just_decided()
    {
        var current = Summary("current", 0.1);
        var decided = Summary("decided", 0.05, QaStatus.Adjudicated);
        var returned = Summary("returned", 0.06, QaStatus.Returned);
        var worse = Summary("b", 0.4);
        var tie = Summary("a", 0.4);
        var good = Summary("good", 0.9);

        var next = ReviewOrder.NextWorst([good, current, decided, returned, worse, tie], current.Id);

        Assert.Same(tie, next);
    }

    [Fact]
    public void Nothing_is_next_when_every_other_item_is_decided()
    {
        var current = Summary("current", 0.2);
        Assert.Null(ReviewOrder.NextWorst([current, Summary("x", 0.1, QaStatus.Adjudicated)], current.Id));
    }
}
