namespace WeakSegPortal.Core.Items.Sampling;

/// <summary>Any item among the least-covered ones, drawn at random, so annotators spread over the set instead of following the import order.</summary>
public sealed class RandomSampling : ISamplingStrategy
{
    public string Name => SamplingStrategies.Random;

    public string Description => "Random: a random item among the least-covered ones";

    public Task<ItemView> PickAsync(SamplingContext context, IReadOnlyList<ItemView> available, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var least = available.Min(QueueRules.Coverage);
        var candidates = SequentialSampling.InOrder(available.Where(i => QueueRules.Coverage(i) == least)).ToList();
        return Task.FromResult(candidates[context.Chance.Index(candidates.Count)]);
    }
}
