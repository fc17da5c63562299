using Microsoft.ML.OnnxRuntime;

namespace WeakSegPortal.ML.Sam;

/// <summary>
/// The encoder and decoder signatures a family's ONNX pair must have (names and shapes from the common SAM exports,
/// WEAK-SUPERVISION.md), checked when the files are loaded so that a wrong file fails at start with every mismatch named.
/// </summary>
internal static class SamModelSignature
{
    public const string EmbeddingsName = "image_embeddings";

    public static IReadOnlyList<TensorSpec> DecoderInputs(SamFamilyProfile profile) =>
    [
        new(EmbeddingsName, [1, SamFamilyProfile.EmbeddingChannels, profile.EmbeddingSize, profile.EmbeddingSize]),
        new("point_coords", [1, null, 2]),
        new("point_labels", [1, null]),
        new("mask_input", [1, 1, profile.MaskInputSize, profile.MaskInputSize]),
        new("has_mask_input", [1]),
        new("orig_im_size", [2]),
    ];

    public static IReadOnlyList<TensorSpec> DecoderOutputs { get; } =
    [
        new("masks", [1, null, null, null]),
        new("iou_predictions", [1, null]),
        new("low_res_masks", [1, null, null, null]),
    ];

    /// <summary>The encoder's one input [1,3,S,S]; its output is image_embeddings (or its only output) [1,256,E,E].</summary>
    public static (string Input, string Output) CheckEncoder(InferenceSession session, SamFamilyProfile profile, string file)
    {
        var problems = new List<string?>();
        if (session.InputMetadata.Count != 1)
        {
            problems.Add($"it has {session.InputMetadata.Count} inputs, expected one image [1,3,{profile.InputSize},{profile.InputSize}]");
        }

        var (inputName, inputMeta) = session.InputMetadata.First();
        problems.Add(new TensorSpec(inputName, [1, 3, profile.InputSize, profile.InputSize]).Mismatch(inputMeta, "input"));
        var output = session.OutputMetadata.ContainsKey(EmbeddingsName) ? EmbeddingsName
            : session.OutputMetadata.Count == 1 ? session.OutputMetadata.Keys.First() : null;
        if (output is null)
        {
            problems.Add($"no output named '{EmbeddingsName}' (outputs: {string.Join(", ", session.OutputMetadata.Keys)})");
        }
        else
        {
            var spec = new TensorSpec(output, [1, SamFamilyProfile.EmbeddingChannels, profile.EmbeddingSize, profile.EmbeddingSize]);
            problems.Add(spec.Mismatch(session.OutputMetadata[output], "output"));
        }

        Refuse(problems, file, "encoder", profile);
        return (inputName, output!);
    }

    public static void CheckDecoder(InferenceSession session, SamFamilyProfile profile, string file)
    {
        var problems = new List<string?>();
        foreach (var spec in DecoderInputs(profile))
        {
            problems.Add(session.InputMetadata.TryGetValue(spec.Name, out var meta) ? spec.Mismatch(meta, "input") : $"input '{spec.Name}' is missing");
        }

        foreach (var spec in DecoderOutputs)
        {
            problems.Add(session.OutputMetadata.TryGetValue(spec.Name, out var meta) ? spec.Mismatch(meta, "output") : $"output '{spec.Name}' is missing");
        }

        Refuse(problems, file, "decoder", profile);
    }

    private static void Refuse(IEnumerable<string?> problems, string file, string role, SamFamilyProfile profile)
    {
        var found = problems.OfType<string>().ToList();
        if (found.Count > 0)
        {
            throw new ModelRefusedException($"{Path.GetFileName(file)} is not a {profile.Family} {role}: {string.Join("; ", found)}.");
        }
    }
}
