using System.Net;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Account;

public sealed class RoleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/projects")]
    [InlineData("/projects/new")]
    [InlineData("/admin/users")]
    public async Task An_annotator_is_refused_management_pages(string page)
    {
        await EnsureUserAsync("ann-role", Roles.Annotator);
        using var client = await SignIn.AsAsync(factory, "ann-role", "password-1");
        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_manager_may_manage_projects_but_not_users()
    {
        await EnsureUserAsync("pm-role", Roles.ProjectManager);
        using var client = await SignIn.AsAsync(factory, "pm-role", "password-1");
        using var projects = await client.GetAsync(new Uri("/projects/new", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
        using var users = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.StartsWith("/access-denied", users.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_may_open_the_user_page()
    {
        await EnsureUserAsync("admin-role", Roles.Admin);
        using var client = await SignIn.AsAsync(factory, "admin-role", "password-1");
        var page = await client.GetStringAsync(new Uri("/admin/users", UriKind.Relative));
        Assert.Contains("New user", page, StringComparison.Ordinal);
    }

    private Task<Guid> EnsureUserAsync(string userName, string role) => factory.EnsureUserAsync(userName, "password-1", role);
}
