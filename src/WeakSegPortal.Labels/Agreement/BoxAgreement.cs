using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Agreement of annotators' boxes of one class, with each other and with a consensus mask.</summary>
public static class BoxAgreement
{
    /// <summary>
    /// For each pair of annotators who both boxed the class: each box is matched to its best-IoU box of
    /// the other (2D with 2D on the same plane and slice, 3D with 3D), the two directed means are averaged, and
    /// the pairs are averaged. NaN when fewer than two annotators boxed the class.
    /// </summary>
    public static double MeanPairwiseIoU(IReadOnlyList<WeakLabels> annotators, int classId)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        var pairs = new MeanOfDefined();
        for (var a = 0; a < annotators.Count; a++)
        {
            for (var b = a + 1; b < annotators.Count; b++)
            {
                pairs.Add(PairIoU(annotators[a], annotators[b], classId));
            }
        }

        return pairs.Mean;
    }

    /// <summary>One annotator's share of <see cref="MeanPairwiseIoU"/>: the mean pair IoU with each other annotator who boxed the class.</summary>
    public static double MeanIoUWithOthers(IReadOnlyList<WeakLabels> annotators, int annotator, int classId)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        var pairs = new MeanOfDefined();
        for (var b = 0; b < annotators.Count; b++)
        {
            if (b != annotator)
            {
                pairs.Add(PairIoU(annotators[annotator], annotators[b], classId));
            }
        }

        return pairs.Mean;
    }

    /// <summary>Each box matched to its best-IoU box of the other, the two directed means averaged; NaN unless both boxed the class.</summary>
    private static double PairIoU(WeakLabels a, WeakLabels b, int classId)
    {
        var forward = new MeanOfDefined();
        var backward = new MeanOfDefined();
        BestMatches(Of(a.Boxes, classId), Of(b.Boxes, classId), BoxOverlap.IoU, forward);
        BestMatches(Of(b.Boxes, classId), Of(a.Boxes, classId), BoxOverlap.IoU, backward);
        BestMatches(Of(a.Boxes3D, classId), Of(b.Boxes3D, classId), BoxOverlap.IoU, forward);
        BestMatches(Of(b.Boxes3D, classId), Of(a.Boxes3D, classId), BoxOverlap.IoU, backward);
        return double.IsNaN(forward.Mean) || double.IsNaN(backward.Mean) ? double.NaN : (forward.Mean + backward.Mean) / 2;
    }

    /// <summary>Mean IoU of the class's 2D boxes with the consensus bounding box on their plane's slice (0 if none there); NaN without boxes.</summary>
    public static double ConsensusIoU(IReadOnlyList<Box2D> boxes, int classId, bool[] consensus, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(grid);
        var mean = new MeanOfDefined();
        foreach (var box in Of(boxes, classId))
        {
            var around = box.Slice >= 0 && box.Slice < BoxVoxels.PlaneSize(grid, box.Plane).Slices ? BoxOverlap.BoundingBox(consensus, grid, box.Plane, box.Slice) : null;
            mean.Add(around is null ? 0 : BoxOverlap.IoU(box, around));
        }

        return mean.Mean;
    }

    private static List<Box2D> Of(IReadOnlyList<Box2D> boxes, int classId) => boxes.Where(b => b.ClassId == classId).ToList();

    private static List<Box3D> Of(IReadOnlyList<Box3D> boxes, int classId) => boxes.Where(b => b.ClassId == classId).ToList();

    private static void BestMatches<T>(List<T> from, List<T> to, Func<T, T, double> iou, MeanOfDefined into)
    {
        if (from.Count == 0 || to.Count == 0)
        {
            return;
        }

        foreach (var box in from)
        {
            into.Add(to.Max(other => iou(box, other)));
        }
    }
}
