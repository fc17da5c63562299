using Microsoft.Playwright;

namespace WeakSegPortal.E2E;

/// <summary>Steps every browser test takes: sign in through the form, wait for the live circuit.</summary>
public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, Uri baseAddress, string userName, string password)
    {
        await page.GotoAsync(new Uri(baseAddress, "/login").ToString());
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ShouldBeAtAsync("^(?!.*/login)");
    }

    /// <summary>
    /// Waits until the page's address matches <paramref name="pattern"/> (a regular expression over the whole URL).
    /// Polls the address rather than waiting for a navigation event: Blazor moves between pages with
    /// history.pushState, and an event-based wait (WaitForURL) once missed such a move on a loaded CI machine.
    /// </summary>
    public static Task ShouldBeAtAsync(this IPage page, string pattern, float timeoutMs = 30_000) =>
        Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(pattern), new() { Timeout = timeoutMs });

    /// <summary>Clicks before the Blazor circuit is up are lost; wait until the page is interactive.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#interactive-marker[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>The page's uncaught errors from now on, for a test to assert there were none.</summary>
    public static List<string> CollectErrors(this IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        return errors;
    }

    /// <summary>Saves a screenshot when WEAKSEG_SCREENSHOTS names a folder, so a person can look at the pages.</summary>
    public static async Task SnapshotAsync(this IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("WEAKSEG_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
