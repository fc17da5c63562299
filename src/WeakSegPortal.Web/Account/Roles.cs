namespace WeakSegPortal.Web.Account;

/// <summary>The portal's roles, as stored on users and in the sign-in cookie.</summary>
public static class Roles
{
    public const string Annotator = "Annotator";
    public const string QaLead = "QaLead";
    public const string ProjectManager = "ProjectManager";
    public const string Admin = "Admin";

    /// <summary>For [Authorize(Roles = ...)] on project-management pages and endpoints.</summary>
    public const string Managers = ProjectManager + "," + Admin;

    /// <summary>For the QA desk: QA leads (their projects only) and managers (every project).</summary>
    public const string Reviewers = QaLead + "," + Managers;

    public static readonly IReadOnlyList<string> All = [Annotator, QaLead, ProjectManager, Admin];

    public static string DisplayName(string role) => role switch
    {
        QaLead => "QA lead",
        ProjectManager => "Project manager",
        _ => role,
    };
}
