using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

/// <summary>
/// The case from issue 10: on a 2D item two annotators drew nearly the same box with a click inside
/// both boxes. The page read "agreement 0.47" for the item and "Dice 1.00" for each annotator.
/// </summary>
public sealed class TwoDimensionalConsistencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private static ItemAgreementSummary BoxesWithClicksInside()
    {
        var item = QaSamples.Item(nx: 32, ny: 32, nz: 1);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        return ItemAgreementSummarizer.Summarize(item,
        [
            QaSamples.Labels(item, a, QaSamples.Box(0, 1, 4, 4, 20, 20), QaSamples.Point(0, 1, 10, 11)),
            QaSamples.Labels(item, b, QaSamples.Box(0, 1, 5, 5, 21, 21), QaSamples.Point(0, 1, 13, 9)),
        ], null, Now);
    }

    [Fact]
    public void Each_annotators_headline_figure_matches_the_item_score_when_two_annotators_did_the_same()
    {
        var summary = BoxesWithClicksInside();

        Assert.All(summary.Annotators, a => Assert.Equal(summary.Score, Headline(a)!.Value, 9));
    }

    [Fact]
    public void Clicks_inside_both_boxes_count_as_inside()
    {
        var summary = BoxesWithClicksInside();

        Assert.Equal(1.0, Assert.Single(summary.Classes).PointValidity);
        Assert.All(summary.Annotators, a => Assert.Equal(1.0, a.PointValidity));
    }

    /// <summary>The figure the page shows beside each annotator's name.</summary>
    private static double? Headline(AnnotatorAgreementSummary annotator) => annotator.Agreement;
}
