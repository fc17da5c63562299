using Marten;

namespace WeakSegPortal.Web.ApiTokens;

/// <summary>Reads of personal API tokens for the account page.</summary>
public static class ApiTokenQueries
{
    /// <summary>The user's tokens, newest first (the page shows name, prefix and dates alone).</summary>
    public static async Task<IReadOnlyList<ApiToken>> OfUserAsync(IQuerySession session, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Query<ApiToken>().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
    }
}
