using Google.Protobuf;
using Onnx;
using WeakSegPortal.ML.ProjectModels;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Export;

/// <summary>
/// Writes a U-Net's inference graph as an ONNX model from its weights (TorchSharp has no exporter): Conv →
/// BatchNormalization (running statistics, as in eval mode) → LeakyRelu twice per level, MaxPool between encoder levels,
/// ConvTranspose and Concat in the decoder, a 1×1 Conv on the last level before its last LeakyRelu (as <see cref="UNet"/>) and a Softmax over classes. The tag head, where the network has one,
/// is a second output: a 1×1 convolution of the first level's features (the class activation maps), ReduceMean, Sigmoid. Signature: <see cref="ProjectModelSignature"/>.
/// </summary>
public static class UNetOnnxExport
{
    /// <summary>TorchSharp's BatchNorm2d default, which <see cref="ConvBlock"/> keeps.</summary>
    private const float BatchNormEpsilon = 1e-5f;

    private const int OpsetVersion = 17;

    public static byte[] ToBytes(UNet network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Build(network).ToByteArray();
    }

    public static void Write(UNet network, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllBytes(path, ToBytes(network));
    }

    private static ModelProto Build(UNet network)
    {
        var options = network.Options;
        var weights = Weights(network);
        var graph = new OnnxGraphWriter(weights);
        var skips = new List<string>();
        var x = ProjectModelSignature.Input;
        var last = ""; // the level the class head reads, before its last Relu (as UNet.Run)
        for (var level = 0; level < options.Depth; level++)
        {
            if (level > 0)
            {
                x = graph.Node("MaxPool", [x], $"pool{level}", OnnxGraphWriter.Ints("kernel_shape", 2, 2), OnnxGraphWriter.Ints("strides", 2, 2));
            }
            if (level == options.Depth - 1 && options.Depth == 1)
            {
                last = Block(graph, $"down.{level}", x, rectified: false);
                x = Rectified(graph, last, $"down.{level}.relu2");
            }
            else
            {
                x = Block(graph, $"down.{level}", x, rectified: true);
            }
            skips.Add(x);
        }
        for (var step = 0; step < options.Depth - 1; step++)
        {
            var up = graph.Node("ConvTranspose", [x, graph.Weight($"up.{step}.weight"), graph.Weight($"up.{step}.bias")], $"up{step}",
                OnnxGraphWriter.Ints("kernel_shape", 2, 2), OnnxGraphWriter.Ints("strides", 2, 2));
            var joined = graph.Node("Concat", [up, skips[skips.Count - 2 - step]], $"cat{step}", OnnxGraphWriter.Int("axis", 1));
            var rectified = step < options.Depth - 2;
            x = Block(graph, $"decode.{step}", joined, rectified);
            if (!rectified)
            {
                last = x;
            }
        }
        var logits = graph.Node("Conv", [last, graph.Weight("head.weight"), graph.Weight("head.bias")], "logits", OnnxGraphWriter.Ints("kernel_shape", 1, 1));
        graph.Node("Softmax", [logits], ProjectModelSignature.Probabilities, OnnxGraphWriter.Int("axis", 1));
        graph.Input(ProjectModelSignature.Input, ProjectModelSignature.Batch, options.InputChannels, ProjectModelSignature.Height, ProjectModelSignature.Width);
        graph.Output(ProjectModelSignature.Probabilities, ProjectModelSignature.Batch, options.Classes, ProjectModelSignature.Height, ProjectModelSignature.Width);
        if (options.Tags > 0)
        {
            // The tag head: a 1×1 convolution of the first level's features (the class activation maps), then their spatial mean.
            var maps = graph.Node("Conv", [skips[0], graph.Weight("tags.classifier.weight"), graph.Weight("tags.classifier.bias")], "tag_maps",
                OnnxGraphWriter.Ints("kernel_shape", 1, 1));
            var tagLogits = graph.Node("ReduceMean", [maps], "tag_logits", OnnxGraphWriter.Ints("axes", 2, 3), OnnxGraphWriter.Int("keepdims", 0));
            graph.Node("Sigmoid", [tagLogits], ProjectModelSignature.TagProbabilities);
            graph.Output(ProjectModelSignature.TagProbabilities, ProjectModelSignature.Batch, options.Tags);
        }
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "WeakSegPortal",
            ProducerVersion = "1",
            DocString = $"U-Net: {options.Classes} classes, depth {options.Depth}, {options.BaseChannels} base channels, {options.NeighbourSlices} neighbouring slice(s) each side, {options.Tags} tag(s).",
            Graph = graph.Finish("unet"),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        return model;
    }

    /// <summary>Conv (no bias) → BatchNormalization → LeakyRelu, twice: <see cref="ConvBlock"/>; without the last one where not <paramref name="rectified"/> (<see cref="ConvBlock.Unrectified"/>).</summary>
    private static string Block(OnnxGraphWriter graph, string prefix, string input, bool rectified)
    {
        var x = input;
        for (var n = 1; n <= 2; n++)
        {
            var conv = graph.Node("Conv", [x, graph.Weight($"{prefix}.conv{n}.weight")], $"{prefix}.conv{n}",
                OnnxGraphWriter.Ints("kernel_shape", 3, 3), OnnxGraphWriter.Ints("pads", 1, 1, 1, 1));
            var norm = graph.Node("BatchNormalization",
                [conv, graph.Weight($"{prefix}.norm{n}.weight"), graph.Weight($"{prefix}.norm{n}.bias"),
                    graph.Weight($"{prefix}.norm{n}.running_mean"), graph.Weight($"{prefix}.norm{n}.running_var")],
                $"{prefix}.norm{n}", OnnxGraphWriter.Float("epsilon", BatchNormEpsilon));
            x = n == 2 && !rectified ? norm : Rectified(graph, norm, $"{prefix}.relu{n}");
        }
        return x;
    }

    /// <summary>LeakyRelu with <see cref="ConvBlock.NegativeSlope"/>, as the network's activations.</summary>
    private static string Rectified(OnnxGraphWriter graph, string input, string name) =>
        graph.Node("LeakyRelu", [input], name, OnnxGraphWriter.Float("alpha", (float)ConvBlock.NegativeSlope));

    /// <summary>Every parameter and buffer by its state name, as float32 on the CPU.</summary>
    private static Dictionary<string, (long[] Shape, float[] Values)> Weights(UNet network)
    {
        var weights = new Dictionary<string, (long[], float[])>(StringComparer.Ordinal);
        using var scope = NewDisposeScope();
        foreach (var (name, tensor) in network.state_dict())
        {
            if (tensor.dtype != ScalarType.Float32)
            {
                continue; // num_batches_tracked (int64) is training state only
            }
            weights[name] = (tensor.shape, tensor.detach().cpu().contiguous().data<float>().ToArray());
        }
        return weights;
    }
}
