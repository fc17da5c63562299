using Onnx;
using WeakSegPortal.ML.Sam;
using static WeakSegPortal.Testing.OnnxGraph;

namespace WeakSegPortal.Testing;

/// <summary>
/// Tiny ONNX models with a SAM family's exact encoder and decoder signatures, shared by the ML and Worker tests
/// (this one file is linked into both projects). The encoder averages 16×16 blocks and mixes the three channels into
/// 256 (so the embedding depends on the image). The decoder is built so that tests can see what went in:
/// low_res_masks = mask_input + has_mask_input; masks = low_res_masks resized to orig_im_size, minus 0.5;
/// iou_predictions = the mean of point_labels. With <see cref="Tracking"/> the decoder follows a bright object instead
/// (<see cref="WriteTrackingDecoder"/>), so that propagation can be run through it.
/// </summary>
public sealed class SamTestModels(string folder)
{
    /// <summary>SAM's name for the encoder output and the decoder input, spelt here independently of ML's signature check.</summary>
    public const string EmbeddingsName = "image_embeddings";

    public int? MaskInputSizeOverride { get; init; }

    public int? EmbeddingChannelsOverride { get; init; }

    public string? DropDecoderInput { get; init; }

    /// <summary>Writes the tracking decoder (<see cref="WriteTrackingDecoder"/>) instead of the echoing one.</summary>
    public bool Tracking { get; init; }

    /// <summary>The tracking decoder's logit scale on the embedding's channel 1 (positive on bright pixels: grey above about 108 of 255).</summary>
    public const float TrackingGain = 20;

    /// <summary>How far (low-resolution cells) the tracking decoder lets an object grow from its mask_input.</summary>
    public const int TrackingReach = 4;

    public SamModelOptions Write(SamFamily family, string prefix = "")
    {
        var profile = SamFamilyProfile.For(family);
        var encoder = Path.Combine(folder, $"{prefix}{family}-encoder.onnx");
        var decoder = Path.Combine(folder, $"{prefix}{family}-decoder.onnx");
        WriteEncoder(encoder, profile);
        if (Tracking)
        {
            WriteTrackingDecoder(decoder, profile);
        }
        else
        {
            WriteDecoder(decoder, profile);
        }

        return new SamModelOptions(family, encoder, decoder);
    }

    private void WriteEncoder(string path, SamFamilyProfile profile)
    {
        var channels = EmbeddingChannelsOverride ?? SamFamilyProfile.EmbeddingChannels;
        var weights = Enumerable.Range(0, channels * 3).Select(i => ((i % 7) - 3) / 10f).ToArray();
        Save(path,
            [Tensor("image", 1, 3, profile.InputSize, profile.InputSize)],
            [Tensor(EmbeddingsName, 1, channels, profile.EmbeddingSize, profile.EmbeddingSize)],
            [
                Node("AveragePool", ["image"], ["pooled"], Ints("kernel_shape", 16, 16), Ints("strides", 16, 16)),
                Node("Conv", ["pooled", "mix"], [EmbeddingsName]),
            ],
            [Floats("mix", [channels, 3, 1, 1], weights)]);
    }

