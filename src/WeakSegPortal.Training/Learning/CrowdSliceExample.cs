using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Learning;

/// <summary>
/// One slice's training example from the crowd's labels, as the worker's training job and the benchmark both build it (one
/// rule, one place, so that the benchmark's rows measure what the worker trains): <see cref="CrowdLabels"/>' combined
/// targets, then
/// <list type="bullet">
/// <item>the boxes' prior that everything outside every box is background (<see cref="OutsideEveryBoxIsBackground"/>), and</item>
/// <item>the size prior's bounds only for the classes a label puts on the slice (<see cref="SizesOnItsClasses"/>).</item>
/// </list>
/// </summary>
public static class CrowdSliceExample
{
    /// <inheritdoc cref="CrowdLabels.ForSlice(float[], int, Grid, int, WeakLabels?, IReadOnlyList{AnnotatorWeakLabels}, int, IReadOnlyDictionary{int, ValueTuple{double, double}}?)"/>
    /// <param name="sizePrior">Each class's expected area on a slice where it appears (<see cref="GoldSizePrior"/>), or null.</param>
    public static TrainingExample ForSlice(float[] input, int channels, Grid grid, int slice, WeakLabels? adjudicated,
        IReadOnlyList<AnnotatorWeakLabels> annotators, int classes, IReadOnlyDictionary<int, (double Min, double Max)>? sizePrior)
    {
        var example = CrowdLabels.ForSlice(input, channels, grid, slice, adjudicated, annotators, classes, sizePrior);
        return SizesOnItsClasses(OutsideEveryBoxIsBackground(example));
    }

    /// <summary>
    /// On a slice whose boxes are all axial, every pixel that no label claims and no box covers is background (classes nobody
    /// labelled stay marginalised: <see cref="MarginalCrossEntropy"/>). A slice crossed by a box drawn on a coronal or sagittal
    /// plane is left as it is: such a box bounds its organ only along its own line (<see cref="TrainingLine"/>), so the
    /// organ may lie outside the slice's axial boxes.
    /// </summary>
    public static TrainingExample OutsideEveryBoxIsBackground(TrainingExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (example.Boxes.Count == 0 || example.Lines is { Count: > 0 })
        {
            return example;
        }
        var target = (long[])example.Target.Clone();
        for (var y = 0; y < example.Height; y++)
        {
            for (var x = 0; x < example.Width; x++)
            {
                if (target[(y * example.Width) + x] < 0 && !example.Boxes.Any(b => x >= b.X0 && x <= b.X1 && y >= b.Y0 && y <= b.Y1))
                {
                    target[(y * example.Width) + x] = MarginalCrossEntropy.Background;
                }
            }
        }
        return example with { Target = target };
    }

    /// <summary>
    /// Keeps a class's size bounds only where a label puts the class on the slice (a click says the organ is there; elsewhere
    /// its size on this slice is unknown, and it may be absent), and an absent tag's bound 0 everywhere.
    /// </summary>
    public static TrainingExample SizesOnItsClasses(TrainingExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return example with { Sizes = [.. example.Sizes.Where(s => s.Max == 0 || example.Target.Contains(s.ClassId))] };
    }
}
