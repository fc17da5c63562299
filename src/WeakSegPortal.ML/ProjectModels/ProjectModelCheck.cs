using Microsoft.ML.OnnxRuntime;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Sam;

namespace WeakSegPortal.ML.ProjectModels;

/// <summary>Checks at load that a file is the export the model reference describes (<see cref="ProjectModelSignature"/>), naming every mismatch.</summary>
internal static class ProjectModelCheck
{
    public static void Check(InferenceSession session, ModelRef model)
    {
        var channels = 1 + (2 * model.NeighbourSlices);
        var problems = new List<string?>
        {
            Find(session.InputMetadata, new TensorSpec(ProjectModelSignature.Input, [null, channels, null, null]), "input"),
            Find(session.OutputMetadata, new TensorSpec(ProjectModelSignature.Probabilities, [null, model.Classes, null, null]), "output"),
        };
        var found = problems.OfType<string>().ToList();
        if (found.Count > 0)
        {
            throw new ModelRefusedException(
                $"The file of project model version {model.Version} is not a U-Net export for {model.Classes} classes and {channels} input channel(s): {string.Join("; ", found)}.");
        }
    }

    private static string? Find(IReadOnlyDictionary<string, NodeMetadata> declared, TensorSpec spec, string role) =>
        declared.TryGetValue(spec.Name, out var meta)
            ? spec.Mismatch(meta, role)
            : $"{role} '{spec.Name}' is missing ({role}s: {string.Join(", ", declared.Keys)})";
}
