using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using WeakSegPortal.Training.Tests.Losses;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Learning;

/// <summary>
/// Boxes drawn on coronal and sagittal planes in training: on each axial slice a box crosses it gives one line (a coronal
/// box: row j over its i range; a sagittal box: column i over its j range), a tightness bag with background on the rest of
/// the line, and never a box on the axial slice whose number is its j or i.
/// </summary>
public sealed class BoxPlaneTrainingTests
{
    private const int Classes = 2;

    /// <summary>8 × 6 × 5.</summary>
    private static readonly Grid Volume = new(8, 6, 5);

    /// <summary>Coronal slice j = 2: voxels i 1..4, k 1..3.</summary>
    private static readonly Box2D Coronal = new(0.5, 0.5, 4.5, 3.5, 2, 1, SlicePlane.Coronal);

    /// <summary>Sagittal slice i = 5: voxels j 1..3, k 0..1.</summary>
    private static readonly Box2D Sagittal = new(0.5, -0.5, 3.5, 1.5, 5, 1, SlicePlane.Sagittal);

    private static TrainingExample Slice(int k, params Box2D[] boxes) =>
        WeakTargets.ForSlice(new float[Volume.SliceSize], 1, Volume, k, new WeakLabels { Boxes = boxes }, Classes);

    [Fact]
    public void A_coronal_box_gives_row_j_over_its_i_range_on_each_axial_slice_in_its_k_range_and_no_axial_box()
    {
        foreach (var k in new[] { 1, 2, 3 })
        {
            var example = Slice(k, Coronal);
            Assert.Equal([new TrainingLine(0, 1, IsRow: true, Line: 2, From: 1, To: 4)], example.Lines!);
            Assert.Empty(example.Boxes);
        }
        Assert.Empty(Slice(0, Coronal).Lines!);
        Assert.Empty(Slice(4, Coronal).Lines!);
        // Axial slice 2 is the coronal box's j, not one of its k: read as axial it would be a box there.
        Assert.Empty(Slice(2, Coronal with { Y0 = 3.5, Y1 = 4.5 }).Lines!);
        Assert.Empty(Slice(2, Coronal with { Y0 = 3.5, Y1 = 4.5 }).Boxes);
    }

    [Fact]
    public void A_sagittal_box_gives_column_i_over_its_j_range()
    {
        Assert.Equal([new TrainingLine(0, 1, IsRow: false, Line: 5, From: 1, To: 3)], Slice(0, Sagittal).Lines!);
        Assert.Equal([new TrainingLine(0, 1, IsRow: false, Line: 5, From: 1, To: 3)], Slice(1, Sagittal).Lines!);
        Assert.Empty(Slice(2, Sagittal).Lines!);
    }

    [Fact]
    public void Annotators_agreeing_on_a_coronal_box_give_its_line_and_boxes_on_other_planes_are_not_one_object()
    {
        AnnotatorWeakLabels Annotator(int n, params Box2D[] boxes) => new(new Guid(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), 1, new WeakLabels { Boxes = boxes });
        var agreed = CrowdLabels.ForSlice(new float[Volume.SliceSize], 1, Volume, 2, null,
            [Annotator(1, Coronal), Annotator(2, Coronal with { X1 = 5.5 }), Annotator(3, Coronal)], Classes);
        Assert.Equal([new TrainingLine(0, 1, true, 2, 1, 4)], agreed.Lines!);
        Assert.Empty(agreed.Boxes);
        // One coronal and one axial box with the same numbers: neither holds the 0.6 quorum of the two who boxed.
        var apart = CrowdLabels.ForSlice(new float[Volume.SliceSize], 1, Volume, 2, null,
            [Annotator(1, Coronal), Annotator(2, Coronal with { Plane = SlicePlane.Axial, Slice = 2 })], Classes);
        Assert.Empty(apart.Lines!);
        Assert.Empty(apart.Boxes);
    }

    [Fact]
    public void A_slice_a_coronal_box_crosses_keeps_its_pixels_outside_the_axial_boxes_unknown()
    {
        AnnotatorWeakLabels Annotator(int n, params Box2D[] boxes) => new(new Guid(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), 1, new WeakLabels { Boxes = boxes });
        var axial = new Box2D(3.5, 2.5, 6.5, 4.5, 2, 1); // pixel centres x 4..6, y 3..4: 6 pixels
        // The coronal box bounds its organ only along row 2 of slice 2: elsewhere on the slice that organ may lie outside every axial box.
        var crossed = CrowdSliceExample.ForSlice(new float[Volume.SliceSize], 1, Volume, 2, null, [Annotator(1, Coronal, axial)], Classes, null);
        Assert.Single(crossed.Lines!);
        Assert.All(crossed.Target, t => Assert.Equal(PartialCrossEntropy.Ignore, t));
        // Without the coronal box, everything outside the axial box is background.
        var axialOnly = CrowdSliceExample.ForSlice(new float[Volume.SliceSize], 1, Volume, 2, null, [Annotator(1, axial)], Classes, null);
        Assert.Equal(Volume.SliceSize - 6, axialOnly.Target.Count(t => t == MarginalCrossEntropy.Background));
    }

