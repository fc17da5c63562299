namespace WeakSegPortal.Core.Items.Sampling;

/// <summary>The least-covered item first, then the earliest registered: items fill up to the overlap in import order.</summary>
public sealed class SequentialSampling : ISamplingStrategy
{
    public string Name => SamplingStrategies.Sequential;

    public string Description => "Sequential: the least-covered item first, in import order";

    public Task<ItemView> PickAsync(SamplingContext context, IReadOnlyList<ItemView> available, CancellationToken ct) =>
        Task.FromResult(InOrder(available).First());

    /// <summary>The sequential order, which the other strategies also use to break ties.</summary>
    public static IOrderedEnumerable<ItemView> InOrder(IEnumerable<ItemView> items) =>
        items.OrderBy(QueueRules.Coverage).ThenBy(i => i.RegisteredAt).ThenBy(i => i.Id);
}
