using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Dashboard;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Tests.Qa;

namespace WeakSegPortal.Core.Tests.Dashboard;

/// <summary>The Dice of each label type's consensus against a gold item's adjudicated labels.</summary>
public sealed class LabelEfficiencyTests
{
    [Fact]
    public void A_type_whose_consensus_matches_the_adjudication_scores_one_and_a_wrong_majority_scores_less()
    {
        var item = QaSamples.Item(gold: true);
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        // The adjudication kept a scribble along row 5 (voxels 2..12) on slice 3.
        var reference = new ItemAdjudicated(item.Id, "annotator", a, [new AdjudicatedLabels(a, [QaSamples.Scribble(3, 1, 5)])], [], Guid.Empty, DateTimeOffset.UnixEpoch);
        var labels = new[]
        {
            // Scribbles: two of three annotators on the reference row; the majority is right.
            QaSamples.Labels(item, a, QaSamples.Scribble(3, 1, 5), QaSamples.Point(3, 1, 4, 5)),
            QaSamples.Labels(item, b, QaSamples.Scribble(3, 1, 5), QaSamples.Point(3, 1, 4, 5, positive: false)),
            QaSamples.Labels(item, c, QaSamples.Scribble(3, 1, 9), QaSamples.Point(3, 1, 4, 5, positive: false)),
        };

        var dice = LabelEfficiency.OnGoldItem(item, labels, reference);

        Assert.Equal(1.0, Assert.Single(dice[AnnotationKinds.Scribble]), 9);
        // Points: two of three called the reference's voxel background; the consensus misses it.
        Assert.Equal(0.0, Assert.Single(dice[AnnotationKinds.Point]), 9);
    }
}
