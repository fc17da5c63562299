using WeakSegPortal.Core.Labels;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Learning;

/// <summary>Turns one annotator's (or a consensus's) weak labels of an item into a training example for one slice.</summary>
/// <remarks>
/// Scribbles, then positive clicks, then full masks give the pixel targets (later wins, as in the rasteriser): where a full
/// mask's plane slice crosses the slice with paint left (<see cref="MaskAnswers"/>: the whole slice for an axial one, row j for
/// a coronal one on j, column i for a sagittal one on i), its paint is that class and every other pixel it crosses background
/// — a class not mentioned on the item stays marginalised there, so that is still no claim about it. Negative clicks say only what a
/// pixel is not and are left out here. Boxes become <see cref="TrainingBox"/>es, boxes drawn on a coronal or sagittal plane
/// the <see cref="TrainingLine"/> they cross the slice in; item tags, or the slice's own tags, become
/// tag targets (an absent tag also bounds the class's size to 0). A class is labelled when any scribble, click, box, tag or
/// mask of it exists anywhere on the item.
/// </remarks>
public static class WeakTargets
{
    /// <param name="input">The slice's channels (see <see cref="Network.SliceStackInput"/>), channels × height × width.</param>
    /// <param name="grid">The item's grid (slice stacks included).</param>
    /// <param name="sizePrior">Expected pixel size per class where known (points): applied to classes not tagged absent.</param>
    public static TrainingExample ForSlice(float[] input, int channels, Grid grid, int slice, WeakLabels labels, int classes,
        IReadOnlyDictionary<int, (double Min, double Max)>? sizePrior = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(labels);
        var target = PixelClasses(grid, slice, labels, classes);
        var boxes = labels.Boxes.Where(b => b.IsAxial && b.Slice == slice && b.ClassId > 0 && b.ClassId < classes)
            .Select(b => TrainingBox.FromDrawn(b, 0, grid.Nx, grid.Ny)).OfType<TrainingBox>().ToList();
        var lines = Lines(labels.Boxes, grid, slice, classes);
        var tags = TagValues(labels, slice, classes);
        return new TrainingExample(input, channels, grid.Nx, grid.Ny, target, LabelledClasses(labels, classes), boxes, tags, SizeBounds(tags, sizePrior), lines);
    }

    /// <summary>The rows (coronal boxes) and columns (sagittal boxes) that boxes drawn on reformats give on the slice.</summary>
    public static List<TrainingLine> Lines(IEnumerable<Box2D> boxes, Grid grid, int slice, int classes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(grid);
        return [.. boxes.Where(b => !b.IsAxial && b.ClassId > 0 && b.ClassId < classes)
            .Select(b => TrainingLine.FromDrawn(b, slice, 0, grid.Nx, grid.Ny)).OfType<TrainingLine>()];
    }

    /// <summary>The class of each pixel of the slice (x fastest) from scribbles, positive clicks and full masks; <see cref="PartialCrossEntropy.Ignore"/> elsewhere.</summary>
    public static long[] PixelClasses(Grid grid, int slice, WeakLabels labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(labels);
        var plane = Grid.Planar(grid.Nx, grid.Ny, grid.SpacingX, grid.SpacingY);
        var target = new long[plane.Count];
        Array.Fill(target, PartialCrossEntropy.Ignore);
        foreach (var scribble in labels.Scribbles.Where(s => s.Slice == slice && s.ClassId >= 0 && s.ClassId < classes))
        {
            ScribbleRasterizer.Visit(scribble with { Slice = 0 }, plane, index => target[index] = scribble.ClassId);
        }
        foreach (var point in labels.Points.Where(p => p.Slice == slice && p.IsPositive && p.ClassId >= 0 && p.ClassId < classes))
        {
            var index = PointRasterizer.IndexOf(point with { Slice = 0 }, plane);
            if (index >= 0)
            {
                target[index] = point.ClassId;
            }
        }
        // Full masks on any plane (MaskAnswers): where a plane slice's answer crosses this slice, its paint is that class and
        // the rest of what it crosses background — the whole slice for an axial answer, row j (column i) for a coronal
        // (sagittal) one; later answers win where they meet.
        var masks = labels.Masks.Where(m => (m.Plane != SlicePlane.Axial || m.Slice == slice) && m.ClassId >= 0 && m.ClassId < classes).ToList();
        if (masks.Count > 0)
        {
            var answered = MaskAnswers.OnAxialSlice(MaskAnswers.Of(masks, grid), grid, slice);
            for (var v = 0; v < answered.Length; v++)
            {
                target[v] = answered[v] >= 0 ? answered[v] : target[v];
            }
        }
        return target;
    }

    /// <summary>Per non-background class: 1 present, 0 absent, <see cref="TagClassificationLoss.Unknown"/>, from item tags and the slice's own (later wins).</summary>
    public static float[] TagValues(WeakLabels labels, int slice, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var tags = new float[classes - 1];
        Array.Fill(tags, TagClassificationLoss.Unknown);
        foreach (var tag in labels.Tags.Where(t => (t.Slice is null || t.Slice == slice) && t.ClassId > 0 && t.ClassId < classes))
        {
            tags[tag.ClassId - 1] = tag.Present ? 1 : 0;
        }
        return tags;
    }

    /// <summary>Size bounds of one image (index 0): 0..0 for a class tagged absent, else the prior where one is known.</summary>
    public static List<SizeBounds> SizeBounds(float[] tags, IReadOnlyDictionary<int, (double Min, double Max)>? sizePrior)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var sizes = new List<SizeBounds>();
        for (var c = 1; c <= tags.Length; c++)
        {
            if (tags[c - 1] == 0)
            {
                sizes.Add(new SizeBounds(0, c, 0, 0));
            }
            else if (sizePrior is not null && sizePrior.TryGetValue(c, out var prior))
            {
                sizes.Add(new SizeBounds(0, c, prior.Min, prior.Max));
            }
        }
        return sizes;
    }

    /// <summary>Per class, whether the labels say anything about it on the item; background always counts as labelled.</summary>
    public static bool[] LabelledClasses(WeakLabels labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var labelled = new bool[classes];
        labelled[0] = true;
        var mentioned = labels.Scribbles.Select(s => s.ClassId)
            .Concat(labels.Points.Select(p => p.ClassId))
            .Concat(labels.Boxes.Select(b => b.ClassId))
            .Concat(labels.Boxes3D.Select(b => b.ClassId))
            .Concat(labels.Tags.Select(t => t.ClassId))
            .Concat(labels.Masks.Where(m => !m.Erases).Select(m => m.ClassId));
        foreach (var c in mentioned.Where(c => c >= 0 && c < classes))
        {
            labelled[c] = true;
        }
        return labelled;
    }
}
