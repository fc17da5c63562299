namespace WeakSegPortal.Training.Learning;

/// <summary>Each class's share of the labelled pixels of a training set (the pixels whose target is a class, not ignored).</summary>
public static class LabelledClassShares
{
    /// <returns>Shares per class summing to 1, or null where no pixel is labelled (a tag-only set).</returns>
    public static double[]? Of(IReadOnlyList<TrainingExample> examples, int classes)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var counts = new double[classes];
        foreach (var example in examples)
        {
            foreach (var target in example.Target)
            {
                if (target >= 0 && target < classes)
                {
                    counts[target]++;
                }
            }
        }
        var total = counts.Sum();
        return total > 0 ? counts.Select(c => c / total).ToArray() : null;
    }
}
