using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// The annotators' labels as the QA viewer (wwwroot/src/qa-viewer.js) draws them: one layer per
/// annotator, shapes in voxel index space with a flat point list (a box as x0, y0, x1, y1). Tags
/// have no shape and are left out. The viewer shows axial slices: a box drawn on a coronal or sagittal
/// plane is shown as its trace on each axial slice it crosses (<see cref="BoxVoxels.AxialTrace"/>: a
/// one-voxel-high box along row j, or one-voxel-wide along column i), with <see cref="Shape.Plane"/> naming the plane.
/// A brush stroke, polygon or mask drawn on a coronal or sagittal plane is shown likewise as its voxels on each axial slice
/// they lie on (row j, or column i): as a "mask" (run-length code of the axial slice) for paint, and for an eraser as one
/// width-1 "brush" run per stretch of the row (column) with <see cref="Shape.Erase"/> set, so the viewer draws it dashed.
/// </summary>
public static class QaViewerLayers
{
    /// <summary>A drawn label; an accepted mask has no points and carries its run-length code in <see cref="Mask"/>.</summary>
    public sealed record Shape(string Kind, int ClassId, int Slice, double[] Points, double? Width = null, bool? Positive = null, bool? Erase = null, MaskShape? Mask = null, string? Plane = null);

    public sealed record Layer(Guid Id, string Name, string Colour, IReadOnlyList<Shape> Shapes);

    /// <param name="grid">The item's grid: a full mask on a coronal or sagittal plane needs it for its traces (else refused).</param>
    public static IReadOnlyList<Layer> Of(IEnumerable<OverlayLayer> layers, Grid? grid = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return [.. layers.Select(l => new Layer(l.AnnotatorId, l.Name, l.Colour, [.. l.Annotations.SelectMany(a => ShapesOf(a, grid))]))];
    }

    private static IEnumerable<Shape> ShapesOf(StoredAnnotation a, Grid? grid) => a switch
    {
        { Box: { IsAxial: false } box } => BoxVoxels.AxialSlices(box).Select(k => BoxVoxels.AxialTrace(box, k)).OfType<Box2D>()
            .Select(t => new Shape("box", t.ClassId, t.Slice, [t.X0, t.Y0, t.X1, t.Y1], Plane: SlicePlaneNames.WireName(box.Plane))),
        { MaskShape: { Plane: not SlicePlane.Axial } mask } => Traces(mask, grid
            ?? throw new ArgumentException("A full mask on a coronal or sagittal plane is shown through the item's grid.", nameof(grid))),
        _ => ShapeOf(a) is { } shape ? [shape] : [],
    };

    /// <summary>A reformat full mask's voxels on each axial slice they lie on.</summary>
    private static IEnumerable<Shape> Traces(IMaskShape mask, Grid grid)
    {
        var bySlice = new SortedDictionary<int, bool[]>();
        mask.Visit(grid, v =>
        {
            var k = v / grid.SliceSize;
            if (!bySlice.TryGetValue(k, out var pixels))
            {
                bySlice[k] = pixels = new bool[grid.SliceSize];
            }
            pixels[v % grid.SliceSize] = true;
        });
        var plane = SlicePlaneNames.WireName(mask.Plane);
        foreach (var (k, pixels) in bySlice)
        {
            if (!mask.Erases)
            {
                yield return new Shape("mask", mask.ClassId, k, [], Mask: new MaskShape(grid.Nx, grid.Ny, MaskRle.Encode(pixels)), Plane: plane);
                continue;
            }
            foreach (var (from, to) in Runs(pixels, grid, mask))
            {
                yield return new Shape("brush", mask.ClassId, k, [from.X, from.Y, to.X, to.Y], 1, Erase: true, Plane: plane);
            }
        }
    }

    /// <summary>The stretches of set pixels along row j (coronal slice j) or column i (sagittal slice i), end voxel centres.</summary>
    private static IEnumerable<(PlanePoint From, PlanePoint To)> Runs(bool[] pixels, Grid grid, IMaskShape mask)
    {
        var coronal = mask.Plane == SlicePlane.Coronal;
        var length = coronal ? grid.Nx : grid.Ny;
        PlanePoint At(int n) => coronal ? new PlanePoint(n, mask.Slice) : new PlanePoint(mask.Slice, n);
        bool Set(int n) => coronal ? pixels[(mask.Slice * grid.Nx) + n] : pixels[(n * grid.Nx) + mask.Slice];
        for (var n = 0; n < length; n++)
        {
            if (!Set(n))
            {
                continue;
            }
            var start = n;
            while (n + 1 < length && Set(n + 1))
            {
                n++;
            }
            yield return (At(start), At(n));
        }
    }

    private static Shape? ShapeOf(StoredAnnotation a) => a switch
    {
        { Box: { } b } => new Shape("box", b.ClassId, b.Slice, [b.X0, b.Y0, b.X1, b.Y1]),
        { Scribble: { } s } => new Shape("scribble", s.ClassId, s.Slice, Flat(s.Points), s.Width),
        { Point: { } p } => new Shape("point", p.ClassId, p.Slice, [p.X, p.Y], Positive: p.IsPositive),
        { Polygon: { } p } => new Shape("polygon", p.ClassId, p.Slice, Flat(p.Points)),
        { Brush: { } b } => new Shape("brush", b.ClassId, b.Slice, Flat(b.Points), b.Width, Erase: b.Erase),
        { Mask: { } m } => new Shape("mask", m.ClassId, m.Slice, [], Mask: new MaskShape(m.Width, m.Height, m.Counts)),
        _ => null,
    };

    private static double[] Flat(IReadOnlyList<Core.Labels.PlanePoint> points) => [.. points.SelectMany(p => new[] { p.X, p.Y })];
}
