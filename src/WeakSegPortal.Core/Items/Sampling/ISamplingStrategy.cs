namespace WeakSegPortal.Core.Items.Sampling;

/// <summary>A sampling strategy (MONAI Label's "which item next"): from the items the queue may still hand an annotator, the one to hand.</summary>
public interface ISamplingStrategy
{
    /// <summary>The name a project stores (<see cref="SamplingStrategies"/>).</summary>
    string Name { get; }

    /// <summary>What it does, in the project form's words.</summary>
    string Description { get; }

    /// <param name="available">Items the annotator may get as regular items (<see cref="QueueRules.IsAvailableTo"/>), never empty.</param>
    Task<ItemView> PickAsync(SamplingContext context, IReadOnlyList<ItemView> available, CancellationToken ct);
}
