using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;

namespace WeakSegPortal.Training.Learning;

/// <summary>
/// The tag stage before segmentation training, the same in the benchmark and in the worker's training job: a classifier
/// (a U-Net with a tag head) learns the image tags, and every example that has nothing but tags gets its class activation
/// pseudo-mask (<see cref="ClassActivationPseudoMask"/>) as its pixel target; examples with pixels, boxes or lines keep theirs.
/// </summary>
public static class TagPseudoMaskStage
{
    /// <summary>How far in intensity ([0, 1]) a class activation seed grows (<see cref="SeededRegionGrowing"/>).</summary>
    public const double GrowTolerance = 0.1;

    /// <summary>An example whose only supervision is its tags (at least one known): no labelled pixel, box or line.</summary>
    public static bool HasOnlyTags(TrainingExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return example.Target.All(t => t == PartialCrossEntropy.Ignore) && example.Boxes.Count == 0 && (example.Lines?.Count ?? 0) == 0
            && example.Tags.Any(t => t != TagClassificationLoss.Unknown);
    }

    /// <summary>Whether the stage has anything to do: some example has only tags.</summary>
    public static bool IsNeeded(IEnumerable<TrainingExample> examples) => examples.Any(HasOnlyTags);

    /// <summary>What the classifier learns from: every example with a known tag.</summary>
    public static List<TrainingExample> ClassifierExamples(IEnumerable<TrainingExample> examples) =>
        [.. examples.Where(e => e.Tags.Any(t => t != TagClassificationLoss.Unknown))];

    /// <summary>The classifier's objective: the tag loss and the negative tags, no pixel term.</summary>
    public static ObjectiveWeights ClassifierWeights(double negativeTag = 1, bool absentTagMaps = false) =>
        new(CrossEntropy: 0, Box: 0, Size: 0, Tag: 1, NegativeTag: negativeTag) { AbsentTagMaps = absentTagMaps };

    /// <summary>The examples with each tag-only one's target replaced by its pseudo-mask (the classifier is read on the CPU).</summary>
    public static List<TrainingExample> Apply(UNet classifier, IEnumerable<TrainingExample> examples, double growTolerance = GrowTolerance)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(examples);
        return [.. examples.Select(e => HasOnlyTags(e) ? e with { Target = ClassActivationPseudoMask.Of(classifier, e, growTolerance) } : e)];
    }
}
