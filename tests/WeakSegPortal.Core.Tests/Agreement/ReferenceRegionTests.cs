using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

/// <summary>What clicks and scribbles are scored against: the others' region labels, else their boxes' consensus.</summary>
public sealed class ReferenceRegionTests
{
    private const int Background = 0;
    private const int Lesion = 1;
    private static readonly Grid Grid = Grid.Planar(20, 20);
    private static readonly int[] Classes = [Lesion];

    private static IReadOnlyList<AnnotatorClassAgreement> Figures(params WeakLabels[] annotators)
    {
        var raters = annotators.Select((labels, r) => AnnotatorLabels.FromGeometry($"r{r}", labels, Classes, Grid)).ToList();
        return Assert.Single(ItemAgreementCalculator.Compute(Grid, Classes, raters, Background).Classes).Annotators;
    }

    [Fact]
    public void Clicks_inside_the_others_box_count_as_inside_though_their_clicks_fall_elsewhere()
    {
        var a = new WeakLabels { Boxes = [new Box2D(2, 2, 12, 12, 0, Lesion)], Points = [new LabelPoint(5, 5, 0, Lesion)] };
        var b = new WeakLabels { Boxes = [new Box2D(3, 3, 13, 13, 0, Lesion)], Points = [new LabelPoint(9, 8, 0, Lesion)] };

        var figures = Figures(a, b);

        Assert.All(figures, f =>
        {
            Assert.Equal(1.0, f.Points.ShareInside);
            Assert.Equal(ConsensusBasis.Boxes, f.ScoredAgainst);
        });
    }

    [Fact]
    public void A_click_outside_the_intersection_of_the_others_boxes_is_outside()
    {
        // b and c box different halves; their intersection is x 8…10. a clicks at x 4: inside b's box only.
        var a = new WeakLabels { Points = [new LabelPoint(4, 5, 0, Lesion)] };
        var b = new WeakLabels { Boxes = [new Box2D(2, 2, 10, 12, 0, Lesion)] };
        var c = new WeakLabels { Boxes = [new Box2D(8, 2, 16, 12, 0, Lesion)] };

        var clicker = Figures(a, b, c)[0];

        Assert.Equal(0.0, clicker.Points.ShareInside);
        Assert.True(clicker.Points.SignedDistancesMm[0] > 0);
    }

    [Fact]
    public void Scribbles_inside_the_others_box_are_precise_and_those_outside_are_not()
    {
        var box = new WeakLabels { Boxes = [new Box2D(2, 2, 10, 10, 0, Lesion)] };
        var inside = new WeakLabels { Scribbles = [new Scribble([new(4, 5), new(8, 5)], 1, 0, Lesion)] };
        var half = new WeakLabels { Scribbles = [new Scribble([new(6, 5), new(15, 5)], 1, 0, Lesion)] };

        Assert.Equal(1.0, Figures(inside, box)[0].ScribblePrecision);
        Assert.Equal(5.0 / 10, Figures(half, box)[0].ScribblePrecision, 12);
    }

    [Fact]
    public void Region_labels_win_over_boxes_and_clicks_are_not_a_region()
    {
        // b scribbles row 5 from x 2 to 10 and clicks (15, 15); a clicks on b's scribble and on b's click.
        var a = new WeakLabels { Points = [new LabelPoint(6, 5, 0, Lesion), new LabelPoint(15, 15, 0, Lesion)] };
        var b = new WeakLabels
        {
            Boxes = [new Box2D(0, 0, 19, 19, 0, Lesion)],
            Scribbles = [new Scribble([new(2, 5), new(10, 5)], 1, 0, Lesion)],
            Points = [new LabelPoint(15, 15, 0, Lesion)],
        };

        var clicker = Figures(a, b)[0];

        Assert.Equal(ConsensusBasis.Labels, clicker.ScoredAgainst);
        Assert.Equal(1, clicker.Points.Inside);
        Assert.Equal(2, clicker.Points.Points);
    }

    [Fact]
    public void Without_region_labels_or_boxes_from_the_others_there_is_nothing_to_score_clicks_against()
    {
        var a = new WeakLabels { Points = [new LabelPoint(5, 5, 0, Lesion)] };
        var b = new WeakLabels { Points = [new LabelPoint(5, 5, 0, Lesion)] };

        var clicker = Figures(a, b)[0];

        Assert.Equal(ConsensusBasis.None, clicker.ScoredAgainst);
        Assert.True(double.IsNaN(clicker.Points.ShareInside));
    }
}
