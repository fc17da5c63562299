using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Learning;

public class CrowdLabelsTests
{
    private const int Classes = 3;
    private const long Ignore = PartialCrossEntropy.Ignore;
    private static readonly Grid Line = Grid.Planar(4, 1);
    private static readonly Grid Square = Grid.Planar(32, 32);

    private static AnnotatorWeakLabels Annotator(int n, double reliability, WeakLabels labels) =>
        new(new Guid(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), reliability, labels);

    private static WeakLabels Clicks(params (int X, int ClassId)[] clicks) =>
        new() { Points = clicks.Select(c => new LabelPoint(c.X, 0, 0, c.ClassId)).ToList() };

    private static TrainingExample Vote(Grid grid, params AnnotatorWeakLabels[] annotators) =>
        CrowdLabels.ForSlice(new float[grid.SliceSize], 1, grid, 0, null, annotators, Classes);

    [Fact]
    public void Two_careless_annotators_agreeing_on_a_wrong_class_are_outvoted_by_one_careful_annotators_weight()
    {
        // Votes are log-odds: careful r 0.9 → ln 9 = 2.1972; careless r 2/3 → ln 2 = 0.6931 each. Pixel 0: class 1 holds
        // 2.1972 of 3.5835 = 0.613 ≥ quorum 0.6 → class 1. Plain majority (all r 1): class 2 holds 2 of 3 = 0.667 → class 2.
        var careful = Clicks((0, 1));
        var careless = Clicks((0, 2));

        var weighted = Vote(Line, Annotator(1, 0.9, careful), Annotator(2, 2.0 / 3, careless), Annotator(3, 2.0 / 3, careless));
        var plain = Vote(Line, Annotator(1, 1, careful), Annotator(2, 1, careless), Annotator(3, 1, careless));

        Assert.Equal([1, Ignore, Ignore, Ignore], weighted.Target);
        Assert.Equal([2, Ignore, Ignore, Ignore], plain.Target);
    }

    [Fact]
    public void A_pixel_short_of_the_quorum_of_the_weight_that_labelled_it_is_unknown()
    {
        // r 0.8 → ln 4 = 1.3863 says 1 at pixel 1, r 0.75 → ln 3 = 1.0986 says 2: 1.3863 / 2.4849 = 0.558 < 0.6, unknown.
        // Pixel 2: only the second (the first abstains), 1.0986 ≥ 0.5 · 1.3863: class 2. Pixel 3: both say 0 → background.
        var result = Vote(Line, Annotator(1, 0.8, Clicks((1, 1), (3, 0))), Annotator(2, 0.75, Clicks((1, 2), (2, 2), (3, 0))));

        Assert.Equal([Ignore, Ignore, 2, 0], result.Target);
    }

    [Fact]
    public void A_pixel_only_a_much_less_reliable_annotator_labelled_is_unknown_but_counts_with_equal_weights()
    {
        // The careless annotator (r 2/3, vote ln 2 = 0.6931) alone labels pixel 2: below 0.5 · ln 9 = 1.0986, half the top vote.
        var careful = Clicks((0, 1));
        var careless = Clicks((2, 1));

        var weighted = Vote(Line, Annotator(1, 0.9, careful), Annotator(2, 2.0 / 3, careless));
        var plain = Vote(Line, Annotator(1, 1, careful), Annotator(2, 1, careless));

        Assert.Equal([1, Ignore, Ignore, Ignore], weighted.Target);
        Assert.Equal([1, Ignore, 1, Ignore], plain.Target);
    }

    [Fact]
    public void Overlapping_boxes_become_one_box_at_the_weighted_median_of_each_edge_and_a_lone_careless_box_is_dropped()
    {
        // Votes in units of ln 2: A and B (r 0.8) 2 each, C (r 2/3) 1. Class 1: A (10,10)–(20,20); B (11,9)–(21,19);
        // C (9,9)–(23,23) overlaps A with IoU 100/196 = 0.51. Weighted medians (half of 5 = 2.5): min x {9: 1, 10: 2, 11: 2} → 10;
        // min y {9: 2, 9: 1, 10: 2} → 9; max x {20: 2, 21: 2, 23: 1} → 21; max y {19: 2, 20: 2, 23: 1} → 20. C's second box
        // (0,25)–(5,30) meets no other: 1 of the 5 who boxed class 1 < quorum. Pixel centres in (10..21, 9..20) make the box.
        var a = new WeakLabels { Boxes = [new Box2D(10, 10, 20, 20, 0, 1)] };
        var b = new WeakLabels { Boxes = [new Box2D(11, 9, 21, 19, 0, 1)] };
        var c = new WeakLabels { Boxes = [new Box2D(9, 9, 23, 23, 0, 1), new Box2D(0, 25, 5, 30, 0, 1)] };

        var result = Vote(Square, Annotator(1, 0.8, a), Annotator(2, 0.8, b), Annotator(3, 2.0 / 3, c));

        Assert.Equal([new TrainingBox(0, 1, 10, 9, 21, 20)], result.Boxes);
    }

