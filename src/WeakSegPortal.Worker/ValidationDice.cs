using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Worker;

/// <summary>
/// How well the network segments the held-out gold slices: per class, Dice over all validation pixels together
/// (2·|P∩T| / (|P| + |T|)), averaged over the classes that occur in the gold masks or the prediction; null without validation slices.
/// </summary>
public static class ValidationDice
{
    public static double? Measure(UNet network, IReadOnlyList<ValidationSlice> slices, int side, Device device)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count == 0)
        {
            return null;
        }

        var classes = network.Options.Classes;
        var (both, predicted, truth) = (new long[classes], new long[classes], new long[classes]);
        var n = 0;
        foreach (var probabilities in NetworkPredictions.Probabilities(network, [.. slices.Select(s => s.Input)], side, device))
        {
            var prediction = NetworkPredictions.Classes(probabilities, classes);
            var gold = slices[n++].Truth;
            for (var v = 0; v < prediction.Length; v++)
            {
                predicted[prediction[v]]++;
                truth[gold[v]]++;
                both[gold[v]] += prediction[v] == gold[v] ? 1 : 0;
            }
        }

        var scores = Enumerable.Range(1, classes - 1)
            .Where(c => predicted[c] + truth[c] > 0)
            .Select(c => 2.0 * both[c] / (predicted[c] + truth[c]))
            .ToList();
        return scores.Count == 0 ? 1 : scores.Average();
    }
}
