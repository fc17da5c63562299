using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// Hidden repeats in the browser: in a project that repeats half of each annotator's items, an annotator submits two items
/// (reloading between them), then is served the first again as an item like any other, unmarked and under a pseudonym of its
/// own; the box drawn on it is scored against the first pass, and the manager sees that self-agreement on the QA scorecard
/// and the coverage dashboard, where the repeat never counts as an item; after a reload the annotator's third item moves
/// coverage and the self-agreement stays.
/// </summary>
public sealed class HiddenRepeatTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string ProjectName = "Self-consistency (browser test)"; // no "repeat" in it: the workspace shows the name

    /// <summary>A 64 × 64 photograph-like image: a bright disc, different per name (the import refuses an image it already holds).</summary>
    private static WeakSegPortal.Imaging.Volumes.Volume Disc(string name)
    {
        const int n = 64;
        var offset = (short)(name.Sum(c => c) % 30);
        var voxels = new short[n * n];
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var inside = ((i - 32) * (i - 32)) + ((j - 32) * (j - 32)) < 300;
                voxels[i + (n * j)] = (short)((inside ? 200 : 40) + offset + (i % 5));
            }
        }
        var geometry = new WeakSegPortal.Imaging.Volumes.VolumeGeometry(n, n, 1, new(1, 1, 1), new(0, 0, 0), WeakSegPortal.Imaging.Volumes.Direction3.Identity);
        return WeakSegPortal.Imaging.Volumes.Volume.FromInt16(geometry, new WeakSegPortal.Imaging.Volumes.VolumeMetadata { Modality = "CT" }, voxels);
    }

    private async Task<T> ReadAsync<T>(Func<IQuerySession, Task<T>> read)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IQuerySession>());
    }

    private static async Task BoxAndSubmitAsync(IPage page)
    {
        var at = await ViewportAsync(page);
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, at, (0.42, 0.42), (0.5, 0.5), (0.58, 0.58));
        await WaitForSavedAsync(page);
        var item = await ItemIdAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit item" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => !window.__weakseg || window.__weakseg.itemId !== '{item}'", null, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task An_annotator_gets_an_unmarked_repeat_and_their_self_agreement_shows_on_the_scorecard_and_the_dashboard()
    {
        var annotator = await UserIdAsync(portal, "ann1");
        var draft = TestData.Draft(ProjectName, annotatorsPerItem: 1);
        draft.RepeatShare = 0.5;
        var project = await TestData.ProjectAsync(portal.Services, draft, new ProjectMember(annotator, ProjectRole.Annotator));
        foreach (var name in new[] { "repeat-source-a", "repeat-source-b", "repeat-source-c" })
        {
            await TestData.VolumeItemAsync(portal.Services, project, name, Disc(name));
        }

        // The annotator submits a first item, reloads, and submits a second.
        var (context, page) = await OpenWorkspaceAsync(portal, "ann1", ProjectName);
        await using var _ = context;
        var errors = page.CollectErrors();
        var first = await ItemIdAsync(page);
        await BoxAndSubmitAsync(page);
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        var second = await ItemIdAsync(page);
        Assert.NotEqual(first, second);
        await BoxAndSubmitAsync(page);

        // Half of two is one: the first item comes back, an item of its own with its own pseudonym, and nothing marks it.
        await WaitForWorkspaceAsync(page);
        var repeat = await ItemIdAsync(page);
        Assert.Equal(RepeatIds.For(first, annotator), repeat);
        var (firstName, repeatName) = await ReadAsync(async s => ((await s.LoadAsync<ItemView>(first))!.Name, (await s.LoadAsync<ItemView>(repeat))!.Name));
        Assert.NotEqual(firstName, repeatName);
        await Assertions.Expect(page.GetByTestId("item-name").First).ToHaveTextAsync(repeatName);
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("repeat", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(firstName, text, StringComparison.Ordinal);
        await page.SnapshotAsync("hidden-repeat-workspace");
        await BoxAndSubmitAsync(page);

        // The repeat is scored against the first pass (the same box: full agreement) and lands on the scorecard.
        var self = await Eventually.GetAsync(() => ReadAsync(s => s.LoadAsync<SelfAgreement>(repeat)), s => s?.Agreement is not null);
        Assert.Equal((first, annotator), (self!.OriginalItemId, self.AnnotatorId));
        var card = await Eventually.GetAsync(() => ReadAsync(s => s.LoadAsync<AnnotatorScorecard>(ScorecardIds.For(project, annotator))), c => c?.RepeatsCompared == 1);
        var shown = $"{card!.SelfAgreement!.Value.ToString("0.00", CultureInfo.InvariantCulture)} (1)";
        Assert.InRange(self.Agreement!.Value, 0.8, 1.0);

        // The manager sees it on the QA scorecards…
        await using var managerContext = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var manager = await managerContext.NewPageAsync();
        var managerErrors = manager.CollectErrors();
        var (pm, pmPassword) = Demo("pm");
        await manager.SignInAsync(portal.BaseAddress, pm, pmPassword);
        await manager.GotoAsync(new Uri(portal.BaseAddress, "/qa/annotators").ToString());
        await manager.WaitForInteractiveAsync();
        // The page selects its first project after the first render, which can swallow an early click on the select: open it
        // until the list shows.
        var option = manager.GetByRole(AriaRole.Option, new() { Name = ProjectName, Exact = true });
        for (var attempt = 0; attempt < 10 && !await option.IsVisibleAsync(); attempt++)
        {
            await manager.GetByTestId("qa-project-select").Locator(".mud-select-input, .mud-input-slot").First.ClickAsync();
            await manager.WaitForTimeoutAsync(1_000);
        }
        await option.ClickAsync();
        var scorecard = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ari Annotator" }).Locator("[data-testid=self-agreement]");
        await Assertions.Expect(scorecard).ToHaveTextAsync(shown);
        await manager.SnapshotAsync("hidden-repeat-scorecard");

        // …and on the dashboard, where the repeat is no item of its own: two of three items are covered.
        await manager.GotoAsync(new Uri(portal.BaseAddress, $"/projects/{project}/dashboard").ToString());
        await manager.WaitForInteractiveAsync();
        var selfOnDashboard = manager.Locator("[data-testid='annotator-Ari Annotator'] [data-testid=self-agreement]");
        var atTarget = manager.Locator("[data-testid=items-at-target]");
        await Assertions.Expect(selfOnDashboard).ToHaveTextAsync(shown, new() { Timeout = 30_000 });
        await Assertions.Expect(atTarget).ToHaveTextAsync("2 of 3 items");

        // Both reload; the annotator's third item (no second repeat is due: half of three is one) moves the live dashboard.
        await manager.ReloadAsync();
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(selfOnDashboard).ToHaveTextAsync(shown, new() { Timeout = 30_000 });
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        var third = await ItemIdAsync(page);
        Assert.DoesNotContain(third, new[] { first, second, repeat });
        await BoxAndSubmitAsync(page);
        await Assertions.Expect(atTarget).ToHaveTextAsync("3 of 3 items", new() { Timeout = 30_000 });
        await Assertions.Expect(selfOnDashboard).ToHaveTextAsync(shown);
        await manager.SnapshotAsync("hidden-repeat-dashboard");

        var items = await ReadAsync(async s => await s.Query<ItemView>().Where(i => i.ProjectId == project).ToListAsync());
        Assert.Equal(4, items.Count);
        Assert.Equal([repeat], items.Where(i => i.IsRepeat).Select(i => i.Id));
        Assert.All(items, i => Assert.Contains(annotator, i.SubmittedBy));
        Assert.Empty(errors);
        Assert.Empty(managerErrors);
    }
}
