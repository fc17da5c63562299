using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Learning;

/// <summary>Pixel targets from class activation maps: the pieces the maps light, each given to the present class it looks like; where every map is weak, background.</summary>
/// <remarks>
/// Measured on the benchmark (48², seeds 1 and 2): the classifier's maps are near copies of one another, each lighting
/// whatever is bright (on CT-like images both organs, the small one brightest), so a map says where an organ is but not
/// which, and the earlier rule (each pixel to the strongest present map above half its peak, a pixel two maps claim left
/// out) never gave the small organ a pixel. Now (<see cref="FromComponents"/>): the lit pixels (some counted map at least
/// <see cref="Lit"/> of its peak) are split into intensity-homogeneous pieces (<see cref="ActivationComponents"/>) and each
/// piece goes to the present class whose <see cref="ClassProfile"/> (learnt on the images where that class is the only one
/// present) it is nearest to, if its intensity is within <see cref="MatchLimit"/> spreads of it; a piece like no profiled
/// class goes to the one present class without a profile, if there is exactly one (the others are "erased"); else it is
/// left out. A present class that no lit piece matched takes the enclosed intensity region (<see cref="ActivationComponents.Regions"/>,
/// no pixel of another class) whose size is nearest its profile's, within <see cref="MatchLimit"/> area spreads. Background where every counted map is below <see cref="Background"/> of its peak, unless a present class got
/// no pixel: then it is somewhere the maps missed, and no pixel is known to be background. A class tagged absent never
/// takes a pixel. An image whose classes are all tagged absent is background throughout; a class whose tag is unknown
/// leaves the image out.
/// </remarks>
public static class ClassActivationPseudoMask
{
    public const double Lit = 0.3;
    public const double Background = 0.15;

    /// <summary>Largest intensity step between neighbouring pixels of one piece (intensities in [0, 1]).</summary>
    public const double Edge = 0.1;

    /// <summary>Pieces smaller than this are noise and left out.</summary>
    public const int MinimumPixels = 5;

    /// <summary>Largest distance in intensity spreads at which a piece may match a class's profile.</summary>
    public const double MatchLimit = 3;

    /// <summary>The classifier's raw class activation maps on the example, tag after tag, at the input's resolution.</summary>
    public static float[] Maps(UNet classifier, TrainingExample example)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(example);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        classifier.eval();
        using var input = tensor(example.Input, [1, example.Channels, example.Height, example.Width]);
        return classifier.TagActivationMaps(input)[0].data<float>().ToArray();
    }

    /// <summary>The example's middle input channel (its own slice), the intensities the pieces and the growing read.</summary>
    public static ReadOnlySpan<float> Intensity(TrainingExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var pixels = example.Width * example.Height;
        return example.Input.AsSpan(example.Channels / 2 * pixels, pixels);
    }

    /// <param name="maps">Raw class activation maps, tag after tag (unused when no tag is present or one is unknown).</param>
    /// <param name="tags">Per tag (class t + 1): 1 present, 0 absent, <see cref="TagClassificationLoss.Unknown"/>.</param>
    /// <param name="counted">The present tags whose maps are trusted on this image (a map whose peak is far below its class's usual one found nothing).</param>
    /// <param name="profiles">Per tag, what its pieces look like (<see cref="ClassProfile"/>); a tag may have none.</param>
    public static long[] FromComponents(ReadOnlySpan<float> maps, float[] tags, IReadOnlyCollection<int> counted, ReadOnlySpan<float> intensity, int width,
        IReadOnlyDictionary<int, ClassProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(profiles);
        var pixels = intensity.Length;
        var target = new long[pixels];
        if (tags.Any(t => t == TagClassificationLoss.Unknown))
        {
            Array.Fill(target, PartialCrossEntropy.Ignore);
            return target;
        }
        var present = Enumerable.Range(0, tags.Length).Where(t => tags[t] == 1).ToList();
        if (present.Count == 0)
        {
            return target;
        }
        var trusted = counted.Where(present.Contains).ToList();
        var strongest = new double[pixels];
        foreach (var t in trusted)
        {
            var map = maps.Slice(t * pixels, pixels);
            var peak = ActivationPeak.Of(map);
            for (var v = 0; v < pixels; v++)
            {
                strongest[v] = Math.Max(strongest[v], peak > 0 ? Math.Max(0, map[v]) / peak : 0);
            }
        }
        for (var v = 0; v < pixels; v++)
        {
            target[v] = trusted.Count > 0 && strongest[v] < Background ? MarginalCrossEntropy.Background : PartialCrossEntropy.Ignore;
        }
        var unprofiled = present.Where(t => !profiles.ContainsKey(t)).ToList();
        var found = new HashSet<int>();
        foreach (var piece in ActivationComponents.Find(maps, trusted, intensity, width, Lit, Edge, MinimumPixels))
        {
            var matches = present.Where(t => profiles.TryGetValue(t, out var p) && p.IntensityScore(piece) <= MatchLimit)
                .OrderBy(t => profiles[t].Distance(piece)).ToList();
            int? owner = matches.Count > 0 ? matches[0] : unprofiled.Count == 1 ? unprofiled[0] : null;
            if (owner is not { } tag)
            {
                continue;
            }
            found.Add(tag);
            foreach (var v in piece.Pixels)
            {
                target[v] = tag + 1;
            }
        }
        // A present class the maps found nowhere (on the benchmark: the small organ on MR-like images, darker than the body,
        // where the maps light only what is bright): the enclosed intensity region of its profile's size, if one is free.
        foreach (var tag in present.Where(t => !found.Contains(t) && profiles.ContainsKey(t)).ToList())
        {
            var profile = profiles[tag];
            var region = ActivationComponents.Regions(intensity, width, Edge, MinimumPixels)
                .Where(r => r.Pixels.All(v => target[v] < 1) && Math.Abs(r.LogArea - profile.LogArea) / profile.LogAreaSpread <= MatchLimit)
                .MinBy(r => Math.Abs(r.LogArea - profile.LogArea));
            if (region is not null)
            {
                found.Add(tag);
                foreach (var v in region.Pixels)
                {
                    target[v] = tag + 1;
                }
            }
        }
        if (found.Count < present.Count)
        {
            for (var v = 0; v < pixels; v++)
            {
                target[v] = target[v] == MarginalCrossEntropy.Background ? PartialCrossEntropy.Ignore : target[v];
            }
        }
        return target;
    }
}
