using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// Signing out with the page's own button ends the session: the cookie copied before is refused by
/// the API, the workspace asks to sign in again, and after signing in the item comes back with its
/// labels and keeps saving.
/// </summary>
public sealed class SignOutTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string User = "ann1";

    [Fact]
    public async Task Sign_out_ends_the_session_and_after_signing_in_again_the_item_keeps_its_labels_and_saves()
    {
        var (context, page) = await OpenWorkspaceAsync(portal, User);
        await using var _ = context;
        var item = await ItemIdAsync(page);
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, await ViewportAsync(page), (0.3, 0.3), (0.45, 0.45));
        await WaitForSavedAsync(page);
        var copied = (await context.CookiesAsync()).Single(c => c.Name == "weakseg.auth");

        // The workspace is full-screen; sign-out sits in the portal's app bar.
        await page.GotoAsync(new Uri(portal.BaseAddress, "/").ToString());
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.ShouldBeAtAsync("/login");

        // The cookie a thief copied before sign-out opens nothing.
        await using (var thief = await portal.Browser.NewContextAsync())
        {
            await thief.AddCookiesAsync([new Cookie { Name = copied.Name, Value = copied.Value, Domain = copied.Domain, Path = copied.Path }]);
            var response = await thief.APIRequest.GetAsync(new Uri(portal.BaseAddress, $"/api/items/{item}").ToString());
            Assert.Equal(401, response.Status);
        }
        await page.GotoAsync(new Uri(portal.BaseAddress, "/").ToString());
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);

        // Signed in again: the same item, its box, and more work saves.
        var (name, password) = Demo(User);
        await page.SignInAsync(portal.BaseAddress, name, password);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Start annotating {DemoProject}" }).ClickAsync();
        await WaitForWorkspaceAsync(page);
        Assert.Equal(item, await ItemIdAsync(page));
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 1");
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, await ViewportAsync(page), (0.55, 0.55), (0.7, 0.7));
        await WaitForSavedAsync(page);
        Assert.Equal(2, (await StoredEventsAsync(portal, item, User)).OfType<BoxDrawn>().Count());
    }
}
