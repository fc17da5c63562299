namespace WeakSegPortal.Core.Labels;

/// <summary>Builds the three-state map (see <see cref="LabelState"/>) of one class from an annotator's weak labels.</summary>
/// <remarks>
/// Later, more local evidence overrides earlier, coarser evidence, in this order:
/// 1. a tag "absent" makes the class Negative on its slice (or everywhere for an item tag);
/// 2. boxes of the class make everything outside them Negative — on the slices that carry a 2D box
///    of the class, or throughout the volume for 3D boxes — while the inside stays Unknown,
///    because a box says where the object is not, not which voxels inside belong to it;
/// 3. scribbles: Positive for their own class, Negative for any other class (classes are exclusive);
/// 4. points: a positive click is Positive for its class and Negative for others, a negative click
///    Negative for its class.
/// Within a step, later geometry wins.
/// </remarks>
public static class WeakLabelRasterizer
{
    public static byte[] Rasterize(WeakLabels labels, int classId, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(grid);
        var states = new byte[grid.Count];
        ApplyTags(labels.Tags, classId, grid, states);
        ApplyBoxes(labels, classId, grid, states);
        foreach (var scribble in labels.Scribbles)
        {
            var state = (byte)(scribble.ClassId == classId ? LabelState.Positive : LabelState.Negative);
            ScribbleRasterizer.Visit(scribble, grid, index => states[index] = state);
        }

        foreach (var point in labels.Points)
        {
            var index = PointRasterizer.IndexOf(point, grid);
            if (index < 0 || (!point.IsPositive && point.ClassId != classId))
            {
                continue;
            }

            var positive = point.IsPositive && point.ClassId == classId;
            states[index] = (byte)(positive ? LabelState.Positive : LabelState.Negative);
        }

        return states;
    }

    private static void ApplyTags(IReadOnlyList<Tag> tags, int classId, Grid grid, byte[] states)
    {
        foreach (var tag in tags)
        {
            if (tag.ClassId != classId || tag.Present)
            {
                continue;
            }

            if (tag.Slice is not { } k)
            {
                states.AsSpan().Fill((byte)LabelState.Negative);
            }
            else if (k >= 0 && k < grid.Nz)
            {
                states.AsSpan(k * grid.SliceSize, grid.SliceSize).Fill((byte)LabelState.Negative);
            }
        }
    }

    private static void ApplyBoxes(WeakLabels labels, int classId, Grid grid, byte[] states)
    {
        if (!labels.Boxes.Any(b => b.ClassId == classId) && !labels.Boxes3D.Any(b => b.ClassId == classId))
        {
            return;
        }

        var inside = new bool[grid.Count];
        var boxedSlices = new bool[grid.Nz];
        var any3D = false;
        foreach (var box in labels.Boxes)
        {
            if (box.ClassId == classId && box.Slice >= 0 && box.Slice < grid.Nz)
            {
                BoxRasterizer.Fill(box, grid, inside);
                boxedSlices[box.Slice] = true;
            }
        }

        foreach (var box in labels.Boxes3D)
        {
            if (box.ClassId == classId)
            {
                BoxRasterizer.Fill(box, grid, inside);
                any3D = true;
            }
        }

        for (var k = 0; k < grid.Nz; k++)
        {
            if (!any3D && !boxedSlices[k])
            {
                continue;
            }

            var start = k * grid.SliceSize;
            for (var v = start; v < start + grid.SliceSize; v++)
            {
                if (!inside[v])
                {
                    states[v] = (byte)LabelState.Negative;
                }
            }
        }
    }
}
