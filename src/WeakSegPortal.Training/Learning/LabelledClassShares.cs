namespace WeakSegPortal.Training.Learning;

/// <summary>
/// Each class's share of what a training set's labels cover: its labelled pixels (a target that is a class, not ignored) plus
/// the pixels of its boxes and of the row segments that boxes on other planes give (a box says its class lies within it; its
/// pixels are not labelled one by one).
/// </summary>
/// <remarks>
/// Without the boxes, a box-only set's organs would have no labelled pixel at all (everything labelled is the background outside
/// the boxes), and a head started from such shares held the large organ to a fifth of its size (README run H (flood): box row
/// 0.633 at seed 1).
/// </remarks>
public static class LabelledClassShares
{
    /// <returns>Shares per class summing to 1, or null where nothing is labelled (a tag-only set).</returns>
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
            foreach (var box in example.Boxes.Where(b => b.ClassId >= 0 && b.ClassId < classes))
            {
                counts[box.ClassId] += box.Width * box.Height;
            }
            foreach (var line in (example.Lines ?? []).Where(l => l.ClassId >= 0 && l.ClassId < classes))
            {
                counts[line.ClassId] += line.Length;
            }
        }
        var total = counts.Sum();
        return total > 0 ? counts.Select(c => c / total).ToArray() : null;
    }
}
