namespace WeakSegPortal.Core.Labels;

/// <summary>
/// The one reading of full masks (polygons, accepted masks, brush strokes and erasures) on any plane, for every consumer:
/// each plane slice's paint per class after its own edits (an eraser removes paint of its class on its own plane slice
/// only), as <see cref="MaskAnswer"/>s in the order of their latest edit. A plane slice with paint left is the whole answer
/// for that plane slice, and says nothing about the rest of the volume; where plane slices meet, the later answer wins.
/// </summary>
public static class MaskAnswers
{
    /// <summary>The plane slices with paint left, ordered by their latest edit (shapes off their plane's grid are skipped).</summary>
    public static IReadOnlyList<MaskAnswer> Of(IReadOnlyList<IMaskShape> masks, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(grid);
        var slices = new Dictionary<(SlicePlane Plane, int Slice), (int Latest, List<(int ClassId, bool[] Pixels)> Paint)>();
        for (var n = 0; n < masks.Count; n++)
        {
            var shape = masks[n];
            var plane = PlaneVoxels.Of(grid, shape.Plane);
            if (shape.Slice < 0 || shape.Slice >= plane.Nz)
            {
                continue;
            }
            var key = (shape.Plane, shape.Slice);
            var paint = slices.TryGetValue(key, out var known) ? known.Paint : [];
            slices[key] = (n, paint);
            var at = paint.FindIndex(c => c.ClassId == shape.ClassId);
            if (at < 0)
            {
                paint.Add((shape.ClassId, new bool[plane.SliceSize]));
                at = paint.Count - 1;
            }
            var pixels = paint[at].Pixels;
            var value = !shape.Erases;
            shape.Visit(grid, v => pixels[PlaneVoxels.OnPlaneSlice(grid, shape.Plane, v)] = value);
        }
        return [.. slices
            .Select(s => new MaskAnswer(s.Key.Plane, s.Key.Slice, s.Value.Latest, [.. s.Value.Paint.Where(c => Array.IndexOf(c.Pixels, true) >= 0)]))
            .Where(a => a.Paint.Count > 0)
            .OrderBy(a => a.Latest)];
    }

    /// <summary>
    /// Per pixel of axial slice <paramref name="k"/> (j · nx + i), the class the answers give it — the class painted there, or 0
    /// where an answer that crosses the pixel leaves it unpainted — or −1 where no answer crosses it. A coronal answer crosses
    /// row j of every axial slice, a sagittal one column i.
    /// </summary>
    public static int[] OnAxialSlice(IReadOnlyList<MaskAnswer> answers, Grid grid, int k)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(grid);
        var classes = new int[grid.SliceSize];
        Array.Fill(classes, -1);
        foreach (var answer in answers)
        {
            PlaneVoxels.VisitAxialTrace(grid, answer.Plane, answer.Slice, k, (q, p) => classes[q] = answer.ClassAt(p));
        }
        return classes;
    }

    /// <summary>
    /// The axial slices a shape labels: its own slice for an axial shape; for a coronal or sagittal shape, the slices k its
    /// pixels (painted or erased) lie on — its answer also crosses the others, but they are labelled only where someone drew.
    /// </summary>
    public static IEnumerable<int> AxialSlices(IMaskShape shape, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(grid);
        if (shape.Plane == SlicePlane.Axial)
        {
            return shape.Slice >= 0 && shape.Slice < grid.Nz ? [shape.Slice] : [];
        }
        var slices = new SortedSet<int>();
        shape.Visit(grid, v => slices.Add(v / grid.SliceSize));
        return slices;
    }

    /// <summary>
    /// The masks moved onto a grid of the axial slices in <paramref name="compact"/> (volume k → new k). An axial shape moves
    /// with its slice (and is left out when its slice is not kept); a coronal or sagittal plane slice becomes, at the place
    /// of its latest edit, one mask per class with paint left, of the kept rows k only (its edits applied, so erasers go).
    /// </summary>
    public static List<IMaskShape> MoveSlices(IReadOnlyList<IMaskShape> masks, Grid volume, IReadOnlyDictionary<int, int> compact)
    {
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(compact);
        var reformats = Of([.. masks.Where(m => m.Plane != SlicePlane.Axial)], volume);
        var positions = masks.Select((m, n) => (m, n)).Where(p => p.m.Plane != SlicePlane.Axial).Select(p => p.n).ToList();
        var rows = compact.Where(c => c.Key >= 0 && c.Key < volume.Nz).OrderBy(c => c.Value).Select(c => c.Key).ToArray();
        var moved = new List<IMaskShape>();
        var next = 0;
        for (var n = 0; n < masks.Count; n++)
        {
            var shape = masks[n];
            if (shape.Plane == SlicePlane.Axial)
            {
                if (compact.TryGetValue(shape.Slice, out var k))
                {
                    moved.Add(Moved(shape, k));
                }
                continue;
            }
            while (next < reformats.Count && positions[reformats[next].Latest] == n)
            {
                moved.AddRange(KeptRows(reformats[next], volume, rows));
                next++;
            }
        }
        return moved;
    }

    private static IEnumerable<IMaskShape> KeptRows(MaskAnswer answer, Grid volume, int[] rows)
    {
        var width = PlaneVoxels.Of(volume, answer.Plane).Nx;
        if (rows.Length == 0)
        {
            yield break;
        }
        foreach (var (classId, pixels) in answer.Paint)
        {
            var kept = new bool[width * rows.Length];
            for (var r = 0; r < rows.Length; r++)
            {
                Array.Copy(pixels, rows[r] * width, kept, r * width, width);
            }
            yield return new SliceMask(width, rows.Length, MaskRle.Encode(kept), answer.Slice, classId, answer.Plane);
        }
    }

    private static IMaskShape Moved(IMaskShape mask, int slice) => mask switch
    {
        Polygon polygon => polygon with { Slice = slice },
        BrushStroke stroke => stroke with { Slice = slice },
        SliceMask painted => painted with { Slice = slice },
        _ => throw new NotSupportedException($"Unknown mask shape {mask.GetType().Name}."),
    };
}
