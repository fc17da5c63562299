using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>What the annotator is told about saving and about their queue, in Debian's chromium against the real portal.</summary>
public sealed class AnnotatorStatusTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private async Task<QueueProgress> ProgressAsync(string user)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var project = await session.Query<ProjectSummary>().SingleAsync(p => p.Name == DemoProject);
        return (await QueueProgressQuery.ForAsync(session, project.Id, await UserIdAsync(portal, user), CancellationToken.None))!;
    }

    [Fact]
    public async Task Offline_the_one_indicator_says_how_many_labels_wait_and_submit_says_why_it_waits_then_all_is_saved_once()
    {
        var (context, page) = await OpenWorkspaceAsync(portal, "ann2");
        await using var _ = context;
        var item = await ItemIdAsync(page);
        var status = page.GetByTestId("save-status");
        var wait = page.GetByTestId("finish-wait");
        await WaitForSavedAsync(page);
        // One indicator on the page: the workspace's, which keeps working while the page's circuit is down.
        await Assertions.Expect(status).ToHaveCountAsync(1);
        await Assertions.Expect(status).ToHaveTextAsync("saved");
        await Assertions.Expect(wait).ToBeHiddenAsync();

        await context.SetOfflineAsync(true);
        await page.WaitForFunctionAsync("() => window.__weakseg.outbox().online === false", null, new() { Timeout = 45_000 });
        await DrawBoxScribbleAndPointAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.outbox().pending === 3");
        await Assertions.Expect(status).ToHaveTextAsync("offline, 3 waiting");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "offline");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit item" }).ClickAsync();
        await Assertions.Expect(wait).ToBeVisibleAsync();
        await Assertions.Expect(wait).ToHaveTextAsync("You are offline — check your connection. 3 labels are kept in this browser and sent when it is back; then submit again.");
        await page.SnapshotAsync("workspace-offline-submit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip item" }).ClickAsync();
        await Assertions.Expect(wait).ToContainTextAsync("then skip again.");
        Assert.Equal(item, await ItemIdAsync(page));
        Assert.Empty(await StoredEventsAsync(portal, item, "ann2"));

        await context.SetOfflineAsync(false);
        await page.WaitForFunctionAsync("() => window.__weakseg && window.__weakseg.outbox().text === 'saved'", null, new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("saved");
        // The explanation goes with the wait; "check your connection" is nowhere once the line is up.
        await Assertions.Expect(page.GetByTestId("finish-wait")).ToBeHiddenAsync();
        Assert.DoesNotContain("check your connection", await page.InnerTextAsync("body"), StringComparison.OrdinalIgnoreCase);

        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 3");
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("saved");
        var at = await ViewportAsync(page);
        await page.GetByTestId("tool-point").ClickAsync();
        await ClickAsync(page, at, 0.3, 0.3);
        await WaitForSavedAsync(page);
        var stored = await StoredEventsAsync(portal, item, "ann2");
        Assert.Equal(4, stored.Count);
        Assert.Equal(4, stored.Select(e => ((dynamic)e).CommandId).Distinct().Count());
        Assert.Equal(2, stored.OfType<PointPlaced>().Count());

        // Saved and online, Submit goes through.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit item" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => window.__weakseg && window.__weakseg.itemId !== '{item}'", null, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task The_annotator_sees_their_place_in_the_queue_on_the_home_page_and_in_the_workspace()
    {
        var before = await ProgressAsync("ann3");
        var context = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await using var _ = context;
        var page = await context.NewPageAsync();
        var (name, password) = Demo("ann3");
        await page.SignInAsync(portal.BaseAddress, name, password);
        await page.WaitForInteractiveAsync();
        var card = page.GetByTestId("my-project").Filter(new() { HasText = DemoProject });
        await Assertions.Expect(card.GetByTestId("queue-progress")).ToHaveTextAsync($"{before.Left} of {before.Total} left");
        Assert.True(before.Total > 1, $"the demo project holds {before.Total} items for ann3");

        await card.GetByRole(AriaRole.Link, new() { Name = $"Start annotating {DemoProject}" }).ClickAsync();
        await WaitForWorkspaceAsync(page);
        var first = await ProgressAsync("ann3");
        await Assertions.Expect(page.GetByTestId("queue-progress")).ToHaveTextAsync($"Item {first.Position} of {first.Total} · {first.Left} left");
        Assert.Equal(before.Done + 1, first.Position);
        await page.SnapshotAsync("workspace-progress");

        var item = await ItemIdAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit item" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => window.__weakseg && window.__weakseg.itemId !== '{item}'", null, new() { Timeout = 30_000 });
        await WaitForWorkspaceAsync(page);
        var second = await ProgressAsync("ann3");
        Assert.Equal(first.Position + 1, second.Position);
        await Assertions.Expect(page.GetByTestId("queue-progress")).ToHaveTextAsync($"Item {second.Position} of {second.Total} · {second.Left} left");

        await page.GotoAsync(portal.BaseAddress.ToString());
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("my-project").Filter(new() { HasText = DemoProject }).GetByTestId("queue-progress"))
            .ToHaveTextAsync($"{second.Left} of {second.Total} left");
    }
}
