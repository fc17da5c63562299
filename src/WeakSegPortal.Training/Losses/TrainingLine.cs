using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Losses;

/// <summary>
/// What a box drawn on a coronal or sagittal plane says on one axial image of a batch: a coronal box at row j with i range
/// i0..i1 crossing the slice gives row j from i0 to i1 (<see cref="IsRow"/>, <see cref="Line"/> = j, <see cref="From"/>..<see cref="To"/>
/// = i0..i1, inclusive pixels); a sagittal box at column i gives column i over its j range. The segment is a tightness bag
/// (some of it is the class) and the rest of the line is background for the class (<see cref="BoxLineLoss"/>).
/// </summary>
public sealed record TrainingLine(int Image, int ClassId, bool IsRow, int Line, int From, int To)
{
    public int Length => To - From + 1;

    /// <summary>The line a reformat box gives on axial slice <paramref name="slice"/>, clipped to the image; null for an axial box or one that misses the slice.</summary>
    public static TrainingLine? FromDrawn(Box2D box, int slice, int image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (box.IsAxial || BoxVoxels.AxialTrace(box, slice) is null)
        {
            return null;
        }
        var isRow = box.Plane == SlicePlane.Coronal;
        var (lineCount, length) = isRow ? (height, width) : (width, height);
        var from = Math.Max(0, (int)Math.Ceiling(box.MinX));
        var to = Math.Min(length - 1, (int)Math.Floor(box.MaxX));
        return box.Slice >= 0 && box.Slice < lineCount && from <= to ? new TrainingLine(image, box.ClassId, isRow, box.Slice, from, to) : null;
    }
}
