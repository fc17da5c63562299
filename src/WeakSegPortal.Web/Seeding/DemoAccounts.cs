using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Seeding;

/// <summary>The demo sign-ins created on first start of a demo portal; printed at every start.</summary>
public static class DemoAccounts
{
    public static readonly IReadOnlyList<(string UserName, string Password, string DisplayName, string Role)> All =
    [
        ("admin", "admin-demo-pw", "Ada Admin", Roles.Admin),
        ("pm", "pm-demo-pw", "Pat Manager", Roles.ProjectManager),
        ("qa", "qa-demo-pw", "Quinn QA", Roles.QaLead),
        ("ann1", "ann1-demo-pw", "Ari Annotator", Roles.Annotator),
        ("ann2", "ann2-demo-pw", "Bo Annotator", Roles.Annotator),
        ("ann3", "ann3-demo-pw", "Cy Annotator", Roles.Annotator),
    ];
}