    [Fact]
    public void Tags_are_a_weighted_vote_and_a_tie_is_unknown()
    {
        // Class 1: present ln 9 = 2.1972 against absent ln 2 = 0.6931 → present (0.76 ≥ 0.6). With equal votes 1 against 1 → unknown.
        // Class 2: absent from both → absent, which also bounds its size to 0.
        var careful = new WeakLabels { Tags = [new Tag(1, true), new Tag(2, false)] };
        var careless = new WeakLabels { Tags = [new Tag(1, false), new Tag(2, false)] };

        var weighted = Vote(Line, Annotator(1, 0.9, careful), Annotator(2, 2.0 / 3, careless));
        var plain = Vote(Line, Annotator(1, 1, careful), Annotator(2, 1, careless));

        Assert.Equal([1f, 0f], weighted.Tags);
        Assert.Equal([TagClassificationLoss.Unknown, 0f], plain.Tags);
        Assert.Equal([new SizeBounds(0, 2, 0, 0)], weighted.Sizes);
    }

    [Fact]
    public void A_class_nobody_labelled_is_unknown_not_background()
    {
        // Only class 1 and background are labelled: class 2 must be marginalised, so the background pixel may still be class 2.
        var result = Vote(Line, Annotator(1, 1, Clicks((0, 1), (1, 0))), Annotator(2, 1, Clicks((0, 1))));

        Assert.Equal([true, true, false], result.LabelledClasses);
        Assert.Equal([1, 0, Ignore, Ignore], result.Target);
    }

    [Fact]
    public void A_vote_is_the_log_odds_of_the_reliability_and_chance_or_worse_has_none()
    {
        Assert.Equal(Math.Log(9), CrowdLabels.VoteWeight(0.9), 12);
        Assert.Equal(0, CrowdLabels.VoteWeight(0.5), 12);
        Assert.Equal(0, CrowdLabels.VoteWeight(0.2), 12);
        Assert.Equal(Math.Log(999), CrowdLabels.VoteWeight(1), 9);
        Assert.Equal(0, CrowdLabels.VoteWeight(double.NaN), 12);
    }

    [Fact]
    public void Adjudicated_labels_win_over_the_annotators()
    {
        var adjudicated = Clicks((3, 2));

        var result = CrowdLabels.ForSlice(new float[4], 1, Line, 0, adjudicated, [Annotator(1, 1, Clicks((0, 1))), Annotator(2, 1, Clicks((0, 1)))], Classes);

        Assert.Equal([Ignore, Ignore, Ignore, 2], result.Target);
        Assert.Equal([true, false, true], result.LabelledClasses);
    }

    [Fact]
    public void Reliability_from_gold_is_sensitivity_times_specificity_over_what_the_annotator_labelled()
    {
        // Truth: pixels 0, 1 are class 1. Class-1 maps: careful clicks 1 at 0 (TP) and 0 at 3 (TN) → 1 · 1 = 1.
        // Careless clicks 1 at 0 (TP) and at 2 (FP), 0 at 1 (FN), 0 at 3 (TN). Class 2 (absent from the truth): every click
        // of another class is Negative for it, 4 TN (careful: 2 TN). Careless pooled: sensitivity 1/2, specificity 5/6 → 0.416667.
        byte[] truth = [1, 1, 0, 0];
        var careful = Annotator(1, 1, Clicks((0, 1), (3, 0)));
        var careless = Annotator(2, 1, Clicks((0, 1), (2, 1), (1, 0), (3, 0)));

        var reliability = CrowdReliability.FromGold([(Line, [careful, careless], truth)], Classes);

        Assert.Equal(1, reliability[careful.AnnotatorId], 9);
        Assert.Equal(5.0 / 12, reliability[careless.AnnotatorId], 9);
    }

    [Fact]
    public void Reliability_from_STAPLE_ranks_an_annotator_who_contradicts_the_others_lowest()
    {
        // Four pixels of one slice, class 1 in 0 and 1 by three agreeing annotators; the fourth says the opposite everywhere.
        var good = Clicks((0, 1), (1, 1), (2, 0), (3, 0));
        var bad = Clicks((0, 0), (1, 0), (2, 1), (3, 1));
        AnnotatorWeakLabels[] annotators = [Annotator(1, 1, good), Annotator(2, 1, good), Annotator(3, 1, good), Annotator(4, 1, bad)];

        var reliability = CrowdReliability.FromStaple([(Line, annotators)], Classes);

        Assert.All(annotators.Take(3), a => Assert.True(reliability[a.AnnotatorId] > 0.9, $"{reliability[a.AnnotatorId]}"));
        Assert.True(reliability[annotators[3].AnnotatorId] < 0.1, $"{reliability[annotators[3].AnnotatorId]}");
    }
}
