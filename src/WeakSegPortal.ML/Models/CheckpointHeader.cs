namespace WeakSegPortal.ML.Models;

/// <summary>What a checkpoint says about itself before its weights: the network's shape and every tensor's name and shape.</summary>
public sealed record CheckpointHeader(UNetOptions Network, IReadOnlyList<CheckpointTensor> Tensors);
