using WeakSegPortal.Web.Seeding;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Projects;

public sealed class DemoPortalFactory : PortalFactory
{
    public DemoPortalFactory() => SeedDemo = true;
}

public sealed class DemoSeedTests(DemoPortalFactory factory) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task A_demo_portal_shows_the_demo_project_to_its_project_manager()
    {
        var (user, password, _, _) = DemoAccounts.All.Single(a => a.UserName == "pm");
        using var client = await SignIn.AsAsync(factory, user, password);
        var page = await client.GetStringAsync(new Uri("/projects", UriKind.Relative));
        Assert.Contains("Demo: abdominal CT (synthetic)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_annotator_sees_the_demo_project_as_theirs()
    {
        var (user, password, _, _) = DemoAccounts.All.Single(a => a.UserName == "ann2");
        using var client = await SignIn.AsAsync(factory, user, password);
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("My projects", page, StringComparison.Ordinal);
        Assert.Contains("Demo: abdominal CT (synthetic)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_demo_account_can_sign_in()
    {
        foreach (var (user, password, _, _) in DemoAccounts.All)
        {
            using var client = await SignIn.AsAsync(factory, user, password);
        }
    }
}
