using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Seeding;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.E2E;

public sealed class QaDeskTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static (string User, string Password) Demo(string user) =>
        DemoAccounts.All.Where(a => a.UserName == user).Select(a => (a.UserName, a.Password)).Single();

    /// <summary>An item of the demo project labelled by the three demo annotators (through the hub's own handler), with its agreement computed.</summary>
    private async Task<Guid> LabelledItemAsync(string name)
    {
        Guid project;
        Dictionary<string, Guid> users;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            project = (await session.Query<ProjectSummary>().SingleAsync(p => p.Name == "Demo: abdominal CT (synthetic)")).Id;
            users = (await session.Query<UserAccount>().ToListAsync()).ToDictionary(u => u.UserName, u => u.Id);
        }
        var item = await TestData.ItemAsync(portal.Services, project, name, nx: 64, ny: 48, nz: 4);
        // Assign straight on the item's stream: the demo project's own items come first in the queue.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            foreach (var user in new[] { "ann1", "ann2", "ann3" })
            {
                session.Events.Append(item, new ItemAssigned(item, users[user], DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
        }
        var boxes = new Dictionary<string, BoxShape> { ["ann1"] = new(10, 10, 30, 30), ["ann2"] = new(12, 10, 31, 30), ["ann3"] = new(40, 20, 60, 40) };
        foreach (var (user, box) in boxes)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var ack = await scope.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>()
                .HandleAsync(new AnnotationCommand(Guid.NewGuid(), item, "box", 1, 2, Box: box, ActiveMs: 3000), users[user], CancellationToken.None);
            Assert.True(ack.Accepted, ack.Reason);
        }
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await using var scope = portal.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ItemAgreementSummary>(item) is { AnnotatorCount: 3 })
            {
                return item;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The agreement summary did not appear within 15 s.");
        return item;
    }

    [Fact]
    public async Task A_QA_lead_opens_the_lowest_agreement_item_and_accepts_one_annotators_labels()
    {
        var item = await LabelledItemAsync("E2E disputed liver");
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var (user, password) = Demo("qa");
        await page.SignInAsync(portal.BaseAddress, user, password);

        await page.GotoAsync(new Uri(portal.BaseAddress, "/qa").ToString());
        await page.WaitForInteractiveAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "E2E disputed liver" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Ari Annotator");
        await page.SnapshotAsync("qa-items");

        await row.GetByRole(AriaRole.Link, new() { Name = "E2E disputed liver" }).ClickAsync();
        await page.WaitForURLAsync($"**/qa/items/{item}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=qa-overlay] rect[data-kind=box]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("img[data-layer=heat]")).ToHaveCountAsync(1);
        await page.GetByLabel("Disagreement heat map").ClickAsync();
        await Assertions.Expect(page.Locator("img[data-layer=heat]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("qa-status")).ToHaveTextAsync("open");

        // Take Ari's labels as the answer.
        await page.GetByTestId("adjudication-base").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Labels of Ari Annotator" }).ClickAsync();
        // The strike list follows the base: Ari drew one box.
        await Assertions.Expect(page.GetByTestId("adjudication-annotations").GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Accepted.")).ToBeVisibleAsync();
        // The daemon recomputes the summary and the page hears about it without a reload.
        await Assertions.Expect(page.GetByTestId("qa-status")).ToHaveTextAsync("adjudicated", new() { Timeout = 15_000 });
        await page.SnapshotAsync("qa-item-adjudicated");

        await page.GetByRole(AriaRole.Link, new() { Name = "Annotator scorecards" }).ClickAsync();
        await page.WaitForURLAsync("**/qa/annotators");
        var scorecards = page.GetByTestId("scorecards");
        await Assertions.Expect(scorecards.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cy Annotator" })).ToContainTextAsync("box 3.0 (1)");
        await Assertions.Expect(page.Locator(".mud-chart svg").First).ToBeVisibleAsync();
        await page.SnapshotAsync("qa-scorecards");

        await using var scope = portal.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(item);
        var decision = Assert.Single(events.Select(e => e.Data).OfType<ItemAdjudicated>());
        Assert.Equal(AdjudicationBasis.Annotator, decision.Basis);
        Assert.Equal("Ari Annotator", (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<UserAccount>(decision.ChosenAnnotatorId!.Value))!.DisplayName);
    }
}
