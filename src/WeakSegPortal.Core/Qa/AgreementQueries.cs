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

    public static async Task<IReadOnlyList<AnnotatorScorecard>> ScorecardsAsync(IQuerySession session, IReadOnlyCollection<Guid> projectIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = projectIds.ToArray();
        return await session.Query<AnnotatorScorecard>().Where(s => s.ProjectId.IsOneOf(ids)).ToListAsync(ct);
    }
}
