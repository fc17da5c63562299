using Marten;

namespace WeakSegPortal.Core.Qa;

/// <summary>Reads of the agreement documents for pages and exports.</summary>
public static class AgreementQueries
{
    /// <summary>A project's item summaries, lowest agreement first.</summary>
    public static async Task<IReadOnlyList<ItemAgreementSummary>> ItemsAsync(IQuerySession session, IReadOnlyCollection<Guid> projectIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = projectIds.ToArray();
        return await session.Query<ItemAgreementSummary>()
            .Where(s => s.ProjectId.IsOneOf(ids))
            .OrderBy(s => s.Score).ThenBy(s => s.ItemName)
            .ToListAsync(ct);
    }

    /// <summary>The project's worst open item other than <paramref name="current"/> (see <see cref="ReviewOrder.NextWorst"/>).</summary>
    public static async Task<ItemAgreementSummary?> NextWorstAsync(IQuerySession session, Guid projectId, Guid current, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var open = await session.Query<ItemAgreementSummary>()
            .Where(s => s.ProjectId == projectId && s.Status == QaStatus.Open && s.Id != current)
            .OrderBy(s => s.Score).ThenBy(s => s.ItemName)
            .Take(50)
            .ToListAsync(ct);
        return ReviewOrder.NextWorst(open, current);
    }

    public static async Task<IReadOnlyList<AnnotatorScorecard>> ScorecardsAsync(IQuerySession session, IReadOnlyCollection<Guid> projectIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = projectIds.ToArray();
        return await session.Query<AnnotatorScorecard>().Where(s => s.ProjectId.IsOneOf(ids)).ToListAsync(ct);
    }
}
