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

    /// <summary>A present class's map counts on an image only where its peak is at least this share of the class's highest peak over the set.</summary>
    public const double WeakPeak = 0.25;

    /// <summary>
    /// An image gives its class's profile a sample only where the class's map peaks at least this share of the class's
    /// highest: the profile is what the class looks like, so it learns only from maps that clearly found it. On the benchmark
    /// (48 items, seed 4) the small organ's profile had two samples, a CT organ (0.86, map peak 99 % of the highest) and a
    /// piece of body on an MR image (0.49, peak 27 %, just over <see cref="WeakPeak"/>); their profile, 0.67 ± 0.18, gave every
    /// small piece of lit body beside the organs the small organ's class (tags Dice 0.611).
    /// </summary>
    public const double ProfilePeak = 0.5;

    /// <summary>The examples with each tag-only one's target replaced by its pseudo-mask (the classifier is read on the CPU).</summary>
    /// <remarks>
    /// Set-level, in three passes: every tag-only image's class activation maps; per class its <see cref="ClassProfile"/>, from
    /// the largest lit piece of each image where it is the only class present and its map counts; then each image's
    /// pseudo-mask (<see cref="ClassActivationPseudoMask.FromComponents"/>), grown by intensity (<see cref="SeededRegionGrowing"/>).
    /// </remarks>
    public static List<TrainingExample> Apply(UNet classifier, IEnumerable<TrainingExample> examples, double growTolerance = GrowTolerance)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(examples);
        var all = examples.ToList();
        return FromMaps(all, [.. all.Select(e => HasOnlyTags(e) && e.Tags.Any(t => t == 1) && e.Tags.All(t => t != TagClassificationLoss.Unknown)
            ? ClassActivationPseudoMask.Maps(classifier, e) : null)], growTolerance);
    }

    /// <summary><see cref="Apply"/> on maps already read: per example its raw class activation maps (tag after tag), or null where none are needed.</summary>
    public static List<TrainingExample> FromMaps(IReadOnlyList<TrainingExample> all, IReadOnlyList<float[]?> maps, double growTolerance = GrowTolerance)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(maps);
        if (maps.Count != all.Count)
        {
            throw new ArgumentException($"Expected maps for {all.Count} examples, got {maps.Count}.", nameof(maps));
        }
        var tags = all.Select(e => e.Tags.Length).DefaultIfEmpty(0).Max();
        var classPeak = new float[tags];
        var peaks = new List<float[]?>();
        for (var i = 0; i < all.Count; i++)
        {
            peaks.Add(maps[i] is { } m ? Peaks(m, all[i].Tags.Length, all[i].Width * all[i].Height) : null);
            for (var t = 0; t < tags && peaks[i] is { } p; t++)
            {
                classPeak[t] = all[i].Tags[t] == 1 ? Math.Max(classPeak[t], p[t]) : classPeak[t];
            }
        }
        List<int> Counted(int i) => [.. Enumerable.Range(0, all[i].Tags.Length).Where(t => all[i].Tags[t] == 1 && peaks[i]![t] > 0 && peaks[i]![t] >= WeakPeak * classPeak[t])];
        var profiles = new Dictionary<int, ClassProfile>();
        for (var t = 0; t < tags; t++)
        {
            var samples = new List<ActivationComponent>();
            for (var i = 0; i < all.Count; i++)
            {
                if (maps[i] is { } m && all[i].Tags.Count(x => x == 1) == 1 && all[i].Tags[t] == 1 && Counted(i).Contains(t)
                    && peaks[i]![t] >= ProfilePeak * classPeak[t])
                {
                    var pieces = ActivationComponents.Find(m, [t], ClassActivationPseudoMask.Intensity(all[i]), all[i].Width,
                        ClassActivationPseudoMask.Lit, ClassActivationPseudoMask.Edge, ClassActivationPseudoMask.MinimumPixels);
                    if (pieces.Count > 0)
                    {
                        samples.Add(pieces.MaxBy(p => p.Pixels.Length)!);
                    }
                }
            }
            if (samples.Count > 0)
            {
                profiles[t] = ClassProfile.From(samples);
            }
        }
        return [.. all.Select((e, i) => HasOnlyTags(e) ? e with { Target = PseudoMask(e, maps[i], maps[i] is null ? [] : Counted(i), profiles, growTolerance) } : e)];
    }

    private static long[] PseudoMask(TrainingExample example, float[]? maps, List<int> counted, Dictionary<int, ClassProfile> profiles, double growTolerance)
    {
        var target = ClassActivationPseudoMask.FromComponents(maps ?? [], example.Tags, counted, ClassActivationPseudoMask.Intensity(example), example.Width, profiles);
        if (growTolerance <= 0 || maps is null)
        {
            return target;
        }
        var present = Enumerable.Range(1, example.Tags.Length).Where(c => example.Tags[c - 1] == 1).ToList();
        return SeededRegionGrowing.Grow(target, ClassActivationPseudoMask.Intensity(example), example.Width, present, growTolerance);
    }

    private static float[] Peaks(float[] maps, int tags, int pixels)
    {
        var peaks = new float[tags];
        for (var t = 0; t < tags; t++)
        {
            peaks[t] = ActivationPeak.Of(maps.AsSpan(t * pixels, pixels));
        }
        return peaks;
    }
}
