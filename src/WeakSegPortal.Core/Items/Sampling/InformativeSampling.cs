using Marten;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Core.Items.Sampling;

/// <summary>
/// "Most informative next": the item with the highest promoted-model uncertainty × (1 + annotator disagreement), where
/// disagreement is 1 − the item's agreement score (<see cref="ItemAgreementSummary.Score"/>; 0 with nothing to compare).
/// An item the model never scored (imported after its training) counts as fully uncertain (1). Ties, and every pick while
/// the project has no promoted model, follow <see cref="SequentialSampling"/>.
/// </summary>
public sealed class InformativeSampling : ISamplingStrategy
{
    public string Name => SamplingStrategies.Informative;

    public string Description => "Most informative: the promoted model's uncertainty × (1 + annotator disagreement); sequential until a model is promoted";

    public async Task<ItemView> PickAsync(SamplingContext context, IReadOnlyList<ItemView> available, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var models = await ProjectModelQueries.LoadAsync(context.Session, context.ProjectId, ct);
        if (models.Promoted is not { } promoted)
        {
            return SequentialSampling.InOrder(available).First();
        }
        var uncertainty = promoted.Uncertainties.GroupBy(u => u.ItemId).ToDictionary(g => g.Key, g => g.Last().Uncertainty);
        var ids = available.Select(i => i.Id).ToArray();
        var agreement = (await context.Session.Query<ItemAgreementSummary>()
                .Where(s => s.ProjectId == context.ProjectId && s.Id.IsOneOf(ids))
                .ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.Score);
        return SequentialSampling.InOrder(available)
            .Select((item, order) => (item, order, score: Score(uncertainty.GetValueOrDefault(item.Id, 1), agreement.GetValueOrDefault(item.Id, 1))))
            .OrderByDescending(c => c.score).ThenBy(c => c.order)
            .First().item;
    }

    /// <summary>Uncertainty (0–1) × (1 + disagreement), disagreement = 1 − agreement (both clamped to 0–1).</summary>
    public static double Score(double uncertainty, double agreement) =>
        Math.Clamp(uncertainty, 0, 1) * (1 + (1 - Math.Clamp(agreement, 0, 1)));
}
