using System.Text.Json;
using Microsoft.Playwright;

namespace WeakSegPortal.E2E;

/// <summary>What an annotator does with the Suggest tool, in page terms (shared by the in-process and the real-worker round trips).</summary>
public static class SuggestSteps
{
    /// <summary>Page coordinates of voxel (i, j) of the slice on screen.</summary>
    public static async Task<(float X, float Y)> VoxelAsync(IPage page, double i, double j)
    {
        var box = (await page.GetByTestId("viewport").BoundingBoxAsync())!;
        var canvas = await page.EvaluateAsync<double[]>(
            "([i, j]) => { const w = window.__weakseg; return w.viewport.worldToCanvas(w.indexToWorld([i, j, w.slice()])); }",
            new[] { i, j });
        return ((float)(box.X + canvas[0]), (float)(box.Y + canvas[1]));
    }

    public static async Task DragVoxelsAsync(IPage page, (double I, double J) from, (double I, double J) to)
    {
        var (x0, y0) = await VoxelAsync(page, from.I, from.J);
        var (x1, y1) = await VoxelAsync(page, to.I, to.J);
        await page.Mouse.MoveAsync(x0, y0);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x1, y1, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    public static async Task ClickVoxelAsync(IPage page, double i, double j, bool shift = false)
    {
        var (x, y) = await VoxelAsync(page, i, j);
        if (shift)
        {
            await page.Keyboard.DownAsync("Shift");
        }
        await page.Mouse.ClickAsync(x, y);
        if (shift)
        {
            await page.Keyboard.UpAsync("Shift");
        }
    }

    public static async Task GoToSliceAsync(IPage page, int k)
    {
        await page.EvaluateAsync("k => window.__weakseg.setSlice(k)", k);
        await page.WaitForFunctionAsync("k => window.__weakseg.slice() === k", k);
    }

    /// <summary>Waits until the newest request's answer is on screen (a mask, no request in flight) with that many clicks, and returns it.</summary>
    public static async Task<JsonElement> ShownAsync(IPage page, int clicks)
    {
        await page.WaitForFunctionAsync(
            "n => { const s = window.__weakseg.suggestion(); return (s.shown || s.error) && !s.waiting && s.object && s.object.prompt.points.length === n; }",
            clicks, new() { Timeout = 30_000 });
        var state = await page.EvaluateAsync<JsonElement>("() => window.__weakseg.suggestion()");
        Assert.True(state.GetProperty("shown").ValueKind == JsonValueKind.Object, $"no mask shown: {state.GetProperty("error")}");
        return state;
    }

    /// <summary>The mask labels on the page, as the commands that made them.</summary>
    public static async Task<JsonElement[]> MasksAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__weakseg.annotations().filter(a => a.kind === 'mask'))");
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
