using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Worker;

/// <summary>The network in inference mode on a few inputs at once: class probabilities per pixel, on whatever device it lives on, copied back to the CPU.</summary>
public static class NetworkPredictions
{
    private const int Batch = 8;

    /// <summary>Per input, the probabilities [classes · side · side] (class-major, x fastest).</summary>
    public static IEnumerable<float[]> Probabilities(UNet network, IReadOnlyList<float[]> inputs, int side, Device device)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(inputs);
        var channels = network.Options.InputChannels;
        var classes = network.Options.Classes;
        var size = classes * side * side;
        for (var start = 0; start < inputs.Count; start += Batch)
        {
            var chunk = inputs.Skip(start).Take(Batch).ToList();
            float[] all;
            using (NewDisposeScope())
            using (no_grad())
            {
                network.eval();
                var input = tensor(chunk.SelectMany(i => i).ToArray(), [chunk.Count, channels, side, side]).to(device);
                all = network.forward(input).softmax(1).cpu().data<float>().ToArray();
            }

            for (var n = 0; n < chunk.Count; n++)
            {
                yield return all.AsSpan(n * size, size).ToArray();
            }
        }
    }

    /// <summary>The most likely class per pixel of [classes · pixels] probabilities.</summary>
    public static byte[] Classes(float[] probabilities, int classes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var pixels = probabilities.Length / classes;
        var result = new byte[pixels];
        for (var v = 0; v < pixels; v++)
        {
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (probabilities[(c * pixels) + v] > probabilities[(best * pixels) + v])
                {
                    best = c;
                }
            }

            result[v] = (byte)best;
        }

        return result;
    }
}
