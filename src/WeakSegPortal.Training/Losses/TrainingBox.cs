using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Losses;

/// <summary>A box of one class on one image of a batch, as inclusive pixel bounds.</summary>
public sealed record TrainingBox(int Image, int ClassId, int X0, int Y0, int X1, int Y1)
{
    public int Width => X1 - X0 + 1;
    public int Height => Y1 - Y0 + 1;

    /// <summary>The pixels whose centres lie in a drawn box (continuous voxel index space), clipped to the image; null if none.</summary>
    public static TrainingBox? FromDrawn(Box2D box, int image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(box);
        var x0 = Math.Max(0, (int)Math.Ceiling(box.MinX));
        var y0 = Math.Max(0, (int)Math.Ceiling(box.MinY));
        var x1 = Math.Min(width - 1, (int)Math.Floor(box.MaxX));
        var y1 = Math.Min(height - 1, (int)Math.Floor(box.MaxY));
        return x0 <= x1 && y0 <= y1 ? new TrainingBox(image, box.ClassId, x0, y0, x1, y1) : null;
    }
}
