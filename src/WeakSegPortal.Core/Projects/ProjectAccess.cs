namespace WeakSegPortal.Core.Projects;

/// <summary>Who may see a project's items: its team, and managers (who see every project).</summary>
public static class ProjectAccess
{
    public static bool CanSee(ProjectSummary project, Guid userId, bool isManager)
    {
        ArgumentNullException.ThrowIfNull(project);
        return isManager || project.Members.Exists(m => m.UserId == userId);
    }

    public static bool CanAnnotate(ProjectSummary project, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Members.Contains(new ProjectMember(userId, ProjectRole.Annotator));
    }
}