    [Fact]
    public void A_coronal_box_s_line_counts_its_pixels_for_its_class_in_the_class_shares()
    {
        // Slice 2: row 2 over i 1..4 is the only label, 4 pixels of class 1; nothing else is labelled.
        Assert.Equal([0.0, 1.0], LabelledClassShares.Of([Slice(2, Coronal)], Classes)!);
        // Beside slice 0 with an axial box of class 1 (6 pixels) and the 42 pixels outside it background: 42 of 52, 6 + 4 of 52.
        var boxed = new AnnotatorWeakLabels(Guid.NewGuid(), 1, new WeakLabels { Boxes = [new Box2D(3.5, 2.5, 6.5, 4.5, 0, 1)] });
        var axial = CrowdSliceExample.ForSlice(new float[Volume.SliceSize], 1, Volume, 0, null, [boxed], Classes, null);
        var shares = LabelledClassShares.Of([axial, Slice(2, Coronal)], Classes)!;
        Assert.Equal(42.0 / 52, shares[0], 10);
        Assert.Equal(10.0 / 52, shares[1], 10);
    }

    [Fact]
    public void A_line_is_a_tightness_bag_and_the_rest_of_its_row_is_background()
    {
        // A 2×3 image; p(class 1) by row: (0.75, 0.25, 0.5) and (0.5, 0.5, 0.1). Row 0 over x 0..1: bag S_6(0.75, 0.25) =
        // 0.726287 → 0.319815; outside, x = 2: −ln(1 − 0.5) = 0.693147. Sum 1.012962.
        using var logits = TinyTensors.TwoClassLogits([0.75f, 0.25f, 0.5f, 0.5f, 0.5f, 0.1f], 2, 3);
        using var row = BoxLineLoss.Compute(logits, [new TrainingLine(0, 1, true, 0, 0, 1)], alpha: 6);
        Assert.Equal(1.012962, row.item<float>(), 5);
        // Column 2 over y 0..0: bag 0.5 → 0.693147; outside, y = 1: −ln(1 − 0.1) = 0.105361. Sum 0.798508.
        using var column = BoxLineLoss.Compute(logits, [new TrainingLine(0, 1, false, 2, 0, 0)], alpha: 6);
        Assert.Equal(0.798508, column.item<float>(), 5);
        // Two segments of one row: the background is what neither covers (x = 2 only when they cover 0 and 1).
        using var p = logits.softmax(1);
        using var negative = BoxLineLoss.Negative(p, [new TrainingLine(0, 1, true, 0, 0, 0), new TrainingLine(0, 1, true, 0, 1, 1)]);
        Assert.Equal(0.693147, negative.item<float>(), 5);
    }

    [Fact]
    public void The_objective_adds_the_line_term_under_the_box_weight_and_a_batch_renumbers_lines_to_their_image()
    {
        var example = new TrainingExample(new float[6], 1, 3, 2, Enumerable.Repeat(PartialCrossEntropy.Ignore, 6).ToArray(), [true, true], [], [TagClassificationLoss.Unknown], []);
        var withLine = example with { Lines = [new TrainingLine(0, 1, true, 0, 0, 1)] };
        using var batch = TrainingBatch.From([example, withLine]);
        Assert.Equal([new TrainingLine(1, 1, true, 0, 0, 1)], batch.Lines);

        using var logits = TinyTensors.LogitsOf([.. Probabilities(0.75f, 0.25f, 0.5f, 0.5f, 0.5f, 0.1f), .. Probabilities(0.75f, 0.25f, 0.5f, 0.5f, 0.5f, 0.1f)], 2, 2, 2, 3);
        var output = new UNetOutput(logits, null, logits);
        var weights = new ObjectiveWeights(CrossEntropy: 0, Size: 0, Tag: 0, NegativeTag: 0, Box: 2);
        using var total = WeakObjective.Compute(output, batch, weights);
        Assert.Equal(2 * 1.012962, total.item<float>(), 4);
        using var none = WeakObjective.Compute(output, batch, weights with { Box = 0 });
        Assert.Equal(0, none.item<float>(), 6);
    }

    private static float[] Probabilities(params float[] foreground) => [.. foreground.Select(f => 1 - f), .. foreground];
}
