using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Consistency;

/// <summary>
/// The axial slices on which each class has a positive label (box, scribble, positive point, painted mask); a coronal or
/// sagittal box is on every axial slice it crosses, a coronal or sagittal mask on the axial slices its paint lies on.
/// </summary>
internal static class DrawnSlices
{
    public static Dictionary<int, HashSet<int>> Of(WeakLabels labels, Grid grid)
    {
        var drawn = new Dictionary<int, HashSet<int>>();
        void Add(int classId, int slice)
        {
            if (!drawn.TryGetValue(classId, out var set))
            {
                drawn[classId] = set = [];
            }

            set.Add(slice);
        }

        foreach (var box in labels.Boxes)
        {
            foreach (var k in BoxVoxels.AxialSlices(box))
            {
                Add(box.ClassId, k);
            }
        }

        foreach (var box in labels.Boxes3D)
        {
            for (var k = (int)Math.Ceiling(Math.Min(box.Z0, box.Z1)); k <= (int)Math.Floor(Math.Max(box.Z0, box.Z1)); k++)
            {
                Add(box.ClassId, k);
            }
        }

        foreach (var scribble in labels.Scribbles)
        {
            Add(scribble.ClassId, scribble.Slice);
        }

        foreach (var point in labels.Points.Where(p => p.IsPositive))
        {
            Add(point.ClassId, point.Slice);
        }

        foreach (var mask in labels.Masks.Where(m => !m.Erases))
        {
            foreach (var k in MaskAnswers.AxialSlices(mask, grid))
            {
                Add(mask.ClassId, k);
            }
        }

        return drawn;
    }
}