    private void WriteDecoder(string path, SamFamilyProfile profile)
    {
        var m = MaskInputSizeOverride ?? profile.MaskInputSize;
        var e = profile.EmbeddingSize;
        var inputs = new List<ValueInfoProto>
        {
            Tensor(EmbeddingsName, 1, 256, e, e),
            Tensor("point_coords", 1, null, 2),
            Tensor("point_labels", 1, null),
            Tensor("mask_input", 1, 1, m, m),
            Tensor("has_mask_input", 1),
            Tensor("orig_im_size", 2),
        };
        inputs.RemoveAll(i => i.Name == DropDecoderInput);
        var labels = DropDecoderInput == "point_labels" ? "point_coords_x" : "point_labels";
        var nodes = new List<NodeProto>
        {
            Node("Add", ["mask_input", "has_mask_input"], ["low_res_masks"]),
            Node("Cast", ["orig_im_size"], ["orig_im_size_i64"], Scalar("to", 7)),
            Node("Concat", ["batch_and_channel", "orig_im_size_i64"], ["mask_sizes"], Scalar("axis", 0)),
            Node("Resize", ["low_res_masks", "", "", "mask_sizes"], ["resized"], Text("mode", "linear")),
            Node("Sub", ["resized", "half"], ["masks"]),
        };
        if (DropDecoderInput == "point_labels")
        {
            nodes.Add(Node("ReduceMean", ["point_coords"], ["point_coords_x"], Ints("axes", 2), Scalar("keepdims", 0)));
        }

        nodes.Add(Node("ReduceMean", [labels], ["iou_predictions"], Ints("axes", 1), Scalar("keepdims", 1)));
        Save(path, inputs,
            [Tensor("masks", 1, 1, null, null), Tensor("iou_predictions", 1, 1), Tensor("low_res_masks", 1, 1, m, m)],
            nodes,
            [Longs("batch_and_channel", [2], [1, 1]), Floats("half", [], [0.5f])]);
    }

    /// <summary>
    /// A decoder that behaves like a propagating SAM in miniature: low_res_masks = min(<see cref="TrackingGain"/> · embedding
    /// channel 1 resized to the mask grid, mask_input dilated by <see cref="TrackingReach"/> cells) + 100 · (has_mask_input − 1),
    /// i.e. the bright pixels near the mask prompt, and nothing at all without one; masks = low_res_masks resized to the
    /// encoder's square frame (the engine crops the padding off, as for SAM's own outputs at that size); iou_predictions =
    /// the mean of point_labels (2.5 for a box alone).
    /// </summary>
    private static void WriteTrackingDecoder(string path, SamFamilyProfile profile)
    {
        var (m, e, s) = (profile.MaskInputSize, profile.EmbeddingSize, profile.InputSize);
        var reach = TrackingReach;
        Save(path,
            [
                Tensor(EmbeddingsName, 1, 256, e, e),
                Tensor("point_coords", 1, null, 2),
                Tensor("point_labels", 1, null),
                Tensor("mask_input", 1, 1, m, m),
                Tensor("has_mask_input", 1),
                Tensor("orig_im_size", 2),
            ],
            [Tensor("masks", 1, 1, s, s), Tensor("iou_predictions", 1, 1), Tensor("low_res_masks", 1, 1, m, m)],
            [
                Node("Slice", [EmbeddingsName, "channel_start", "channel_end", "channel_axis"], ["brightness"]),
                Node("Resize", ["brightness", "", "", "grid_sizes"], ["brightness_grid"], Text("mode", "linear")),
                Node("Mul", ["brightness_grid", "gain"], ["image_logits"]),
                Node("MaxPool", ["mask_input"], ["reach"], Ints("kernel_shape", (2 * reach) + 1, (2 * reach) + 1), Ints("strides", 1, 1), Ints("pads", reach, reach, reach, reach)),
                Node("Min", ["image_logits", "reach"], ["near_and_bright"]),
                Node("Sub", ["has_mask_input", "one"], ["missing"]),
                Node("Mul", ["missing", "hundred"], ["gate"]),
                Node("Add", ["near_and_bright", "gate"], ["low_res_masks"]),
                Node("Resize", ["low_res_masks", "", "", "frame_sizes"], ["masks"], Text("mode", "linear")),
                Node("ReduceMean", ["point_labels"], ["iou_predictions"], Ints("axes", 1), Scalar("keepdims", 1)),
            ],
            [
                Longs("channel_start", [1], [1]), Longs("channel_end", [1], [2]), Longs("channel_axis", [1], [1]),
                Longs("grid_sizes", [4], [1, 1, m, m]), Longs("frame_sizes", [4], [1, 1, s, s]),
                Floats("gain", [], [TrackingGain]), Floats("one", [], [1f]), Floats("hundred", [], [100f]),
            ]);
    }
}
