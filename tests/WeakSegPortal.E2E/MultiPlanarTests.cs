using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Web.Tests.Infrastructure;

using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// Issue 15, items 1 and 7: the workspace's coronal and sagittal views on a real multi-slice
/// NIfTI volume with anisotropic voxels. A label drawn in the coronal view is stored as its
/// axial equivalent in voxel index space (the server, the QA desk and the exports read it with no
/// viewer state), shows in the axial view, and comes back after a reload. A box, a brush or eraser
/// stroke, a polygon and an accepted suggestion are stored on their plane (a full mask is the whole
/// answer for its own plane slice only) and traced on the other views. A polygon clicked vertex by vertex
/// there is stored on its plane like a traced one, and two boxes on one plane interpolate (Shift+I) to
/// boxes on that plane with provenance "interpolated".
/// </summary>
public sealed class MultiPlanarTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string ProjectName = "MPR: anisotropic NIfTI";
    private const string User = "ann1";

    /// <summary>A synthetic CT (3.75 × 3.75 × 2.5 mm voxels) written as NIfTI and read back by the import's reader.</summary>
    private static WeakSegPortal.Imaging.Volumes.Volume NiftiVolume()
    {
        var path = Path.Combine(Path.GetTempPath(), $"weakseg-e2e-mpr-{Guid.NewGuid():N}.nii");
        try
        {
            NiftiWriter.Write(new DemoVolumeGenerator(7).CreateCt(96, 16).Image, path);
            return new NiftiVolumeReader().Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<Guid> ProjectWithTheVolumeAsync()
    {
        var annotator = await UserIdAsync(portal, User);
        var project = await TestData.ProjectAsync(portal.Services, TestData.Draft(ProjectName, annotatorsPerItem: 1), new ProjectMember(annotator, ProjectRole.Annotator));
        return await TestData.VolumeItemAsync(portal.Services, project, "nifti-ct-07", NiftiVolume());
    }

    /// <summary>Page coordinates of voxel (i, j, k) in the view of an orientation.</summary>
    private static async Task<(float X, float Y)> VoxelAsync(IPage page, string orientation, double i, double j, double k)
    {
        var box = (await page.GetByTestId(orientation == "axial" ? "viewport" : $"viewport-{orientation}").BoundingBoxAsync())!;
        var canvas = await page.EvaluateAsync<double[]>(
            "([o, i, j, k]) => { const w = window.__weakseg; return w.viewportOf(o).worldToCanvas(w.indexToWorld([i, j, k])); }",
            new object[] { orientation, i, j, k });
        return ((float)(box.X + canvas[0]), (float)(box.Y + canvas[1]));
    }

    private static async Task StrokeAsync(IPage page, string orientation, (double I, double J, double K) from, (double I, double J, double K) to)
    {
        var (x0, y0) = await VoxelAsync(page, orientation, from.I, from.J, from.K);
        var (x1, y1) = await VoxelAsync(page, orientation, to.I, to.J, to.K);
        await page.Mouse.MoveAsync(x0, y0);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x1, y1, new() { Steps = 12 });
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(600);
    }

    private static Task<int[]> MprAsync(IPage page, string member) =>
        page.EvaluateAsync<int[]>($"() => {{ const m = window.__weakseg.mpr(); return '{member}' === 'cross' ? m.cross : [m.slices.axial ?? -1, m.slices.coronal ?? -1, m.slices.sagittal ?? -1]; }}");

    private static async Task LayoutAsync(IPage page, string keys, string layout)
    {
        await page.Keyboard.PressAsync(keys);
        // Settled: the layout's views are made and fitted (asked for is not enough: a loaded machine takes seconds).
        await page.WaitForFunctionAsync($"() => {{ const m = window.__weakseg.mpr(); return m.layout === '{layout}' && m.settled; }}");
    }

    private async Task<IReadOnlyList<ILabelMade>> LiveLabelsAsync(Guid item, string user = User)
    {
        var stored = await StoredEventsAsync(portal, item, user);
        var deleted = stored.OfType<AnnotationDeleted>().Select(d => d.AnnotationId).ToHashSet();
        return [.. stored.OfType<ILabelMade>().Where(l => !deleted.Contains(((dynamic)l).AnnotationId))];
    }

    /// <summary>The voxels (i, j, k) the stored scribbles mark, by the server's own rasteriser.</summary>
    private static HashSet<(int I, int J, int K)> ScribbleVoxels(IEnumerable<ScribbleDrawn> scribbles, int nx, int ny, int nz)
    {
        var grid = new Grid(nx, ny, nz);
        var voxels = new HashSet<(int, int, int)>();
        foreach (var s in scribbles)
        {
            ScribbleRasterizer.Visit(s.Scribble, grid, index => voxels.Add((index % nx, index / nx % ny, index / (nx * ny))));
        }
        return voxels;
    }

    [Fact]
    public async Task A_scribble_and_a_point_drawn_in_the_coronal_view_are_stored_as_their_axial_equivalent_show_in_the_axial_view_and_after_a_reload()
    {
        var item = await ProjectWithTheVolumeAsync();
        var (context, page) = await OpenWorkspaceAsync(portal, User, ProjectName);
        await using var _ = context;
        var errors = await page.CollectErrorsWithStacksAsync();
        Assert.Equal(item, await ItemIdAsync(page));
        var (nx, ny, nz) = (96, 96, 16);

        // 1×3 (Shift+M): a click with the select tool on voxel (40, 55) of the axial view moves the crosshair; the other views follow.
        await page.GetByTestId("viewport").FocusAsync();
        await LayoutAsync(page, "Shift+M", "1x3");
        await Assertions.Expect(page.GetByTestId("viewport-coronal")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("viewport-sagittal")).ToBeVisibleAsync();
        await page.GetByTestId("tool-select").ClickAsync();
        var k = await page.EvaluateAsync<int>("() => window.__weakseg.slice()");
        var (cx, cy) = await VoxelAsync(page, "axial", 40, 55, k);
        await page.Mouse.ClickAsync(cx, cy);
        await page.WaitForFunctionAsync("() => { const m = window.__weakseg.mpr(); return m.slices.coronal === 55 && m.slices.sagittal === 40; }");
        Assert.Equal([40, 55, k], await MprAsync(page, "cross"));
        // The reformats have the volume's aspect: 2.5 mm slices are drawn shorter than 3.75 mm voxels are wide (screen px per voxel).
        var (_, top) = await VoxelAsync(page, "coronal", 40, 55, 0);
        var (_, bottom) = await VoxelAsync(page, "coronal", 40, 55, 10);
        var (left, _) = await VoxelAsync(page, "coronal", 30, 55, 0);
        var (right, _) = await VoxelAsync(page, "coronal", 40, 55, 0);
        var spacing = await page.EvaluateAsync<double[]>("() => { const w = window.__weakseg, o = w.indexToWorld([0, 0, 0]); return [[1, 0, 0], [0, 1, 0], [0, 0, 1]].map(e => Math.hypot(...w.indexToWorld(e).map((x, n) => x - o[n]))); }");
        Assert.True(Math.Abs((spacing[2] / spacing[0]) - 1) > 0.2, $"the volume is anisotropic: {string.Join(" × ", spacing)} mm");
        Assert.InRange((top - bottom) / (right - left), 0.97 * spacing[2] / spacing[0], 1.03 * spacing[2] / spacing[0]);
        await page.SnapshotAsync("mpr-1x3");

        // The coronal view alone (Shift+C): a scribble across slices 4…9 at i = 30, and a point at (50, 55, 7).
        await LayoutAsync(page, "Shift+C", "coronal");
        await page.GetByTestId("tool-scribble").ClickAsync();
        await page.GetByTestId("scribble-width").FillAsync("1");
        await StrokeAsync(page, "coronal", (30, 55, 4), (30, 55, 9));
        await page.GetByTestId("tool-point").ClickAsync();
        var (px, py) = await VoxelAsync(page, "coronal", 50, 55, 7);
        await page.Mouse.ClickAsync(px, py);
        await page.WaitForTimeoutAsync(600);
        await Assertions.Expect(page.GetByTestId("trace-layer-coronal")).Not.ToHaveAttributeAsync("data-spans", "0");
        await page.SnapshotAsync("mpr-coronal-drawn");
        await WaitForSavedAsync(page);

        // What the server stored is the axial equivalent: one width-1 scribble on each slice 4…9 at voxel (30, 55), and the point on slice 7.
        var live = await LiveLabelsAsync(item);
        var scribbles = live.OfType<ScribbleDrawn>().OrderBy(s => s.Scribble.Slice).ToList();
        Assert.Equal([4, 5, 6, 7, 8, 9], scribbles.Select(s => s.Scribble.Slice));
        Assert.All(scribbles, s =>
        {
            Assert.Equal(1, s.Scribble.Width);
            Assert.All(s.Scribble.Points, p => Assert.Equal(new PlanePoint(30, 55), p));
        });
        Assert.Equal(Enumerable.Range(4, 6).Select(kk => (30, 55, kk)).ToHashSet(), ScribbleVoxels(scribbles, nx, ny, nz));
        var point = Assert.Single(live.OfType<PointPlaced>()).Point;
        Assert.Equal((7, 55.0, true), (point.Slice, point.Y, point.IsPositive));
        Assert.InRange(point.X, 49.6, 50.4);
        Assert.Empty(live.OfType<BoxDrawn>());

        // The axial view (Shift+A) on slice 6 shows the label there, in its list row and drawn.
        await LayoutAsync(page, "Shift+A", "axial");
        await page.EvaluateAsync("() => window.__weakseg.setSlice(6)");
        await Assertions.Expect(page.Locator("[data-testid=annotation-row][aria-current=true]")).ToHaveCountAsync(1);
        await page.SnapshotAsync("mpr-axial-slice-6");

        // After a reload: the labels come back, and another scribble in the coronal view (slice 12, i = 20…35) is stored the same way.
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 7");
        await page.GetByTestId("viewport").FocusAsync();
        await page.GetByTestId("tool-select").ClickAsync();
        await LayoutAsync(page, "Shift+M", "1x3");
        var (sx, sy) = await VoxelAsync(page, "axial", 40, 55, await page.EvaluateAsync<int>("() => window.__weakseg.slice()"));
        await page.Mouse.ClickAsync(sx, sy);
        await page.WaitForFunctionAsync("() => window.__weakseg.mpr().slices.coronal === 55");
        await LayoutAsync(page, "Shift+C", "coronal");
        await Assertions.Expect(page.GetByTestId("trace-layer-coronal")).Not.ToHaveAttributeAsync("data-spans", "0");
        await page.GetByTestId("tool-scribble").ClickAsync();
        await page.GetByTestId("scribble-width").FillAsync("1"); // the width is not kept over a reload (3 again)
        await StrokeAsync(page, "coronal", (20, 55, 12), (35, 55, 12));
        await WaitForSavedAsync(page);
        live = await LiveLabelsAsync(item);
        var added = Assert.Single(live.OfType<ScribbleDrawn>(), s => s.Scribble.Slice == 12);
        Assert.Equal([new PlanePoint(20, 55), new PlanePoint(35, 55)], added.Scribble.Points);
        Assert.Equal(8, live.Count);
        await page.SnapshotAsync("mpr-after-reload");
        PageExtensions.AssertNoPageErrors(errors);
    }

    private const string ToolsProject = "MPR: every tool on a reformat";
    private const string ToolsUser = "ann2";

    private static async Task DragAsync(IPage page, string orientation, params (double I, double J, double K)[] path)
    {
        var (x, y) = await VoxelAsync(page, orientation, path[0].I, path[0].J, path[0].K);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        foreach (var p in path.Skip(1))
        {
            (x, y) = await VoxelAsync(page, orientation, p.I, p.J, p.K);
            await page.Mouse.MoveAsync(x, y, new() { Steps = 10 });
        }
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(600);
    }

    private static async Task ShowAsync(IPage page, (int I, int J, int K) cross, string keys, string layout)
    {
        await page.EvaluateAsync("([i, j, k]) => window.__weakseg.setCross([i, j, k])", new[] { cross.I, cross.J, cross.K });
        await page.GetByTestId("viewport").FocusAsync();
        await LayoutAsync(page, keys, layout);
    }

    private static async Task WaitForCountAsync(IPage page, int count, string what)
    {
        try
        {
            await page.WaitForFunctionAsync($"() => window.__weakseg.annotations().length === {count}", null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            await page.SnapshotAsync($"mpr-tools-failed-{count}");
            var state = await page.EvaluateAsync<string>("() => JSON.stringify({ n: window.__weakseg.annotations().length, state: window.__weakseg.state(), mpr: window.__weakseg.mpr(), message: document.querySelector('[data-testid=workspace] [data-testid=message]')?.textContent })");
            Assert.Fail($"{what}: expected {count} labels; the page: {state}");
        }
    }

    [Fact]
    public async Task Boxes_drawn_on_coronal_and_sagittal_views_are_stored_on_their_plane_and_traced_on_the_other_views_before_and_after_a_reload()
    {
        var annotator = await UserIdAsync(portal, ToolsUser);
        var draft = TestData.Draft(ToolsProject, annotatorsPerItem: 1);
        draft.AllowedKinds.UnionWith([AnnotationKind.Brush, AnnotationKind.Polygon]);
        var project = await TestData.ProjectAsync(portal.Services, draft, new ProjectMember(annotator, ProjectRole.Annotator));
        var item = await TestData.VolumeItemAsync(portal.Services, project, "nifti-ct-07-tools", NiftiVolume());
        var (context, page) = await OpenWorkspaceAsync(portal, ToolsUser, ToolsProject);
        await using var _ = context;
        var errors = await page.CollectErrorsWithStacksAsync();
        Assert.Equal(item, await ItemIdAsync(page));

        // Sagittal slice i = 40: a box from (j 30.2, k 2.3) to (j 45.7, k 9.6), stored on its plane and shown there.
        await ShowAsync(page, (40, 55, 8), "Shift+S", "sagittal");
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, "sagittal", (40, 30.2, 2.3), (40, 45.7, 9.6));
        await Assertions.Expect(page.Locator("[data-testid=viewport-sagittal] svg.svg-layer rect[data-id$='-rect']")).ToHaveCountAsync(1);
        await WaitForCountAsync(page, 1, "the sagittal box is one label");
        await page.SnapshotAsync("mpr-tools-sagittal");
        await WaitForSavedAsync(page);

        var live = await LiveLabelsAsync(item, ToolsUser);
        var box = Assert.Single(live.OfType<BoxDrawn>()).Box;
        Assert.Single(live);
        Assert.Equal((SlicePlane.Sagittal, 40), (box.Plane, box.Slice));
        Assert.InRange(box.MinX, 29.8, 30.6);
        Assert.InRange(box.MaxX, 45.3, 46.1);
        Assert.InRange(box.MinY, 1.9, 2.7);
        Assert.InRange(box.MaxY, 9.2, 10.0);

        // After a reload: the sagittal box comes back, traced on axial slice 5 (k 2.3…9.6) as a line at column i = 40; a coronal box is stored on its plane.
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 1");
        await ShowAsync(page, (40, 55, 8), "Shift+S", "sagittal");
        await Assertions.Expect(page.Locator("[data-testid=viewport-sagittal] svg.svg-layer rect[data-id$='-rect']")).ToHaveCountAsync(1);
        await ShowAsync(page, (40, 55, 5), "Shift+A", "axial");
        await Assertions.Expect(page.GetByTestId("trace-layer-axial")).ToHaveAttributeAsync("data-spans", "1");
        await ShowAsync(page, (40, 55, 11), "Shift+A", "axial");
        await Assertions.Expect(page.GetByTestId("trace-layer-axial")).ToHaveAttributeAsync("data-spans", "0");
        await ShowAsync(page, (40, 55, 8), "Shift+C", "coronal");
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, "coronal", (60.3, 55, 1.4), (80.6, 55, 12.2));
        await Assertions.Expect(page.Locator("[data-testid=viewport-coronal] svg.svg-layer rect[data-id$='-rect']")).ToHaveCountAsync(1);
        await WaitForCountAsync(page, 2, "the coronal box is one more label");
        await WaitForSavedAsync(page);
        await page.SnapshotAsync("mpr-tools-after-reload");

        live = await LiveLabelsAsync(item, ToolsUser);
        Assert.Equal(2, live.Count);
        var boxes = live.OfType<BoxDrawn>().Select(b => b.Box).ToList();
        Assert.Equal(2, boxes.Count);
        var coronal = Assert.Single(boxes, b => b.Plane == SlicePlane.Coronal);
        Assert.Equal(55, coronal.Slice);
        Assert.InRange(coronal.MinX, 59.9, 60.7);
        Assert.InRange(coronal.MaxX, 80.2, 81.0);
        Assert.InRange(coronal.MinY, 1.0, 1.8);
        Assert.InRange(coronal.MaxY, 11.8, 12.6);
        PageExtensions.AssertNoPageErrors(errors);
    }

    private const string MasksProject = "MPR: full masks on reformats";
    private const string MasksUser = "ann3";

    /// <summary>The live full-mask labels of the annotator on the item: brush strokes, polygons and masks.</summary>
    private async Task<(List<BrushStroke> Strokes, List<Polygon> Polygons, List<SliceMask> Masks)> FullMasksAsync(Guid item)
    {
        var live = await LiveLabelsAsync(item, MasksUser);
        return ([.. live.OfType<BrushStrokePainted>().Select(b => b.Stroke)], [.. live.OfType<PolygonDrawn>().Select(p => p.Polygon)], [.. live.OfType<MaskPainted>().Select(m => m.Mask)]);
    }

    /// <summary>Suggest on a reformat: a box dragged there, the answer shown, Enter: one more label.</summary>
    private static async Task SuggestAcceptAsync(IPage page, string orientation, int count, (double I, double J, double K) from, (double I, double J, double K) to)
    {
        await page.GetByTestId("tool-suggest").ClickAsync();
        await DragAsync(page, orientation, from, to);
        await page.WaitForFunctionAsync(
            "o => { const s = window.__weakseg.suggestion(); return s.object && s.object.orientation === o && s.object.prompt.box && (s.shown || s.error) && !s.waiting; }",
            orientation, new() { Timeout = 30_000 });
        var state = await page.EvaluateAsync<string>("() => JSON.stringify(window.__weakseg.suggestion())");
        Assert.True(await page.EvaluateAsync<int>("() => window.__weakseg.suggestion().voxels") > 0, $"a mask is shown on the {orientation} view: {state}");
        await Assertions.Expect(page.GetByTestId($"suggest-layer-{orientation}")).Not.ToHaveAttributeAsync("data-voxels", "0");
        await page.SnapshotAsync($"mpr-masks-suggest-{orientation}");
        await page.Keyboard.PressAsync("Enter");
        await WaitForCountAsync(page, count, $"the suggestion accepted on the {orientation} view");
    }

    private static Task<int> PlaneMaskAtAsync(IPage page, string plane, int slice, int x, int y) =>
        page.EvaluateAsync<int>("([p, s, x, y]) => window.__weakseg.planeMaskAt(p, s, x, y)", new object[] { plane, slice, x, y });

    private static void AssertNear(PlanePoint expected, PlanePoint actual, double tolerance = 0.4) =>
        Assert.True(Math.Abs(expected.X - actual.X) <= tolerance && Math.Abs(expected.Y - actual.Y) <= tolerance, $"expected ≈ ({expected.X}, {expected.Y}), got ({actual.X}, {actual.Y})");

    [Fact]
    public async Task Brush_eraser_polygon_and_Suggest_on_coronal_and_sagittal_views_are_stored_on_their_plane_traced_on_the_other_views_and_kept_over_a_reload()
    {
        var annotator = await UserIdAsync(portal, MasksUser);
        var draft = TestData.Draft(MasksProject, annotatorsPerItem: 1);
        draft.AllowedKinds.UnionWith([AnnotationKind.Brush, AnnotationKind.Polygon, AnnotationKind.Mask]);
        var project = await TestData.ProjectAsync(portal.Services, draft, new ProjectMember(annotator, ProjectRole.Annotator));
        var item = await TestData.VolumeItemAsync(portal.Services, project, "nifti-ct-07-masks", NiftiVolume());
        var (context, page) = await OpenWorkspaceAsync(portal, MasksUser, MasksProject);
        await using var _ = context;
        var errors = await page.CollectErrorsWithStacksAsync();
        Assert.Equal(item, await ItemIdAsync(page));

        // Coronal slice j = 55: a brush stroke (width 3) along k = 5 from i = 20 to 34, an eraser stroke over i = 26…28,
        // a traced polygon (i 50…58, k 3…7), and a suggestion from a box (i 30…66, k 2…9: the k range is not symmetric, so flipped rows would show).
        await ShowAsync(page, (40, 55, 8), "Shift+C", "coronal");
        await page.GetByTestId("tool-brush").ClickAsync();
        await page.GetByTestId("scribble-width").FillAsync("3");
        await DragAsync(page, "coronal", (20, 55, 5), (34, 55, 5));
        await WaitForCountAsync(page, 1, "the coronal brush stroke is one label");
        await page.GetByTestId("tool-eraser").ClickAsync();
        await DragAsync(page, "coronal", (26, 55, 5), (28, 55, 5));
        await WaitForCountAsync(page, 2, "the coronal eraser stroke is one label");
        await page.GetByTestId("tool-polygon").ClickAsync();
        await DragAsync(page, "coronal", (50, 55, 3), (58, 55, 3), (58, 55, 7), (50, 55, 7), (50, 55, 3.3));
        await WaitForCountAsync(page, 3, "the coronal polygon is one label");
        // What the page composes on coronal slice 55 (x = i, y = k): the stroke, the erased gap, the polygon.
        Assert.Equal(1, await PlaneMaskAtAsync(page, "coronal", 55, 22, 5));
        Assert.Equal(0, await PlaneMaskAtAsync(page, "coronal", 55, 27, 5));
        Assert.Equal(1, await PlaneMaskAtAsync(page, "coronal", 55, 54, 5));
        Assert.Equal(0, await PlaneMaskAtAsync(page, "coronal", 55, 54, 9));
        Assert.Empty(await page.EvaluateAsync<Dictionary<string, int>>("() => window.__weakseg.maskCounts(5)"));
        await SuggestAcceptAsync(page, "coronal", 4, (30, 55, 2), (66, 55, 9));
        await page.SnapshotAsync("mpr-masks-coronal");

        // Sagittal slice i = 40: a brush stroke along k = 10 from j = 20 to 32, a polygon (j 60…70, k 2…6), and a suggestion (j 25…75, k 3…11).
        await ShowAsync(page, (40, 55, 8), "Shift+S", "sagittal");
        await page.GetByTestId("tool-brush").ClickAsync();
        await DragAsync(page, "sagittal", (40, 20, 10), (40, 32, 10));
        await WaitForCountAsync(page, 5, "the sagittal brush stroke is one label");
        await page.GetByTestId("tool-polygon").ClickAsync();
        await DragAsync(page, "sagittal", (40, 60, 2), (40, 70, 2), (40, 70, 6), (40, 60, 6), (40, 60, 2.3));
        await WaitForCountAsync(page, 6, "the sagittal polygon is one label");
        Assert.Equal(1, await PlaneMaskAtAsync(page, "sagittal", 40, 25, 10));
        Assert.Equal(1, await PlaneMaskAtAsync(page, "sagittal", 40, 65, 4));
        await SuggestAcceptAsync(page, "sagittal", 7, (40, 25, 3), (40, 75, 11));

        // The coronal paint is traced on axial slice 5 (row j = 55) and on the sagittal view (column j = 55).
        await Assertions.Expect(page.GetByTestId("trace-layer-sagittal")).Not.ToHaveAttributeAsync("data-spans", "0");
        await ShowAsync(page, (40, 55, 5), "Shift+M", "1x3");
        await Assertions.Expect(page.GetByTestId("trace-layer-axial")).Not.ToHaveAttributeAsync("data-spans", "0");
        await page.SnapshotAsync("mpr-masks-1x3");
        await WaitForSavedAsync(page);

        // Stored on their planes, in the plane's voxel coordinates (x across, y = k).
        var (strokes, polygons, masks) = await FullMasksAsync(item);
        Assert.Equal(3, strokes.Count);
        var brush = Assert.Single(strokes, b => b is { Plane: SlicePlane.Coronal, Erase: false });
        Assert.Equal((55, 3.0, 1), (brush.Slice, brush.Width, brush.ClassId));
        AssertNear(new PlanePoint(20, 5), brush.Points[0]);
        AssertNear(new PlanePoint(34, 5), brush.Points[^1]);
        var eraser = Assert.Single(strokes, b => b.Erase);
        Assert.Equal((SlicePlane.Coronal, 55), (eraser.Plane, eraser.Slice));
        AssertNear(new PlanePoint(26, 5), eraser.Points[0]);
        AssertNear(new PlanePoint(28, 5), eraser.Points[^1]);
        var sagBrush = Assert.Single(strokes, b => b.Plane == SlicePlane.Sagittal);
        Assert.Equal(40, sagBrush.Slice);
        AssertNear(new PlanePoint(20, 10), sagBrush.Points[0]);
        AssertNear(new PlanePoint(32, 10), sagBrush.Points[^1]);
        Assert.Equal(2, polygons.Count);
        var corPolygon = Assert.Single(polygons, p => p.Plane == SlicePlane.Coronal);
        Assert.Equal(55, corPolygon.Slice);
        Assert.InRange(corPolygon.Points.Min(p => p.X), 49.6, 50.4);
        Assert.InRange(corPolygon.Points.Max(p => p.X), 57.6, 58.4);
        Assert.InRange(corPolygon.Points.Min(p => p.Y), 2.6, 3.4);
        Assert.InRange(corPolygon.Points.Max(p => p.Y), 6.6, 7.4);
        var sagPolygon = Assert.Single(polygons, p => p.Plane == SlicePlane.Sagittal);
        Assert.Equal(40, sagPolygon.Slice);
        Assert.InRange(sagPolygon.Points.Min(p => p.X), 59.6, 60.4);
        Assert.InRange(sagPolygon.Points.Max(p => p.Y), 5.6, 6.4);
        Assert.Equal(2, masks.Count);
        AssertMaskInside(Assert.Single(masks, m => m.Plane == SlicePlane.Coronal), 55, 96, 16, (30, 66), (2, 9));
        AssertMaskInside(Assert.Single(masks, m => m.Plane == SlicePlane.Sagittal), 40, 96, 16, (25, 75), (3, 11));
        Assert.Equal(7, (await LiveLabelsAsync(item, MasksUser)).Count);

        // After a reload: everything comes back on its plane; a click with the brush (a stroke Cornerstone would drop) and
        // one more eraser stroke on coronal slice 55 are stored there too.
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 7");
        Assert.Equal(1, await PlaneMaskAtAsync(page, "coronal", 55, 22, 5));
        Assert.Equal(0, await PlaneMaskAtAsync(page, "coronal", 55, 27, 5));
        Assert.Equal(1, await PlaneMaskAtAsync(page, "sagittal", 40, 65, 4));
        await ShowAsync(page, (40, 55, 8), "Shift+C", "coronal");
        await Assertions.Expect(page.GetByTestId("trace-layer-coronal")).Not.ToHaveAttributeAsync("data-spans", "0");
        await page.GetByTestId("tool-brush").ClickAsync();
        var (bx, by) = await VoxelAsync(page, "coronal", 80, 55, 12);
        await page.Mouse.ClickAsync(bx, by);
        await WaitForCountAsync(page, 8, "a click with the brush is a dot");
        await page.GetByTestId("tool-eraser").ClickAsync();
        await DragAsync(page, "coronal", (31, 55, 5), (33, 55, 5));
        await WaitForCountAsync(page, 9, "the eraser after the reload");
        Assert.Equal(0, await PlaneMaskAtAsync(page, "coronal", 55, 32, 5));
        Assert.Equal(1, await PlaneMaskAtAsync(page, "coronal", 55, 80, 12));
        await WaitForSavedAsync(page);
        await page.SnapshotAsync("mpr-masks-after-reload");

        strokes = (await FullMasksAsync(item)).Strokes;
        Assert.Equal(5, strokes.Count);
        var dot = Assert.Single(strokes, b => !b.Erase && b.Plane == SlicePlane.Coronal && b.Points[0].Y > 11);
        Assert.All(dot.Points, p => AssertNear(new PlanePoint(80, 12), p));
        Assert.Equal(2, strokes.Count(b => b.Erase && b.Plane == SlicePlane.Coronal && b.Slice == 55));
        Assert.Equal(9, (await LiveLabelsAsync(item, MasksUser)).Count);
        PageExtensions.AssertNoPageErrors(errors);
    }

    private const string ClicksProject = "MPR: clicked polygons and interpolated boxes";
    private const string ClicksUser = "ann2";

    /// <summary>Clicks at voxels of a view, one vertex each (Cornerstone holds a click back ≈400 ms; the first vertex comes through it).</summary>
    private static async Task ClickVerticesAsync(IPage page, string orientation, params (double I, double J, double K)[] vertices)
    {
        foreach (var v in vertices)
        {
            var (x, y) = await VoxelAsync(page, orientation, v.I, v.J, v.K);
            await page.Mouse.ClickAsync(x, y);
            await page.WaitForTimeoutAsync(600);
        }
    }

    /// <summary>Waits for the interpolation's proposals on a plane and gives their slices and states.</summary>
    private static async Task<List<(int Slice, string State)>> InterpolatedAsync(IPage page, string plane)
    {
        await page.WaitForFunctionAsync("o => { const p = window.__weakseg.propagation().proposals; return p && p.origin.kind === 'interpolation' && p.origin.orientation === o; }", plane);
        var all = await page.EvaluateAsync<System.Text.Json.JsonElement>("() => window.__weakseg.propagation().proposals.all");
        Assert.All(all.EnumerateArray(), p => Assert.Equal(("box", "interpolated"), (p.GetProperty("kind").GetString(), p.GetProperty("source").GetString())));
        return [.. all.EnumerateArray().Select(p => (p.GetProperty("slice").GetInt32(), p.GetProperty("state").GetString()!))];
    }

    /// <summary>The stored interpolated boxes between two key boxes are at the server rule's corners, on the keys' plane.</summary>
    private static void AssertInterpolatedBetween(IReadOnlyList<BoxDrawn> boxes, Box2D a, Box2D b, int? rejected = null)
    {
        var (expected, refused) = BoxInterpolation.Between(a, b);
        Assert.Null(refused);
        Assert.NotEmpty(expected);
        foreach (var e in expected.Where(e => e.Slice != rejected))
        {
            var got = Assert.Single(boxes, x => x.Box.Plane == a.Plane && x.Box.Slice == e.Slice);
            Assert.Equal(Provenance.InterpolatedSource, got.Provenance.Source);
            Assert.Equal((e.Plane, e.MinX, e.MinY, e.MaxX, e.MaxY), (got.Box.Plane, got.Box.MinX, got.Box.MinY, got.Box.MaxX, got.Box.MaxY));
        }
    }

    [Fact]
    public async Task A_polygon_clicked_vertex_by_vertex_and_boxes_interpolated_on_a_coronal_view_are_stored_on_their_plane_and_kept_over_a_reload()
    {
        var annotator = await UserIdAsync(portal, ClicksUser);
        var draft = TestData.Draft(ClicksProject, annotatorsPerItem: 1);
        draft.AllowedKinds.UnionWith([AnnotationKind.Polygon]);
        var project = await TestData.ProjectAsync(portal.Services, draft, new ProjectMember(annotator, ProjectRole.Annotator));
        var item = await TestData.VolumeItemAsync(portal.Services, project, "nifti-ct-07-clicks", NiftiVolume());
        var (context, page) = await OpenWorkspaceAsync(portal, ClicksUser, ClicksProject);
        await using var _ = context;
        var errors = await page.CollectErrorsWithStacksAsync();
        Assert.Equal(item, await ItemIdAsync(page));

        // 1. Coronal slice j = 55: a polygon by clicks (i 50…58, k 3…7), closed with Enter.
        await ShowAsync(page, (40, 55, 8), "Shift+C", "coronal");
        await page.GetByTestId("tool-polygon").ClickAsync();
        await ClickVerticesAsync(page, "coronal", (50, 55, 3), (58, 55, 3), (58, 55, 7), (50, 55, 7));
        Assert.Equal(4, await page.EvaluateAsync<int>("() => window.__weakseg.clickedVertices().length"));
        await Assertions.Expect(page.Locator("[data-testid=viewport-coronal] [data-testid=click-polygon]")).ToHaveAttributeAsync("data-vertices", "4");
        await page.Keyboard.PressAsync("Enter");
        await WaitForCountAsync(page, 1, "the clicked coronal polygon is one label");
        Assert.Equal(1, await PlaneMaskAtAsync(page, "coronal", 55, 54, 5));
        Assert.Equal(0, await PlaneMaskAtAsync(page, "coronal", 55, 54, 9));

        // 2. Boxes on coronal slices 50 and 56, then Shift+I: boxes proposed on 51…55, shown on the coronal view, all accepted.
        await page.GetByTestId("tool-box").ClickAsync();
        await ShowAsync(page, (40, 50, 8), "Shift+C", "coronal");
        await DragAsync(page, "coronal", (30.2, 50, 2.3), (50.6, 50, 9.4));
        await WaitForCountAsync(page, 2, "the first coronal box");
        await ShowAsync(page, (40, 56, 8), "Shift+C", "coronal");
        await DragAsync(page, "coronal", (40.4, 56, 4.2), (62.8, 56, 12.6));
        await WaitForCountAsync(page, 3, "the second coronal box");
        await page.GetByTestId("viewport-coronal").FocusAsync();
        await page.Keyboard.PressAsync("Shift+I");
        Assert.Equal([(51, "open"), (52, "open"), (53, "open"), (54, "open"), (55, "open")], await InterpolatedAsync(page, "coronal"));
        await page.Locator("[data-testid=propagate-row][data-slice=\"53\"] .ws-propagate-slice").ClickAsync();
        await Assertions.Expect(page.GetByTestId("proposal-layer-coronal")).ToHaveAttributeAsync("data-box", "1");
        await page.SnapshotAsync("mpr-interpolate-coronal");
        await page.GetByTestId("propagate-accept-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("propagate-panel")).ToHaveAttributeAsync("data-state", "done");
        await WaitForCountAsync(page, 8, "five interpolated coronal boxes");
        await WaitForSavedAsync(page);

        // 3. Stored: the polygon on coronal slice 55 in the plane's coordinates (x = i, y = k), the boxes on their plane.
        var live = await LiveLabelsAsync(item, ClicksUser);
        var polygon = Assert.Single(live.OfType<PolygonDrawn>()).Polygon;
        Assert.Equal((SlicePlane.Coronal, 55), (polygon.Plane, polygon.Slice));
        Assert.Equal(4, polygon.Points.Count);
        foreach (var (p, q) in polygon.Points.Zip(new PlanePoint[] { new(50, 3), new(58, 3), new(58, 7), new(50, 7) }))
        {
            AssertNear(q, p);
        }
        var boxes = live.OfType<BoxDrawn>().ToList();
        Assert.Equal(7, boxes.Count);
        Assert.All(boxes, b => Assert.Equal(SlicePlane.Coronal, b.Box.Plane));
        Assert.Equal([50, 51, 52, 53, 54, 55, 56], boxes.Select(b => b.Box.Slice).Order());
        var key50 = Assert.Single(boxes, b => b.Box.Slice == 50);
        var key56 = Assert.Single(boxes, b => b.Box.Slice == 56);
        Assert.Equal((Provenance.ManualSource, Provenance.ManualSource), (key50.Provenance.Source, key56.Provenance.Source));
        Assert.InRange(key50.Box.MinY, 1.9, 2.7); // y = k, not image rows
        AssertInterpolatedBetween(boxes, key50.Box, key56.Box);

        // 4. After a reload all is there; a box on coronal slice 60 interpolates back to slice 56's (one proposal rejected),
        //    and a polygon clicked on sagittal slice i = 40, closed on its first vertex, is stored on that plane.
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().filter(a => a.kind === 'box' && a.plane === 'coronal' && a.provenance && a.provenance.source === 'interpolated').length === 5");
        await WaitForCountAsync(page, 8, "everything after the reload");
        await ShowAsync(page, (40, 60, 8), "Shift+C", "coronal");
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, "coronal", (44.5, 60, 5.2), (70.1, 60, 14.3));
        await WaitForCountAsync(page, 9, "the coronal box after the reload");
        await page.GetByTestId("viewport-coronal").FocusAsync();
        await page.Keyboard.PressAsync("Shift+I");
        Assert.Equal([(57, "open"), (58, "open"), (59, "open")], await InterpolatedAsync(page, "coronal"));
        await page.Locator("[data-testid=propagate-row][data-slice=\"58\"] button[data-act=reject]").ClickAsync();
        await page.GetByTestId("propagate-accept-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("propagate-panel")).ToHaveAttributeAsync("data-state", "done");
        await WaitForCountAsync(page, 11, "two more interpolated boxes");
        await ShowAsync(page, (40, 55, 8), "Shift+S", "sagittal");
        await page.GetByTestId("tool-polygon").ClickAsync();
        await ClickVerticesAsync(page, "sagittal", (40, 60, 2), (40, 70, 2), (40, 65, 6), (40, 60, 2));
        await WaitForCountAsync(page, 12, "the clicked sagittal polygon");
        Assert.Equal(1, await PlaneMaskAtAsync(page, "sagittal", 40, 65, 3));
        await WaitForSavedAsync(page);
        await page.SnapshotAsync("mpr-clicks-after-reload");

        live = await LiveLabelsAsync(item, ClicksUser);
        Assert.Equal(12, live.Count);
        boxes = [.. live.OfType<BoxDrawn>()];
        Assert.Equal([50, 51, 52, 53, 54, 55, 56, 57, 59, 60], boxes.Select(b => b.Box.Slice).Order());
        var key60 = Assert.Single(boxes, b => b.Box.Slice == 60);
        Assert.Equal(Provenance.ManualSource, key60.Provenance.Source);
        AssertInterpolatedBetween(boxes, key56.Box, key60.Box, rejected: 58);
        var sagittal = Assert.Single(live.OfType<PolygonDrawn>(), p => p.Polygon.Plane == SlicePlane.Sagittal).Polygon;
        Assert.Equal(40, sagittal.Slice);
        Assert.Equal(3, sagittal.Points.Count);
        AssertNear(new PlanePoint(60, 2), sagittal.Points[0]);
        AssertNear(new PlanePoint(65, 6), sagittal.Points[2]);
        PageExtensions.AssertNoPageErrors(errors);
    }

    /// <summary>A mask stored on a plane: that plane's size, and every set voxel within the prompt box (x across, y = k ascending).</summary>
    private static void AssertMaskInside(SliceMask mask, int slice, int width, int height, (int Lo, int Hi) x, (int Lo, int Hi) y)
    {
        Assert.Equal((slice, width, height), (mask.Slice, mask.Width, mask.Height));
        var (at, set) = (0, 0);
        for (var r = 0; r < mask.Counts.Count; r++)
        {
            if (r % 2 == 1)
            {
                for (var v = at; v < at + mask.Counts[r]; v++, set++)
                {
                    Assert.InRange(v % width, x.Lo, x.Hi);
                    Assert.InRange(v / width, y.Lo, y.Hi);
                }
            }
            at += mask.Counts[r];
        }
        Assert.True(set > 0, "the mask paints something");
    }
}
