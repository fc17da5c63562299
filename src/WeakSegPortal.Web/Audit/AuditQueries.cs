using Marten;

namespace WeakSegPortal.Web.Audit;

/// <summary>
/// Reads the audit. Admins see every entry; project managers the entries about projects (they manage every project),
/// not those about accounts, which are the admins' business.
/// </summary>
public static class AuditQueries
{
    public const int PageSize = 25;

    public static async Task<AuditPage> PageAsync(IQuerySession session, AuditFilter filter, bool isAdmin, int page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(filter);
        IQueryable<AuditEntry> query = session.Query<AuditEntry>();
        if (!isAdmin)
        {
            query = query.Where(e => e.ProjectId != null);
        }
        if (filter.By is { } by)
        {
            query = query.Where(e => e.By == by);
        }
        if (!string.IsNullOrEmpty(filter.Kind))
        {
            query = query.Where(e => e.Kind == filter.Kind);
        }
        if (filter.ProjectId is { } project)
        {
            query = query.Where(e => e.ProjectId == project);
        }
        if (filter.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }
        var total = await query.CountAsync(ct);
        var index = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((index - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new AuditPage(entries, total, index, PageSize);
    }

    /// <summary>The kinds an entry the viewer may see can have, for the "what" filter.</summary>
    public static IReadOnlyList<Type> KindsFor(IEnumerable<Type> administrativeTypes, bool isAdmin) =>
        [.. administrativeTypes.Where(t => isAdmin || typeof(Core.Audit.IProjectScoped).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal)];
}
