using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Worker;

/// <summary>
/// The labels one item is trained on: the QA-adjudicated labels where they exist (they win); otherwise the crowd's, combined
/// by reliability.
/// </summary>
public static class CrowdTrainingLabels
{
    /// <summary>The training example of one slice of an item whose labels are already in the network's pixels and channels.</summary>
    public static TrainingExample ForSlice(float[] input, int channels, Grid grid, int slice, TrainingItem item, int classes) =>
        WeakTargets.ForSlice(input, channels, grid, slice, For(item) ?? WeakLabels.Empty, classes);

    /// <summary>The labels the item is trained on; null when nobody labelled it.</summary>
    public static WeakLabels? For(TrainingItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Adjudicated is { } adjudicated)
        {
            return adjudicated;
        }

        // Interim until Training/Learning/CrowdLabels.cs (the reliability-weighted consensus) lands: the most reliable annotator's labels.
        return item.Annotators.Count == 0 ? null : item.Annotators.MaxBy(a => a.Reliability)!.Labels;
    }
}
