namespace WeakSegPortal.ML.Models;

/// <summary>One saved tensor: its name in the network's state and its shape.</summary>
public sealed record CheckpointTensor(string Name, long[] Shape)
{
    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
