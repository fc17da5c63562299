using System.Diagnostics;
using System.Text.RegularExpressions;
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
    /// <summary>A 64 × 48 × 4 CT volume: a bright disc on soft tissue, different per name (no two items share pixels).</summary>
    private static WeakSegPortal.Imaging.Volumes.Volume Phantom(string name)
    {
        var (nx, ny, nz) = (64, 48, 4);
        var offset = (short)(name.Sum(c => c) % 50);
        var voxels = new short[nx * ny * nz];
        for (var k = 0; k < nz; k++)
        {
            for (var j = 0; j < ny; j++)
            {
                for (var i = 0; i < nx; i++)
                {
                    var inside = ((i - 24) * (i - 24)) + ((j - 24) * (j - 24)) < 150 + (40 * k);
                    voxels[i + (nx * (j + (ny * k)))] = (short)((inside ? 200 : 40) + offset + (i % 7));
                }
            }
        }
        var geometry = new WeakSegPortal.Imaging.Volumes.VolumeGeometry(nx, ny, nz, new(1, 1, 2), new(0, 0, 0), WeakSegPortal.Imaging.Volumes.Direction3.Identity);
        return WeakSegPortal.Imaging.Volumes.Volume.FromInt16(geometry, new WeakSegPortal.Imaging.Volumes.VolumeMetadata { Modality = "CT" }, voxels);
    }

    private Task<Guid> LabelledItemAsync(string name) =>
        LabelledItemAsync(name, new() { ["ann1"] = new(10, 10, 30, 30), ["ann2"] = new(12, 10, 31, 30), ["ann3"] = new(40, 20, 60, 40) });

    /// <summary>As above, each annotator drawing the given box on slice 2.</summary>
    private async Task<string> PseudonymAsync(Guid item)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ItemView>(item))!.Name;
    }

    private async Task<Guid> LabelledItemAsync(string name, Dictionary<string, BoxShape> boxes)
    {
        Guid project;
        Dictionary<string, Guid> users;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            project = (await session.Query<ProjectSummary>().SingleAsync(p => p.Name == "Demo: abdominal CT (synthetic)")).Id;
            users = (await session.Query<UserAccount>().ToListAsync()).ToDictionary(u => u.UserName, u => u.Id);
        }
        var item = await TestData.VolumeItemAsync(portal.Services, project, name, Phantom(name));
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
        // A QA lead sees the item's pseudonym (the project's short name and a number), never its source name.
        var name = await PseudonymAsync(item);
        Assert.DoesNotContain("disputed", name, StringComparison.Ordinal);
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var (user, password) = Demo("qa");
        await page.SignInAsync(portal.BaseAddress, user, password);

        await page.GotoAsync(new Uri(portal.BaseAddress, "/qa").ToString());
        await page.WaitForInteractiveAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Ari Annotator");
        await page.SnapshotAsync("qa-items");

        await Assertions.Expect(page.GetByText("E2E disputed liver")).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.ShouldBeAtAsync($"/qa/items/{item}$");
        await page.WaitForInteractiveAsync();
        var layer = page.GetByTestId("qa-layer");
        await Assertions.Expect(layer).ToHaveAttributeAsync("data-shapes", "3", new() { Timeout = 30_000 });
        await Assertions.Expect(layer).ToHaveAttributeAsync("data-images", new Regex("heat"));
        await page.GetByLabel("Disagreement heat map").ClickAsync();
        await Assertions.Expect(layer).Not.ToHaveAttributeAsync("data-images", new Regex("heat"));
        await Assertions.Expect(page.GetByTestId("qa-status")).ToHaveTextAsync("open");

        // Take Ari's labels as the answer.
        await page.GetByTestId("adjudication-base").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Labels of Ari Annotator" }).ClickAsync();
        // The strike list follows the base: Ari drew one box.
        await Assertions.Expect(page.GetByTestId("adjudication-annotations").GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Accepted.")).ToBeVisibleAsync();
        // The daemon recomputes the summary and the page hears about it without a reload.
        await Assertions.Expect(page.GetByTestId("qa-status")).ToHaveTextAsync("adjudicated", new() { Timeout = 15_000 });
        await page.SnapshotAsync("qa-item-adjudicated");

        await page.GetByRole(AriaRole.Link, new() { Name = "Annotator scorecards" }).ClickAsync();
        await page.ShouldBeAtAsync("/qa/annotators$");
        var scorecards = page.GetByTestId("scorecards");
        await Assertions.Expect(scorecards.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cy Annotator" })).ToContainTextAsync(new Regex(@"box 3\.0 \(\d+\)"));
        await Assertions.Expect(page.Locator(".mud-chart svg").First).ToBeVisibleAsync();
        await page.SnapshotAsync("qa-scorecards");

        await using var scope = portal.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(item);
        var decision = Assert.Single(events.Select(e => e.Data).OfType<ItemAdjudicated>());
        Assert.Equal(AdjudicationBasis.Annotator, decision.Basis);
        Assert.Equal("Ari Annotator", (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<UserAccount>(decision.ChosenAnnotatorId!.Value))!.DisplayName);
    }

    [Fact]
    public async Task The_QA_viewer_scrolls_windows_and_toggles_layers_and_a_confirmed_decision_leads_to_the_next_worst_item()
    {
        // "a-worst": two annotators far from the first; "a-next": one far (the same boxes as the test above, named to sort before it).
        var worst = await LabelledItemAsync("E2E a-worst", new() { ["ann1"] = new(10, 10, 30, 30), ["ann2"] = new(34, 2, 44, 12), ["ann3"] = new(40, 20, 60, 40) });
        var next = await LabelledItemAsync("E2E a-next");
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var (user, password) = Demo("qa");
        await page.SignInAsync(portal.BaseAddress, user, password);
        await page.GotoAsync(new Uri(portal.BaseAddress, $"/qa/items/{worst}").ToString());
        await page.WaitForInteractiveAsync();

        // The workspace's viewer, read-only, on the labelled slice, every annotator's box drawn.
        var layer = page.GetByTestId("qa-layer");
        await Assertions.Expect(layer).ToHaveAttributeAsync("data-shapes", "3", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("qa-slice-readout")).ToHaveTextAsync("Slice 3 / 4");
        await Assertions.Expect(layer).ToHaveAttributeAsync("data-images", "consensus heat");
        await Assertions.Expect(page.GetByTestId("heat-legend")).ToBeVisibleAsync();

        // Layers toggle: hide Cy's labels, then show them again.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Cy Annotator", Exact = true }).ClickAsync();
        await Assertions.Expect(layer).ToHaveAttributeAsync("data-shapes", "2");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Consensus", Exact = true }).ClickAsync();
        await Assertions.Expect(layer).ToHaveAttributeAsync("data-images", "heat");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Cy Annotator", Exact = true }).ClickAsync();
        await Assertions.Expect(layer).ToHaveAttributeAsync("data-shapes", "3");
        await page.SnapshotAsync("qa-viewer");

        // Window/level on right-drag.
        var viewport = page.GetByTestId("qa-viewport");
        var box = (await viewport.BoundingBoxAsync())!;
        var readout = page.GetByTestId("qa-window-readout");
        var before = await readout.TextContentAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync(new() { Button = MouseButton.Right });
        await page.Mouse.MoveAsync(box.X + (box.Width / 2) + 60, box.Y + (box.Height / 2) + 40, new() { Steps = 8 });
        await page.Mouse.UpAsync(new() { Button = MouseButton.Right });
        await Assertions.Expect(readout).Not.ToHaveTextAsync(before!);

        // The wheel changes the slice; the page's consensus follows the slice on screen.
        await page.Mouse.WheelAsync(0, 120);
        await Assertions.Expect(page.GetByTestId("qa-slice-readout")).Not.ToHaveTextAsync("Slice 3 / 4");
        await Assertions.Expect(layer).ToHaveAttributeAsync("data-shapes", "0");
        var shown = await page.GetByTestId("qa-slice-readout").TextContentAsync();
        var k = int.Parse(shown!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) - 1;
        await Assertions.Expect(page.GetByTestId("qa-viewer-host")).ToHaveAttributeAsync("data-slice", k.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // A decision asks first: cancelling stores nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("consensus of everyone");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.Empty(await DecisionsAsync(worst));

        await page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Accepted.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("decided")).ToBeVisibleAsync();
        Assert.Equal(AdjudicationBasis.Consensus, Assert.Single(await DecisionsAsync(worst)).Basis);

        // Next: the worst open item left.
        await page.GetByTestId("next-item").ClickAsync();
        await page.ShouldBeAtAsync($"/qa/items/{next}$");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("qa-layer")).ToHaveAttributeAsync("data-shapes", "3", new() { Timeout = 30_000 });

        // Back on the decided item after a reload: the decision is kept, and the way on still leads to the next item.
        await page.GotoAsync(new Uri(portal.BaseAddress, $"/qa/items/{worst}").ToString());
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("qa-status")).ToHaveTextAsync("adjudicated", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("qa-layer")).ToHaveAttributeAsync("data-shapes", "3", new() { Timeout = 30_000 });
        await page.GetByTestId("next-item").ClickAsync();
        await page.ShouldBeAtAsync($"/qa/items/{next}$");
        Assert.Single(await DecisionsAsync(worst));
        Assert.Empty(await DecisionsAsync(next));
        Assert.Empty(errors);
    }

    private async Task<List<ItemAdjudicated>> DecisionsAsync(Guid item)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(item);
        return [.. events.Select(e => e.Data).OfType<ItemAdjudicated>()];
    }
}
