using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Seeding;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.E2E;

/// <summary>
/// 3D agreement at the QA desk: two annotators box a structure on several slices of an anisotropic volume and differ on
/// a few; the QA lead sees HD95 and ASSD in mm across slices and steps the viewer through the slices that disagree most,
/// also after a reload.
/// </summary>
public sealed class QaVolumeAgreementTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const int ClassId = 1;
    private static readonly Vec3 Spacing = new(0.8, 0.8, 2.5);

    // Ann and Bea box the same square on slices 2 and 5; Bea's is 2 voxels off on slice 3 and 8 voxels off on slice 4,
    // and only Bea boxed slice 6. Worst first: 6 (only one drew it: ∞), 4 (8 × 0.8 = 6.4 mm), 3 (1.6 mm).
    private static readonly Dictionary<string, (int Slice, BoxShape Box)[]> Boxes = new()
    {
        ["ann1"] = [(2, new(10, 10, 30, 30)), (3, new(10, 10, 30, 30)), (4, new(10, 10, 30, 30)), (5, new(10, 10, 30, 30))],
        ["ann2"] = [(2, new(10, 10, 30, 30)), (3, new(12, 10, 32, 30)), (4, new(18, 10, 38, 30)), (5, new(10, 10, 30, 30)), (6, new(10, 10, 30, 30))],
    };

    private static Volume Phantom()
    {
        var (nx, ny, nz) = (64, 48, 8);
        var voxels = new short[nx * ny * nz];
        for (var v = 0; v < voxels.Length; v++)
        {
            var (i, j) = (v % nx, v / nx % ny);
            voxels[v] = (short)((((i - 20) * (i - 20)) + ((j - 20) * (j - 20)) < 120 ? 180 : 40) + (i % 5));
        }
        var geometry = new VolumeGeometry(nx, ny, nz, Spacing, new(0, 0, 0), Direction3.Identity);
        return Volume.FromInt16(geometry, new VolumeMetadata { Modality = "CT" }, voxels);
    }

    [Fact]
    public async Task A_QA_lead_sees_hd95_and_assd_in_mm_across_slices_and_steps_the_viewer_to_the_worst_slices_also_after_a_reload()
    {
        var (item, users) = await LabelledItemAsync();
        var expected = ExpectedPair(users);
        Assert.True(double.IsFinite(expected.Distances.Hd95Mm) && expected.Distances.Hd95Mm > 0);

        await using var context = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = page.CollectErrors();
        var qa = DemoAccounts.All.Single(a => a.UserName == "qa");
        await page.SignInAsync(portal.BaseAddress, qa.UserName, qa.Password);
        await OpenAsync(page, item);

        var pair = page.GetByTestId("volume-pair");
        await Assertions.Expect(pair).ToHaveCountAsync(1);
        await Assertions.Expect(pair.GetByTestId("volume-hd95")).ToHaveTextAsync(QaFigures.Millimetres(expected.Distances.Hd95Mm));
        await Assertions.Expect(pair.GetByTestId("volume-assd")).ToHaveTextAsync(QaFigures.Millimetres(expected.Distances.AssdMm));
        await Assertions.Expect(pair).ToContainTextAsync(" mm");
        await Assertions.Expect(page.GetByTestId("worst-slice")).ToHaveCountAsync(3);

        // The worst slice first: only Bea boxed slice 6, and the viewer shows it with her box alone.
        await StepAsync(page, "worst-next", 6, shapes: 1);
        await StepAsync(page, "worst-next", 4, shapes: 2);
        await Assertions.Expect(page.GetByTestId("worst-position")).ToHaveTextAsync("2 of 3: slice k=4");
        await page.SnapshotAsync("qa-volume-agreement");

        // A reload starts the walk afresh, on the same ranking.
        await page.ReloadAsync();
        await WaitForViewerAsync(page);
        await StepAsync(page, "worst-next", 6, shapes: 1);
        await StepAsync(page, "worst-next", 4, shapes: 2);
        await StepAsync(page, "worst-next", 3, shapes: 2);
        await Assertions.Expect(page.GetByTestId("worst-next")).ToBeDisabledAsync();
        await StepAsync(page, "worst-previous", 4, shapes: 2);
        // A listed slice can also be picked directly.
        await page.GetByTestId("worst-slice").Filter(new() { HasText = "k=3" }).ClickAsync();
        await ExpectSliceAsync(page, 3, shapes: 2);

        // What the page showed is what is stored: the annotators' boxes, untouched by looking at them.
        foreach (var (user, boxes) in Boxes)
        {
            var stored = (await TestData.AnnotationStreamAsync(portal.Services, item, users[user])).OfType<BoxDrawn>().ToList();
            Assert.Equal(boxes.Select(b => b.Slice).Order(), stored.Select(b => b.Box.Slice).Order());
        }
        Assert.Empty(errors);
    }

    /// <summary>The pair's figures from the library on the same boxes and spacing (the page must show these, in mm).</summary>
    private static PairSurfaceFigures ExpectedPair(Dictionary<string, Guid> users)
    {
        var grid = new Grid(64, 48, 8, Spacing.X, Spacing.Y, Spacing.Z);
        WeakLabels Of(string user) => new() { Boxes = [.. Boxes[user].Select(b => new Box2D(b.Box.X0, b.Box.Y0, b.Box.X1, b.Box.Y1, b.Slice, ClassId))] };
        var figures = VolumeSurfaceAgreement.Compute(grid, [(users["ann1"], Of("ann1")), (users["ann2"], Of("ann2"))], [ClassId]);
        Assert.Equal<int>([6, 4, 3], figures.Slices.Select(s => s.Slice));
        return Assert.Single(figures.Pairs);
    }

    private async Task OpenAsync(IPage page, Guid item)
    {
        await page.GotoAsync(new Uri(portal.BaseAddress, $"/qa/items/{item}").ToString());
        await WaitForViewerAsync(page);
    }

    private static async Task WaitForViewerAsync(IPage page)
    {
        await page.WaitForInteractiveAsync();
        // Opens on the first labelled slice (2), where both boxed.
        await Assertions.Expect(page.GetByTestId("qa-layer")).ToHaveAttributeAsync("data-shapes", "2", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("qa-slice-readout")).ToHaveTextAsync("Slice 3 / 8");
    }

    private static async Task StepAsync(IPage page, string button, int slice, int shapes)
    {
        await page.GetByTestId(button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("worst-position")).ToHaveAttributeAsync("data-slice", slice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ExpectSliceAsync(page, slice, shapes);
    }

    private static async Task ExpectSliceAsync(IPage page, int slice, int shapes)
    {
        var k = slice.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("qa-slice-readout")).ToHaveTextAsync($"Slice {slice + 1} / 8");
        await Assertions.Expect(page.GetByTestId("qa-viewer-host")).ToHaveAttributeAsync("data-slice", k);
        await Assertions.Expect(page.GetByTestId("qa-layer")).ToHaveAttributeAsync("data-shapes", shapes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The item in the demo project, assigned to Ann and Bea, each box sent through the hub's own handler; waits for its agreement summary.</summary>
    private async Task<(Guid Item, Dictionary<string, Guid> Users)> LabelledItemAsync()
    {
        Guid project;
        Dictionary<string, Guid> users;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            project = (await session.Query<ProjectSummary>().SingleAsync(p => p.Name == "Demo: abdominal CT (synthetic)")).Id;
            users = (await session.Query<UserAccount>().ToListAsync()).ToDictionary(u => u.UserName, u => u.Id);
        }
        var item = await TestData.VolumeItemAsync(portal.Services, project, $"E2E 3D agreement {Guid.NewGuid():N}", Phantom());
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            foreach (var user in Boxes.Keys)
            {
                session.Events.Append(item, new ItemAssigned(item, users[user], DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
        }
        foreach (var (user, boxes) in Boxes)
        {
            foreach (var (slice, box) in boxes)
            {
                await using var scope = portal.Services.CreateAsyncScope();
                var ack = await scope.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>()
                    .HandleAsync(new AnnotationCommand(Guid.NewGuid(), item, "box", ClassId, slice, Box: box, ActiveMs: 2000), users[user], CancellationToken.None);
                Assert.True(ack.Accepted, ack.Reason);
            }
        }
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await using var scope = portal.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ItemAgreementSummary>(item) is { AnnotatorCount: 2 })
            {
                return (item, users);
            }
            await Task.Delay(100);
        }
        Assert.Fail("The agreement summary did not appear within 20 s.");
        return default;
    }
}
