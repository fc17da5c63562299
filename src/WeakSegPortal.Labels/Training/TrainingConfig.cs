namespace WeakSegPortal.Core.Training;

/// <summary>
/// How a project's model is trained (docs/training-protocol.md): the U-Net's shape, the schedule, and the image side that
/// slices are resampled to. Defaults fit a small CPU run; a manager may change them when starting a job. It lives beside the
/// label maths so that the store's events (Core) and the worker's wire (ML) share it.
/// </summary>
public sealed record TrainingConfig
{
    public int Depth { get; init; } = 4;
    public int BaseChannels { get; init; } = 16;

    /// <summary>Neighbouring slices each side as extra input channels (2.5D); 0 is 2D.</summary>
    public int NeighbourSlices { get; init; } = 1;

    /// <summary>Slices are resampled to this side (a multiple of 2^(Depth−1)) for training and inference.</summary>
    public int ImageSide { get; init; } = 128;

    public int Epochs { get; init; } = 10;
    public int StepsPerEpoch { get; init; } = 40;
    public int BatchSize { get; init; } = 8;
    /// <summary>
    /// Adam's peak rate; every job decays it (poly, the benchmark's schedule). 1e-2: the benchmark's network at this
    /// shape (depth 4, 16 channels; 48 px, 400 steps, seed 1) scored full masks 0.997, scribbles 0.986, points 0.976 from
    /// 1e-2 against 0.982, 0.974, 0.896 from 1e-3 (README, run J).
    /// </summary>
    public double LearningRate { get; init; } = 1e-2;
    public int Seed { get; init; } = 1;
}
