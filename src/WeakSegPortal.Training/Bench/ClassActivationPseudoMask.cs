using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Bench;

/// <summary>Pixel targets from class activation maps: where a tagged-present class's map is strong, that class; where every present map is weak, background.</summary>
/// <remarks>
/// Each present class's map is rectified and divided by its maximum over the image; a pixel takes the strongest present class
/// where that is at least <see cref="Foreground"/>, background where every present class is below <see cref="Background"/>,
/// and is left out otherwise. An image whose classes are all tagged absent is background throughout; a class whose tag is
/// unknown leaves the image out (Ignore everywhere) except where it is tagged absent.
/// </remarks>
public static class ClassActivationPseudoMask
{
    public const double Foreground = 0.5;
    public const double Background = 0.15;

    public static long[] Of(UNet classifier, Learning.TrainingExample example)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(example);
        var target = new long[example.Width * example.Height];
        Array.Fill(target, PartialCrossEntropy.Ignore);
        if (example.Tags.Any(t => t == TagClassificationLoss.Unknown))
        {
            return target;
        }
        var present = Enumerable.Range(0, example.Tags.Length).Where(t => example.Tags[t] == 1).ToList();
        if (present.Count == 0)
        {
            Array.Fill(target, MarginalCrossEntropy.Background);
            return target;
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        classifier.eval();
        using var input = tensor(example.Input, [1, example.Channels, example.Height, example.Width]);
        var maps = classifier.TagActivationMaps(input)[0].relu(); // [tags, h, w]
        var normalised = maps / maps.amax([1L, 2L], keepdim: true).clamp_min(1e-6);
        var values = normalised.data<float>().ToArray();
        var size = target.Length;
        for (var v = 0; v < size; v++)
        {
            var (best, strongest) = (-1, 0f);
            foreach (var t in present)
            {
                if (values[t * size + v] > strongest)
                {
                    (best, strongest) = (t, values[t * size + v]);
                }
            }
            target[v] = strongest >= Foreground ? best + 1 : strongest < Background ? MarginalCrossEntropy.Background : PartialCrossEntropy.Ignore;
        }
        return target;
    }
}
