using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

/// <summary>A hidden repeat is scored against its first pass with the agreement maths used between annotators.</summary>
public sealed class SelfAgreementScorerTests
{
    private static readonly Guid Me = Guid.NewGuid();

    private static (ItemView Original, ItemView Repeat) Pair(bool originalSubmitted = true, bool repeatSubmitted = true)
    {
        var original = QaSamples.Item();
        var repeat = new ItemView { Id = RepeatIds.For(original.Id, Me), ProjectId = original.ProjectId, RepeatOf = original.Id, Geometry = original.Geometry };
        original.AssignedTo.Add(Me);
        repeat.AssignedTo.Add(Me);
        if (originalSubmitted)
        {
            original.SubmittedBy.Add(Me);
        }
        if (repeatSubmitted)
        {
            repeat.SubmittedBy.Add(Me);
        }
        return (original, repeat);
    }

    [Fact]
    public void The_same_box_twice_agrees_fully_with_itself()
    {
        var (original, repeat) = Pair();
        var first = QaSamples.Labels(original, Me, QaSamples.Box(2, 1, 2, 2, 8, 8));
        var second = QaSamples.Labels(repeat, Me, QaSamples.Box(2, 1, 2, 2, 8, 8));

        var self = SelfAgreementScorer.Score(original, repeat, first, second, DateTimeOffset.UnixEpoch)!;

        Assert.Equal((repeat.Id, original.Id, Me, original.ProjectId), (self.Id, self.OriginalItemId, self.AnnotatorId, self.ProjectId));
        Assert.Equal(1.0, self.Agreement!.Value, 9);
    }

    [Fact]
    public void A_second_pass_elsewhere_agrees_less_and_the_figure_is_the_one_between_two_annotators()
    {
        var (original, repeat) = Pair();
        var box = QaSamples.Box(2, 1, 2, 2, 8, 8);
        var moved = QaSamples.Box(2, 1, 6, 6, 14, 14);
        var first = QaSamples.Labels(original, Me, box);
        var second = QaSamples.Labels(repeat, Me, moved);

        var self = SelfAgreementScorer.Score(original, repeat, first, second, DateTimeOffset.UnixEpoch)!;

        // The oracle: the QA desk's summary of two different annotators who drew the same two boxes.
        var other = Guid.NewGuid();
        var between = ItemAgreementSummarizer.Summarize(original, [first, QaSamples.Labels(original, other, moved)], null, DateTimeOffset.UnixEpoch);
        Assert.True(self.Agreement < 0.9);
        Assert.Equal(between.Annotators.Single(a => a.AnnotatorId == Me).Agreement!.Value, self.Agreement!.Value, 9);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Nothing_is_scored_until_both_passes_are_submitted(bool originalSubmitted, bool repeatSubmitted)
    {
        var (original, repeat) = Pair(originalSubmitted, repeatSubmitted);
        var first = QaSamples.Labels(original, Me, QaSamples.Box(2, 1, 2, 2, 8, 8));
        var second = QaSamples.Labels(repeat, Me, QaSamples.Box(2, 1, 2, 2, 8, 8));

        Assert.Null(SelfAgreementScorer.Score(original, repeat, first, second, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void The_scorecard_averages_self_agreement_over_the_annotators_repeats_only()
    {
        var project = Guid.NewGuid();
        var repeats = new[]
        {
            new SelfAgreement { Id = Guid.NewGuid(), ProjectId = project, AnnotatorId = Me, Agreement = 0.9 },
            new SelfAgreement { Id = Guid.NewGuid(), ProjectId = project, AnnotatorId = Me, Agreement = 0.5 },
            new SelfAgreement { Id = Guid.NewGuid(), ProjectId = project, AnnotatorId = Guid.NewGuid(), Agreement = 0.1 },
        };

        var card = ScorecardBuilder.Build(project, Me, [], [], DateTimeOffset.UnixEpoch, repeats);

        Assert.Equal(2, card.RepeatsCompared);
        Assert.Equal(0.7, card.SelfAgreement!.Value, 9);
        Assert.Null(ScorecardBuilder.Build(project, Me, [], [], DateTimeOffset.UnixEpoch).SelfAgreement);
    }
}
