using WeakSegPortal.Core.Training;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Worker;

/// <summary>
/// The trained model's uncertainty on every item of the dataset, for "most informative next": the mean per-pixel predictive
/// entropy divided by ln(classes) (0–1), over up to <see cref="SlicesPerItem"/> axial slices spread evenly through the item.
/// </summary>
public static class ItemUncertainties
{
    public const int SlicesPerItem = 8;

    public static async Task<IReadOnlyList<ItemUncertainty>> ScoreAsync(
        UNet network, TrainingDataset dataset, int side, VolumeCache volumes, Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(volumes);
        var scores = new List<ItemUncertainty>();
        var neighbours = network.Options.NeighbourSlices;
        var classes = network.Options.Classes;
        foreach (var item in dataset.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var volume = await volumes.GetAsync(item.VolumeHash, cancellationToken);
            var input = new NetworkInput(volume, item.Modality, side);
            var slices = Enumerable.Range(0, Math.Min(SlicesPerItem, volume.Nz))
                .Select(n => (int)((n + 0.5) * volume.Nz / Math.Min(SlicesPerItem, volume.Nz)))
                .Distinct()
                .Select(k => input.Channels(k, neighbours))
                .ToList();
            var entropy = await Task.Run(() => NetworkPredictions.Probabilities(network, slices, side, device).Average(p => MeanEntropy(p, classes)), cancellationToken);
            scores.Add(new ItemUncertainty(item.ItemId, Math.Clamp(entropy / Math.Log(classes), 0, 1)));
        }

        return scores;
    }

    private static double MeanEntropy(float[] probabilities, int classes)
    {
        var pixels = probabilities.Length / classes;
        double sum = 0;
        for (var v = 0; v < pixels; v++)
        {
            for (var c = 0; c < classes; c++)
            {
                var p = probabilities[(c * pixels) + v];
                sum -= p > 0 ? p * Math.Log(p) : 0;
            }
        }

        return sum / pixels;
    }
}
