using Marten;

namespace WeakSegPortal.Core.Projects;

/// <summary>Project names are unique, ignoring case and surrounding spaces.</summary>
internal static class ProjectNames
{
    public static async Task<bool> IsTakenAsync(IQuerySession session, string name, Guid? except, CancellationToken ct)
    {
        var normalized = ProjectSummary.Normalize(name);
        var owner = await session.Query<ProjectSummary>()
            .Where(p => p.NormalizedName == normalized)
            .Select(p => p.Id)
            .FirstOrDefaultAsync(ct);
        return owner != Guid.Empty && owner != except;
    }
}
