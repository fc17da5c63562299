using Microsoft.Playwright;
using WeakSegPortal.Web.Seeding;

namespace WeakSegPortal.E2E;

public sealed class ProjectManagementTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static (string User, string Password) Demo(string user) =>
        DemoAccounts.All.Where(a => a.UserName == user).Select(a => (a.UserName, a.Password)).Single();

    [Fact]
    public async Task A_project_manager_signs_in_creates_a_project_and_sees_it_listed()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var (user, password) = Demo("pm");
        await page.SignInAsync(portal.BaseAddress, user, password);

        await page.GotoAsync(new Uri(portal.BaseAddress, "/projects").ToString());
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByText("Demo: abdominal CT (synthetic)")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New project" }).ClickAsync();
        await page.ShouldBeAtAsync("/projects/new$");
        await page.WaitForInteractiveAsync();
        // First try without a name or annotation type: refused beside the fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Give the project a name.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Allow at least one annotation type.")).ToBeVisibleAsync();
        await page.SnapshotAsync("project-form-errors");

        await page.GetByLabel("Project name").FillAsync("Prostate MR (browser test)");
        await page.GetByLabel("Class 1 name").FillAsync("Prostate");
        await page.GetByText("Bounding boxes").ClickAsync();
        await page.GetByText("Scribbles").ClickAsync();
        // Each of these went through the live circuit; be sure they all arrived before saving.
        await Assertions.Expect(page.GetByLabel("Project name")).ToHaveValueAsync("Prostate MR (browser test)");
        await Assertions.Expect(page.GetByLabel("Bounding boxes")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Scribbles")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();

        // The new project opens at its team and import steps; the list shows it too.
        await page.ShouldBeAtAsync(@"/edit\?created=true$", 60_000);
        await Assertions.Expect(page.Locator("[data-testid=next-steps]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Projects", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Prostate MR (browser test)" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.EndsWith("/projects", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(row).ToContainTextAsync("Box, Scribble");
        await page.SnapshotAsync("project-list");
    }

    [Fact]
    public async Task An_annotator_opening_a_project_page_is_refused()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var (user, password) = Demo("ann1");
        await page.SignInAsync(portal.BaseAddress, user, password);
        await page.GotoAsync(new Uri(portal.BaseAddress, "/projects/new").ToString());
        await Assertions.Expect(page.GetByText("Your role does not give access to this page")).ToBeVisibleAsync();
        await page.SnapshotAsync("access-refused");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Projects" })).ToHaveCountAsync(0);
    }
}
