using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Learning;

/// <summary>
/// Full masks drawn on coronal and sagittal planes in training, on hand-computed cases: on each axial slice, a coronal
/// answer gives row j (its paint its class, the rest of the row background), a sagittal one column i; nothing else of the
/// slice, and never a whole axial slice numbered j or i.
/// </summary>
public sealed class MaskPlaneTrainingTests
{
    private const int Classes = 3;
    private const long Ignore = PartialCrossEntropy.Ignore;

    /// <summary>8 × 6 × 5.</summary>
    private static readonly Grid Volume = new(8, 6, 5);

    /// <summary>Coronal slice j = 2, row k = 1, i = 2..4.</summary>
    private static readonly BrushStroke CoronalStroke = new([new PlanePoint(2, 1), new PlanePoint(4, 1)], 1, 2, 1, false, SlicePlane.Coronal);

    private static long[] Targets(int k, params IMaskShape[] masks) =>
        WeakTargets.ForSlice(new float[Volume.SliceSize], 1, Volume, k, new WeakLabels { Masks = masks }, Classes).Target;

    private static long[] Row(long[] target, int j) => target.Skip(j * 8).Take(8).ToArray();

    [Fact]
    public void A_coronal_brush_stroke_labels_row_j_of_each_axial_slice_and_nothing_else()
    {
        var one = Targets(1, CoronalStroke);
        Assert.Equal([0L, 0, 1, 1, 1, 0, 0, 0], Row(one, 2));
        Assert.Equal(8 * 6 - 8, one.Count(t => t == Ignore));
        // Another axial slice it crosses: the whole answer makes row 2 background there.
        Assert.Equal([0L, 0, 0, 0, 0, 0, 0, 0], Row(Targets(3, CoronalStroke), 2));
        // Axial slice 2 is the stroke's j: read as axial it would paint slice 2 and make it all background.
        Assert.Equal(8 * 6 - 8, Targets(2, CoronalStroke).Count(t => t == Ignore));
    }

    [Fact]
    public void A_sagittal_mask_labels_column_i_and_an_eraser_there_clears_it()
    {
        // Sagittal slice i = 3, 6 × 5: pixels 7, 8 are (j 1, k 1) and (j 2, k 1).
        var mask = new SliceMask(6, 5, [7, 2, 21], 3, 2, SlicePlane.Sagittal);
        var column = Targets(1, mask).Where((_, p) => p % 8 == 3).ToArray();
        Assert.Equal([0L, 2, 2, 0, 0, 0], column);
        var erased = Targets(1, mask, new BrushStroke([new PlanePoint(1, 1)], 1, 3, 2, true, SlicePlane.Sagittal)).Where((_, p) => p % 8 == 3).ToArray();
        Assert.Equal([0L, 0, 2, 0, 0, 0], erased);
    }

    [Fact]
    public void Where_an_axial_and_a_coronal_answer_meet_the_later_one_gives_the_shared_row()
    {
        var square = new Polygon([new PlanePoint(0.5, 0.5), new PlanePoint(5.5, 0.5), new PlanePoint(5.5, 3.5), new PlanePoint(0.5, 3.5)], 1, 2);
        var coronalLast = Targets(1, square, CoronalStroke);
        Assert.Equal([0L, 0, 1, 1, 1, 0, 0, 0], Row(coronalLast, 2));
        Assert.Equal([0L, 2, 2, 2, 2, 2, 0, 0], Row(coronalLast, 1));
        Assert.DoesNotContain(Ignore, coronalLast);                               // the axial answer covers the slice
        var axialLast = Targets(1, CoronalStroke, square);
        Assert.Equal([0L, 2, 2, 2, 2, 2, 0, 0], Row(axialLast, 2));
    }

    [Fact]
    public void Annotators_agreeing_on_a_coronal_stroke_give_its_row()
    {
        AnnotatorWeakLabels Annotator(int n, params IMaskShape[] masks) => new(new Guid(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), 1, new WeakLabels { Masks = masks });
        var agreed = CrowdLabels.ForSlice(new float[Volume.SliceSize], 1, Volume, 1, null,
            [Annotator(1, CoronalStroke), Annotator(2, CoronalStroke with { }), Annotator(3, CoronalStroke with { Points = [new PlanePoint(5, 1), new PlanePoint(6, 1)] })], Classes);
        Assert.Equal([0L, 0, 1, 1, 1, 0, 0, 0], Row(agreed.Target, 2));        // 2 of 3 on every pixel of the row
        Assert.All(Row(agreed.Target, 3), t => Assert.Equal(Ignore, t));
    }
}
