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

    /// <summary>
    /// The page's uncaught errors and unhandled rejections from now on (and after reloads), each with its
    /// message and full stack, so a failure says where in the bundle it was thrown.
    /// </summary>
    public static async Task<List<string>> CollectErrorsWithStacksAsync(this IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, e) => { lock (errors) { errors.Add($"pageerror: {e}"); } };
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Text.StartsWith("weakseg-uncaught", StringComparison.Ordinal))
            {
                lock (errors) { errors.Add(m.Text); }
            }
        };
        const string Hook = """
            (() => {
              if (window.__weaksegErrorHook) return;
              window.__weaksegErrorHook = true;
              const text = (e) => e && e.stack ? `${e.name}: ${e.message}\n${e.stack}` : String(e);
              window.addEventListener('error', (e) => console.error(`weakseg-uncaught error ${text(e.error ?? e.message)}`));
              window.addEventListener('unhandledrejection', (e) => console.error(`weakseg-uncaught rejection ${text(e.reason)}`));
            })();
            """;
        await page.AddInitScriptAsync(Hook);
        await page.EvaluateAsync(Hook);
        return errors;
    }

    public static void AssertNoPageErrors(List<string> errors)
    {
        lock (errors)
        {
            Assert.True(errors.Count == 0, $"the page raised {errors.Count} error(s):\n{string.Join("\n---\n", errors)}");
        }
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
