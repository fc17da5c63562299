namespace WeakSegPortal.Core.Labels;

/// <summary>Builds the three-state map (see <see cref="LabelState"/>) of one class from an annotator's weak labels.</summary>
/// <remarks>
/// Later, more local evidence overrides earlier, coarser evidence, in this order:
/// 1. a tag "absent" makes the class Negative on its slice (or everywhere for an item tag);
/// 2. boxes of the class make everything outside them Negative — on the slices that carry a 2D box
///    of the class (a coronal or sagittal box: on its own coronal or sagittal slice), or throughout the
///    volume for 3D boxes — while the inside stays Unknown,
///    because a box says where the object is not, not which voxels inside belong to it;
/// 3. scribbles: Positive for their own class, Negative for any other class (classes are exclusive);
/// 4. points: a positive click is Positive for its class and Negative for others, a negative click
///    Negative for its class.
/// 5. full masks (polygons, accepted masks and brush strokes), on the plane slice each was drawn on (axial k, coronal j or
///    sagittal i; <see cref="MaskAnswers"/>): on each plane slice the annotator's paint of a class is the union of its
///    polygons, masks and painting strokes there, in order, less what later erasing strokes of that class on that plane
///    slice removed. On a plane slice where paint of the class remains, the paint is Positive and every other voxel of
///    that plane slice Negative (a full mask is the whole answer for its plane slice, and says nothing about the rest of
///    the axial slices a coronal or sagittal one crosses); paint of another class is Negative (classes are exclusive; on
///    one plane slice the class's own paint wins). A plane slice whose paint was all erased says nothing. Where plane
///    slices meet (axial slice k and coronal slice j share row j of slice k), the one edited later wins.
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

        ApplyMasks(labels.Masks, classId, grid, states);
        return states;
    }

    /// <summary>
    /// The voxels the full masks give a class after all edits (<see cref="MaskAnswers"/>): on each plane slice with paint, in
    /// the order of their latest edits, the class's paint there (its unpainted voxels cleared when the slice has paint of the
    /// class, the paint of other classes cleared otherwise); null when the labels hold no full mask of it.
    /// </summary>
    public static bool[]? Painted(IReadOnlyList<IMaskShape> masks, int classId, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(grid);
        if (!masks.Any(m => m.ClassId == classId && m.Slice >= 0 && m.Slice < PlaneVoxels.Of(grid, m.Plane).Nz))
        {
            return null;
        }
        var painted = new bool[grid.Count];
        Answer(MaskAnswers.Of(masks, grid), classId, grid, (v, positive) => painted[v] = positive);
        return painted;
    }

    private static void ApplyMasks(IReadOnlyList<IMaskShape> masks, int classId, Grid grid, byte[] states)
    {
        if (masks.Count == 0)
        {
            return;
        }
        Answer(MaskAnswers.Of(masks, grid), classId, grid,
            (v, positive) => states[v] = (byte)(positive ? LabelState.Positive : LabelState.Negative));
    }

    /// <summary>
    /// Calls <paramref name="say"/> (voxel, positive) for what each answer says of a class, later answers after earlier ones:
    /// with paint of the class, every voxel of its plane slice (painted: positive); without, the voxels other classes
    /// painted there (negative). Within one plane slice the class's own paint wins over another class's.
    /// </summary>
    private static void Answer(IReadOnlyList<MaskAnswer> answers, int classId, Grid grid, Action<int, bool> say)
    {
        foreach (var answer in answers)
        {
            if (answer.Of(classId) is { } mine)
            {
                var p = 0;
                PlaneVoxels.VisitSlice(grid, answer.Plane, answer.Slice, v => say(v, mine[p++]));
                continue;
            }
            foreach (var (_, theirs) in answer.Paint)
            {
                var p = 0;
                PlaneVoxels.VisitSlice(grid, answer.Plane, answer.Slice, v =>
                {
                    if (theirs[p++])
                    {
                        say(v, false);
                    }
                });
            }
        }
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
        var covered = new bool[grid.Count];
        var any3D = false;
        foreach (var box in labels.Boxes)
        {
            if (box.ClassId == classId)
            {
                BoxRasterizer.Fill(box, grid, inside);
                BoxVoxels.FillPlane(box, grid, covered);
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

        for (var v = 0; v < states.Length; v++)
        {
            if ((any3D || covered[v]) && !inside[v])
            {
                states[v] = (byte)LabelState.Negative;
            }
        }
    }
}
