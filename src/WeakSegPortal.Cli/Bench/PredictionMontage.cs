using System.Globalization;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Training.Bench;

namespace WeakSegPortal.Cli.Bench;

/// <summary>
/// `weakseg bench --dump DIR`: per case, one PNG with a row per item (held-out first; first slice) of image, truth,
/// prediction and the difference (grey: right, white: predicted but not true, dark: true but missed), 4× enlarged, and a
/// text file of each item's true and predicted area and Dice per class, so that one sees whether masks are too big,
/// too small or ragged. A pseudo-mask's unlabelled pixels are mid-grey in the prediction panel and near-black in the difference.
/// </summary>
internal static class PredictionMontage
{
    private const int Scale = 4;
    private const int Gap = 2;

    public static void Write(string folder, string caseKey, int classes, IReadOnlyList<BenchPrediction> predictions)
    {
        Directory.CreateDirectory(folder);
        var first = predictions[0].Item.Grid;
        var (w, h) = (first.Nx, first.Ny);
        var panelW = w * Scale + Gap;
        var width = 4 * panelW;
        var height = predictions.Count * (h * Scale + Gap);
        var grey = new byte[width * height];
        var lines = new List<string> { "item\theld out\tclass\ttrue px\tpredicted px\tDice" };
        for (var row = 0; row < predictions.Count; row++)
        {
            var (item, predicted, heldOut) = (predictions[row].Item, predictions[row].Classes, predictions[row].HeldOut);
            if (item.Grid.Nx != w || item.Grid.Ny != h)
            {
                continue;
            }
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var v = y * w + x;
                    var (t, p) = (item.Truth[v], predicted[v]);
                    var panels = new[]
                    {
                        (byte)Math.Clamp(item.Image[v] * 255, 0, 255),
                        (byte)(t * 255 / (classes - 1)),
                        p == BenchPrediction.Unlabelled ? (byte)90 : (byte)(p * 255 / (classes - 1)),
                        p == BenchPrediction.Unlabelled ? (byte)30 : t == p ? (byte)(t == 0 ? 0 : 128) : p != 0 && t == 0 ? (byte)255 : (byte)60,
                    };
                    for (var panel = 0; panel < 4; panel++)
                    {
                        for (var sy = 0; sy < Scale; sy++)
                        {
                            var offset = (row * (h * Scale + Gap) + y * Scale + sy) * width + panel * panelW + x * Scale;
                            Array.Fill(grey, panels[panel], offset, Scale);
                        }
                    }
                }
            }
            for (var c = 1; c < classes; c++)
            {
                int truth = 0, mine = 0, both = 0;
                for (var v = 0; v < w * h; v++)
                {
                    truth += item.Truth[v] == c ? 1 : 0;
                    mine += predicted[v] == c ? 1 : 0;
                    both += item.Truth[v] == c && predicted[v] == c ? 1 : 0;
                }
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{item.Name}\t{(heldOut ? "yes" : "no")}\t{c}\t{truth}\t{mine}\t{(truth + mine == 0 ? 1 : 2.0 * both / (truth + mine)):F3}"));
            }
        }
        File.WriteAllBytes(Path.Combine(folder, caseKey + ".png"), PngSliceEncoder.Encode(grey, width, height));
        File.WriteAllLines(Path.Combine(folder, caseKey + ".tsv"), lines);
    }
}
