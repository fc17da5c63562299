using Microsoft.Playwright;
using WeakSegPortal.Web.Seeding;

namespace WeakSegPortal.E2E;

/// <summary>The admin's users page: search, last sign-in, and a password reset that ends the user's sessions.</summary>
public sealed class AdminUsersTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static (string User, string Password) Demo(string user) =>
        DemoAccounts.All.Where(a => a.UserName == user).Select(a => (a.UserName, a.Password)).Single();

    private static ILocator Row(IPage page, string userName) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true }) });

    [Fact]
    public async Task An_admin_finds_a_user_resets_their_password_and_their_open_session_ends()
    {
        // ann3 is signed in elsewhere before the reset.
        await using var annotator = await portal.Browser.NewContextAsync();
        var annPage = await annotator.NewPageAsync();
        var (ann, oldPassword) = Demo("ann3");
        await annPage.SignInAsync(portal.BaseAddress, ann, oldPassword);

        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var missing = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status == 404)
            {
                missing.Add(r.Url);
            }
        };
        var (admin, password) = Demo("admin");
        await page.SignInAsync(portal.BaseAddress, admin, password);
        await page.GotoAsync(new Uri(portal.BaseAddress, "/admin/users").ToString());
        await page.WaitForInteractiveAsync();

        // The favicon is served: no page logs a 404 for it.
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.NotNull(icon);
        var iconResponse = await page.APIRequest.GetAsync(new Uri(portal.BaseAddress, icon).ToString());
        Assert.Equal(200, iconResponse.Status);
        Assert.Empty(missing);

        await Assertions.Expect(Row(page, admin).Locator("[data-testid=last-sign-in]")).Not.ToHaveTextAsync("never");
        await page.GetByLabel("Search users").FillAsync("ann");
        await Assertions.Expect(Row(page, "ann1")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "qa")).ToHaveCountAsync(0);
        await Assertions.Expect(Row(page, admin)).ToHaveCountAsync(0);
        await page.GetByLabel("Search users").FillAsync("ann3");
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header and ann3
        await Assertions.Expect(Row(page, ann).Locator("[data-testid=last-sign-in]")).Not.ToHaveTextAsync("never");

        await Row(page, ann).GetByRole(AriaRole.Button, new() { Name = $"Set a new password for {ann}" }).HoverAsync();
        await Assertions.Expect(page.GetByText("Set a new password", new() { Exact = true })).ToBeVisibleAsync();
        await Row(page, ann).GetByRole(AriaRole.Button, new() { Name = $"Set a new password for {ann}" }).ClickAsync();
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Use at least 8 characters.")).ToBeVisibleAsync();
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a-fresh-password-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"New password set for {ann}")).ToBeVisibleAsync();
        await page.SnapshotAsync("admin-users-reset");

        // ann3's open session has ended; the old password no longer works, the new one does.
        await annPage.ReloadAsync();
        await annPage.ShouldBeAtAsync("/login");
        await annPage.GetByLabel("User name").FillAsync(ann);
        await annPage.GetByLabel("Password").FillAsync(oldPassword);
        await annPage.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(annPage.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        Assert.Contains("/login", annPage.Url, StringComparison.Ordinal);
        await annPage.SignInAsync(portal.BaseAddress, ann, "a-fresh-password-3");
        Assert.DoesNotContain("/login", annPage.Url, StringComparison.Ordinal);

        // The admin's page after a reload: still found by search, sign-in recorded.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Search users").FillAsync("Annotator");
        await Assertions.Expect(Row(page, "ann1")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, ann).Locator("[data-testid=last-sign-in]")).Not.ToHaveTextAsync("never");
        Assert.Empty(missing);
    }
}
