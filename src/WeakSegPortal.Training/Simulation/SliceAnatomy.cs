using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Simulation;

/// <summary>What a simulated annotator sees of one slice: each class's pixels and how deep inside it every pixel lies.</summary>
public sealed class SliceAnatomy
{
    private readonly bool[][] masks;
    private readonly double[][] depths;

    public SliceAnatomy(Phantom phantom, int slice)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        Slice = slice;
        Grid = phantom.SliceGrid;
        masks = new bool[phantom.Present.Count][];
        depths = new double[phantom.Present.Count][];
        for (var c = 0; c < phantom.Present.Count; c++)
        {
            masks[c] = phantom.ClassMask(c, slice);
            var outside = masks[c].Select(inside => !inside).ToArray();
            depths[c] = DistanceTransform.SquaredMm(outside, Grid).Select(Math.Sqrt).ToArray();
        }
    }

    public int Slice { get; }

    public Grid Grid { get; }

    public int Width => Grid.Nx;

    public int Height => Grid.Ny;

    public bool Has(int classId) => masks[classId].Contains(true);

    public bool[] Mask(int classId) => masks[classId];

    /// <summary>Distance (pixels) from a pixel to the nearest pixel of another class; 0 outside the class.</summary>
    public double Depth(int classId, int x, int y) =>
        x < 0 || y < 0 || x >= Width || y >= Height || double.IsInfinity(depths[classId][y * Width + x]) ? 0 : depths[classId][y * Width + x];

    /// <summary>Depth at the pixel nearest a continuous position.</summary>
    public double Depth(int classId, double x, double y) => Depth(classId, (int)Math.Round(x), (int)Math.Round(y));

    /// <summary>Pixels of the class at least the given depth inside it.</summary>
    public IReadOnlyList<(int X, int Y)> Deeper(int classId, double depth)
    {
        var pixels = new List<(int, int)>();
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (Depth(classId, x, y) >= depth)
                {
                    pixels.Add((x, y));
                }
            }
        }
        return pixels;
    }

    /// <summary>The deepest pixel of the class.</summary>
    public (int X, int Y) Deepest(int classId)
    {
        var best = 0;
        for (var v = 1; v < Grid.SliceSize; v++)
        {
            if (Depth(classId, v % Width, v / Width) > Depth(classId, best % Width, best / Width))
            {
                best = v;
            }
        }
        return (best % Width, best / Width);
    }

    /// <summary>Inclusive pixel bounds of the class on this slice.</summary>
    public (int X0, int Y0, int X1, int Y1) Bounds(int classId)
    {
        var (x0, y0, x1, y1) = (Width, Height, -1, -1);
        for (var v = 0; v < Grid.SliceSize; v++)
        {
            if (masks[classId][v])
            {
                var (x, y) = (v % Width, v / Width);
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
            }
        }
        return (x0, y0, x1, y1);
    }

    /// <summary>The principal direction of the class's pixels (unit vector along the larger spread).</summary>
    public (double X, double Y) Axis(int classId)
    {
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (var v = 0; v < Grid.SliceSize; v++)
        {
            if (!masks[classId][v]) continue;
            double x = v % Width, y = v / Width;
            (n, sx, sy, sxx, syy, sxy) = (n + 1, sx + x, sy + y, sxx + x * x, syy + y * y, sxy + x * y);
        }
        if (n < 2) return (1, 0);
        var (cxx, cyy, cxy) = (sxx / n - sx * sx / n / n, syy / n - sy * sy / n / n, sxy / n - sx * sy / n / n);
        var angle = 0.5 * Math.Atan2(2 * cxy, cxx - cyy);
        return (Math.Cos(angle), Math.Sin(angle));
    }
}
