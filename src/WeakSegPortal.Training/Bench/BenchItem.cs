using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Training.Bench;

/// <summary>One item of a benchmark: its image (scaled to [0, 1]), its exact truth, and what the simulated crowd gave it.</summary>
/// <param name="Grid">Size and spacing (mm); x fastest, then y, then slice.</param>
/// <param name="Truth">Class id per voxel (0 background).</param>
public sealed record BenchItem(string Name, string Modality, Grid Grid, float[] Image, byte[] Truth, IReadOnlyList<AnnotatorWeakLabels> Annotators);
