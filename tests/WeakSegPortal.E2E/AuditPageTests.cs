using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Audit;
using WeakSegPortal.Web.Tests.Infrastructure;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// The admin's audit page: a project manager created a project today and imported labels into it last year, the admin
/// resets a user's password in the browser; on /audit the admin narrows the list by who (only the manager's changes), by
/// what (only password resets, the admin's own among them) and by when (only last year's import, or only today's changes),
/// reloading between filters, and every figure the page shows is the store's for the same filter.
/// </summary>
public sealed class AuditPageTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string ProjectName = "Audited (browser test)";
    private static readonly DateTimeOffset LastYear = new(2025, 3, 14, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastYearsDay = new(2025, 3, 14, 0, 0, 0, TimeSpan.Zero);

    private static ILocator Rows(IPage page) => page.Locator("[data-testid=audit-row]");

    private async Task<AuditPage> StoredAsync(AuditFilter filter)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await AuditQueries.PageAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), filter, isAdmin: true, 1, CancellationToken.None);
    }

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static async Task ApplyAsync(IPage page) => await page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();

    /// <summary>The page's count line and rows equal the store's first page for the same filter.</summary>
    private async Task ShowsStoredAsync(IPage page, AuditFilter filter)
    {
        var stored = await StoredAsync(filter);
        await Assertions.Expect(page.GetByTestId("audit-count")).ToHaveTextAsync($"{stored.Total.ToString("N0", CultureInfo.CurrentCulture)} changes · page 1 of {stored.Pages}");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(stored.Entries.Count);
        // The count and row count may match the previous filter's result too (one row each): wait for the kinds themselves.
        var expected = stored.Entries.Select(e => e.Kind).ToArray();
        var shown = await Rows(page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)");
        for (var tries = 0; tries < 100 && !shown.SequenceEqual(expected); tries++)
        {
            await Task.Delay(200);
            shown = await Rows(page).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)");
        }
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task An_admin_filters_the_audit_by_who_what_and_when_and_sees_the_stored_administrative_changes()
    {
        var pm = await UserIdAsync(portal, "pm");
        var admin = await UserIdAsync(portal, "admin");
        var ann2 = await UserIdAsync(portal, "ann2");
        Guid project;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>()
                .HandleAsync(new CreateProject(TestData.Draft(ProjectName), pm), CancellationToken.None);
            Assert.True(created.Succeeded);
            project = created.Id;
            // Last year's label import (the portal's clock cannot be turned back, so its event is written as it was then).
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            var import = Guid.NewGuid();
            session.Events.StartStream(import, new WeakLabelsImported(import, project, "spring study", 3, 12, 0, [], pm, LastYear));
            await session.SaveChangesAsync();
        }

        await using var context = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = page.CollectErrors();
        var (adminName, password) = Demo("admin");
        await page.SignInAsync(portal.BaseAddress, adminName, password);

        // The admin sets a new password for ann2: an administrative change of the admin's own.
        await page.GotoAsync(new Uri(portal.BaseAddress, "/admin/users").ToString());
        await page.WaitForInteractiveAsync();
        var ann2Row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "ann2", Exact = true }) });
        await ann2Row.GetByRole(AriaRole.Button, new() { Name = "Set a new password for ann2" }).ClickAsync();
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("audited-password-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("New password set for ann2")).ToBeVisibleAsync();

        // Who: only the manager's changes, last year's import and today's project among them.
        await page.GotoAsync(new Uri(portal.BaseAddress, "/audit").ToString());
        await page.WaitForInteractiveAsync();
        await ChooseAsync(page, "audit-who", "Pat Manager (pm)");
        await ApplyAsync(page);
        await ShowsStoredAsync(page, new AuditFilter(By: pm));
        Assert.All(await Rows(page).Locator("td:nth-child(2)").AllInnerTextsAsync(), who => Assert.Equal("Pat Manager (pm)", who));
        // The demo project's creation is the manager's too, so the test's project is one row among the ProjectCreated ones.
        await Assertions.Expect(Rows(page).And(page.Locator("[data-kind=ProjectCreated]")).Filter(new() { HasText = ProjectName })).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).And(page.Locator("[data-kind=WeakLabelsImported]")).Filter(new() { HasText = "spring study" })).ToHaveCountAsync(1);
        await page.SnapshotAsync("audit-by-who");

        // What, after a reload (the filter starts empty again): password resets, the admin's for ann2 on top.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await ChooseAsync(page, "audit-what", "User password reset");
        await ApplyAsync(page);
        await ShowsStoredAsync(page, new AuditFilter(Kind: nameof(UserPasswordReset)));
        var newest = Rows(page).First;
        await Assertions.Expect(newest).ToHaveAttributeAsync("data-kind", nameof(UserPasswordReset));
        await Assertions.Expect(newest.Locator("td:nth-child(2)")).ToHaveTextAsync("Ada Admin (admin)");
        await Assertions.Expect(newest).ToContainTextAsync(ann2.ToString());
        var stored = (await StoredAsync(new AuditFilter(admin, nameof(UserPasswordReset)))).Entries;
        Assert.Equal(ann2.ToString(), Assert.Single(stored).Details.Split(": ")[1]);

        // When, after another reload: the day of last year's import holds that import alone; from today, none of last year's.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("From (UTC)").FillAsync("2025-03-14");
        await page.GetByLabel("To (UTC, inclusive)").FillAsync("2025-03-14");
        await ApplyAsync(page);
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).First).ToHaveAttributeAsync("data-kind", nameof(WeakLabelsImported));
        await Assertions.Expect(Rows(page).First).ToContainTextAsync("2025-03-14 10:00:00");
        await ShowsStoredAsync(page, new AuditFilter(From: LastYearsDay, To: LastYearsDay.AddDays(1)));
        // From today, the admin's: the password reset, nothing of last year's (the admin's filter keeps the portal's own
        // seeding, which may still be writing, out of the comparison).
        var today = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);
        await page.GetByLabel("From (UTC)").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("To (UTC, inclusive)").FillAsync("");
        await ChooseAsync(page, "audit-who", "Ada Admin (admin)");
        await ApplyAsync(page);
        await ShowsStoredAsync(page, new AuditFilter(By: admin, From: today));
        await Assertions.Expect(Rows(page).And(page.Locator("[data-kind=WeakLabelsImported]"))).ToHaveCountAsync(0);
        await Assertions.Expect(Rows(page).And(page.Locator("[data-kind=UserPasswordReset]"))).Not.ToHaveCountAsync(0);
        await page.SnapshotAsync("audit-by-when");
        Assert.Empty(errors);
    }
}
