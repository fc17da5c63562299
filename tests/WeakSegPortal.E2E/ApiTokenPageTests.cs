using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.ApiTokens;
using WeakSegPortal.Web.Tests.Infrastructure;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// A project manager's personal API token, from the page to a script and back: created with an expiry, shown once and
/// listed, used as a Bearer token by an HTTP client to export the demo project (start, poll, download), listed again after a
/// reload, revoked in the page, and then the same call is refused with 401 while a second token still works.
/// </summary>
public sealed class ApiTokenPageTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private async Task<Guid> DemoProjectAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<ProjectSummary>().SingleAsync(p => p.Name == DemoProject)).Id;
    }

    private HttpClient ScriptWith(string token)
    {
        var client = new HttpClient { BaseAddress = portal.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> StartExportAsync(HttpClient script, Guid project) =>
        script.PostAsJsonAsync($"/api/projects/{project}/exports", new { formats = new[] { ExportFormats.WeakLabels } });

    private static async Task<string> CreateTokenAsync(IPage page, string name, int days)
    {
        await page.Locator("#token-name").FillAsync(name);
        await page.GetByTestId("token-days").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{days} days", Exact = true }).ClickAsync();
        // The choice reaches the server over the circuit; the select shows it once the server has it (a loaded CI machine
        // once created the token with the default 30 days, the click on "Create token" having overtaken the choice).
        await Assertions.Expect(page.GetByTestId("token-days").Locator("input")).ToHaveValueAsync(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var shown = page.GetByTestId("new-token");
        await Assertions.Expect(shown).ToContainTextAsync(ApiTokenFormat.Marker);
        return (await shown.InnerTextAsync()).Trim();
    }

    private static ILocator Row(IPage page, string name) => page.Locator($"[data-testid=token-row][data-name='{name}']");

    [Fact]
    public async Task A_token_made_in_the_page_exports_through_the_API_until_it_is_revoked_in_the_page_and_then_gets_401()
    {
        var project = await DemoProjectAsync();
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = page.CollectErrors();
        var (pm, password) = Demo("pm");
        await page.SignInAsync(portal.BaseAddress, pm, password);
        await page.GotoAsync(new Uri(portal.BaseAddress, "/account/tokens").ToString());
        await page.WaitForInteractiveAsync();

        var token = await CreateTokenAsync(page, "nightly export", 7);
        await Assertions.Expect(Row(page, "nightly export")).ToContainTextAsync("active");
        await page.SnapshotAsync("api-token-created");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<ApiToken>().SingleAsync(t => t.Name == "nightly export");
            // Seven days from now, as listed; the token itself is not stored, only a hash of its secret.
            Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
            await Assertions.Expect(Row(page, "nightly export")).ToContainTextAsync(stored.ExpiresAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(stored.SecretHash, token, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(token[^20..], JsonSerializer.Serialize(stored), StringComparison.Ordinal);
        }

        // A script exports with the token: start, wait for the end, download the zip.
        using var script = ScriptWith(token);
        using var started = await StartExportAsync(script, project);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var exportId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var done = await Eventually.GetAsync(async () => (await script.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{project}/exports"))!
                .Single(e => e.GetProperty("id").GetGuid() == exportId).GetProperty("status").GetString(),
            status => status is ExportStatus.Completed or ExportStatus.Failed, TimeSpan.FromSeconds(90));
        Assert.Equal(ExportStatus.Completed, done);
        using var zip = await script.GetAsync($"/api/projects/{project}/exports/{exportId}/download");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var export = await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ProjectExport>(exportId);
            Assert.Equal((await UserIdAsync(portal, "pm"), 1), (export!.RequestedBy, export.Downloads));
        }

        // After a reload the token is listed (no longer shown); a second one is made, and the first revoked in the page.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(Row(page, "nightly export")).ToContainTextAsync("active");
        await Assertions.Expect(page.GetByTestId("new-token")).ToHaveCountAsync(0);
        Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        var other = await CreateTokenAsync(page, "weekly import", 30);
        await Row(page, "nightly export").GetByRole(AriaRole.Button, new() { Name = "Revoke nightly export" }).ClickAsync();
        await Assertions.Expect(Row(page, "nightly export")).ToContainTextAsync("revoked");
        await Assertions.Expect(Row(page, "weekly import")).ToContainTextAsync("active");
        await page.SnapshotAsync("api-token-revoked");

        // The same call with the revoked token: 401, and nothing started; the other token still works.
        using var refused = await StartExportAsync(script, project);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var listed = await ScriptWith(other).GetAsync($"/api/projects/{project}/exports");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Single(await listed.Content.ReadFromJsonAsync<List<JsonElement>>() ?? []);

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(Row(page, "nightly export")).ToContainTextAsync("revoked");
        await Assertions.Expect(Row(page, "nightly export").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var tokens = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<ApiToken>().ToListAsync();
            Assert.NotNull(tokens.Single(t => t.Name == "nightly export").RevokedAt);
            Assert.Null(tokens.Single(t => t.Name == "weekly import").RevokedAt);
        }
        Assert.Empty(errors);
    }
}
