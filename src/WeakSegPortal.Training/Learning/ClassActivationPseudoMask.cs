using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Learning;

/// <summary>Pixel targets from class activation maps: where a tagged-present class's map is strong, that class; where every present map is weak, background.</summary>
/// <remarks>
/// Each present class's map (<see cref="UNet.TagActivationMaps"/>, at the input's resolution) is rectified and divided by its
/// maximum over the image; a pixel takes the strongest present class where that is at least <see cref="Foreground"/> and no
/// other present class also reaches it (two classes claiming a pixel leave it out: on the benchmark both maps lit both
/// organs, and picking the stronger taught the small organ as the large one), background where every present class is below
/// <see cref="Background"/>, and is left out (ignored) in the band between. A
/// class tagged absent never takes a pixel. An image whose classes are all tagged absent is background throughout; a class
/// whose tag is unknown leaves the image out (it could be anywhere, so no pixel is known to be background).
/// </remarks>
public static class ClassActivationPseudoMask
{
    public const double Foreground = 0.5;
    public const double Background = 0.15;

    /// <param name="growTolerance">Where positive, each present class's pixels then grow into left-out neighbours of similar intensity (<see cref="SeededRegionGrowing"/>, on the example's own slice).</param>
    public static long[] Of(UNet classifier, TrainingExample example, double growTolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(example);
        if (example.Tags.Any(t => t == TagClassificationLoss.Unknown) || example.Tags.All(t => t == 0))
        {
            return FromMaps([], example.Tags, example.Width * example.Height);
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        classifier.eval();
        using var input = tensor(example.Input, [1, example.Channels, example.Height, example.Width]);
        var maps = classifier.TagActivationMaps(input)[0]; // [tags, h, w]
        var pixels = example.Width * example.Height;
        var target = FromMaps(maps.data<float>().ToArray(), example.Tags, pixels);
        if (growTolerance <= 0)
        {
            return target;
        }
        var present = Enumerable.Range(1, example.Tags.Length).Where(c => example.Tags[c - 1] == 1).ToList();
        return SeededRegionGrowing.Grow(target, example.Input.AsSpan(example.Channels / 2 * pixels, pixels), example.Width, present, growTolerance);
    }

    /// <param name="maps">Raw class activation maps, tag after tag, <paramref name="pixels"/> values each (unused when no tag is present or one is unknown).</param>
    /// <param name="tags">Per tag (class t + 1): 1 present, 0 absent, <see cref="TagClassificationLoss.Unknown"/>.</param>
    public static long[] FromMaps(ReadOnlySpan<float> maps, float[] tags, int pixels)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var target = new long[pixels];
        if (tags.Any(t => t == TagClassificationLoss.Unknown))
        {
            Array.Fill(target, PartialCrossEntropy.Ignore);
            return target;
        }
        var present = Enumerable.Range(0, tags.Length).Where(t => tags[t] == 1).ToList();
        if (present.Count == 0)
        {
            Array.Fill(target, MarginalCrossEntropy.Background);
            return target;
        }
        if (maps.Length != tags.Length * pixels)
        {
            throw new ArgumentException($"Expected {tags.Length} maps of {pixels} pixels, got {maps.Length} values.", nameof(maps));
        }
        var peak = new float[tags.Length];
        foreach (var t in present)
        {
            foreach (var value in maps.Slice(t * pixels, pixels))
            {
                peak[t] = Math.Max(peak[t], value);
            }
        }
        for (var v = 0; v < pixels; v++)
        {
            var (best, strongest, claims) = (-1, 0.0, 0);
            foreach (var t in present)
            {
                var normalised = peak[t] > 0 ? Math.Max(0, maps[t * pixels + v]) / (double)peak[t] : 0;
                claims += normalised >= Foreground ? 1 : 0;
                if (normalised > strongest)
                {
                    (best, strongest) = (t, normalised);
                }
            }
            target[v] = claims == 1 ? best + 1 : strongest < Background ? MarginalCrossEntropy.Background : PartialCrossEntropy.Ignore;
        }
        return target;
    }
}
