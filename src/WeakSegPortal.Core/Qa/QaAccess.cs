using Marten;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Qa;

/// <summary>Whose agreement a person may review: managers every project, QA leads the projects whose team lists them as QA lead.</summary>
public static class QaAccess
{
    public static bool CanReview(ProjectSummary project, Guid userId, bool isManager)
    {
        ArgumentNullException.ThrowIfNull(project);
        return isManager || project.Members.Contains(new ProjectMember(userId, ProjectRole.QaLead));
    }

    public static async Task<IReadOnlyList<ProjectSummary>> ReviewableAsync(IQuerySession session, Guid userId, bool isManager, CancellationToken ct)
    {
        var all = await ProjectQueries.ListAsync(session, ct);
        return [.. all.Where(p => CanReview(p, userId, isManager))];
    }
}
