using Microsoft.Playwright;
using WeakSegPortal.Web.Seeding;

namespace WeakSegPortal.E2E;

/// <summary>The import page in a real browser: files and a folder go through InputFile, the circuit and the child decoder.</summary>
public sealed class ImportPageTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Pydicom = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    [Fact]
    public async Task A_project_manager_imports_a_file_and_a_folder_and_sees_each_outcome()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var pm = DemoAccounts.All.Single(a => a.UserName == "pm");
        await page.SignInAsync(portal.BaseAddress, pm.UserName, pm.Password);
        await page.GotoAsync(new Uri(portal.BaseAddress, "/projects").ToString());
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import images into Demo: abdominal CT (synthetic)" }).ClickAsync();
        await page.ShouldBeAtAsync("/import$");
        await page.WaitForInteractiveAsync();

        var folder = Directory.CreateTempSubdirectory("weakseg-e2e-folder-").FullName;
        try
        {
            File.Copy(Path.Combine(Pydicom, "MR_small.dcm"), Path.Combine(folder, "MR_small.dcm"));
            await File.WriteAllTextAsync(Path.Combine(folder, "notes.dcm"), "not an image");
            // InputFile hooks its change listener after the first render; a pick before that is lost.
            await page.WaitForFunctionAsync("() => { const inputs = [...document.querySelectorAll('input[type=file]')]; return inputs.length === 2 && inputs.every(e => e._blazorInputFileNextFileId !== undefined); }");
            await page.Locator("[data-testid=pick-files]").SetInputFilesAsync(Path.Combine(Pydicom, "CT_small.dcm"));
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import 1 file" })).ToBeVisibleAsync();
            await page.Locator("[data-testid=pick-folder]").SetInputFilesAsync(folder);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import 3 files" })).ToBeEnabledAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Import 3 files" }).ClickAsync();

            var result = page.Locator("[data-testid=import-result]");
            await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(result.GetByRole(AriaRole.Row).Filter(new() { HasText = "CT_small.dcm" })).ToContainTextAsync("128 × 128 × 1");
            await Assertions.Expect(result.GetByRole(AriaRole.Row).Filter(new() { HasText = "MR_small.dcm" })).ToContainTextAsync("accepted");
            await Assertions.Expect(result.GetByRole(AriaRole.Row).Filter(new() { HasText = "notes.dcm" })).ToContainTextAsync("not a DICOM file");
            await Assertions.Expect(page.Locator("[data-testid=import-summary]")).ToContainTextAsync("2 items created");
            await page.SnapshotAsync("import-result");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    [Fact]
    public async Task Chosen_files_are_listed_a_text_file_named_png_is_not_a_PNG_and_both_bars_end_full()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var pm = DemoAccounts.All.Single(a => a.UserName == "pm");
        await page.SignInAsync(portal.BaseAddress, pm.UserName, pm.Password);
        await page.GotoAsync(new Uri(portal.BaseAddress, "/projects").ToString());
        await page.WaitForInteractiveAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Demo: abdominal CT (synthetic)" });
        var itemsBefore = int.Parse(await row.Locator("[data-testid=item-count]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await row.GetByRole(AriaRole.Link, new() { Name = "Import images into Demo: abdominal CT (synthetic)" }).ClickAsync();
        await page.ShouldBeAtAsync("/import$");
        await page.WaitForInteractiveAsync();

        var folder = Directory.CreateTempSubdirectory("weakseg-e2e-png-").FullName;
        try
        {
            var notes = Path.Combine(folder, "notes.png");
            await File.WriteAllTextAsync(notes, "just some notes\n");
            var scan = Path.Combine(folder, "scan.png");
            using (var bitmap = new SkiaSharp.SKBitmap(24, 16, SkiaSharp.SKColorType.Gray8, SkiaSharp.SKAlphaType.Opaque))
            {
                new Random(11).NextBytes(bitmap.GetPixelSpan());
                using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
                await File.WriteAllBytesAsync(scan, png.ToArray());
            }
            await page.WaitForFunctionAsync("() => { const inputs = [...document.querySelectorAll('input[type=file]')]; return inputs.length === 2 && inputs.every(e => e._blazorInputFileNextFileId !== undefined); }");
            await page.Locator("[data-testid=pick-files]").SetInputFilesAsync([notes, scan]);

            // Listed by name and size before anything is uploaded.
            var chosen = page.Locator("[data-testid=chosen-files]");
            await Assertions.Expect(chosen.GetByRole(AriaRole.Row).Filter(new() { HasText = "notes.png" })).ToContainTextAsync("16 B");
            await Assertions.Expect(chosen.GetByRole(AriaRole.Row).Filter(new() { HasText = "scan.png" })).ToContainTextAsync($"{new FileInfo(scan).Length} B");
            await page.SnapshotAsync("import-chosen-files");
            await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 files" }).ClickAsync();

            var result = page.Locator("[data-testid=import-result]");
            await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(result.GetByRole(AriaRole.Row).Filter(new() { HasText = "notes.png" })).ToContainTextAsync("not a PNG image");
            await Assertions.Expect(result.GetByRole(AriaRole.Row).Filter(new() { HasText = "notes.png" })).Not.ToContainTextAsync("truncated");
            await Assertions.Expect(result.GetByRole(AriaRole.Row).Filter(new() { HasText = "scan.png" })).ToContainTextAsync("accepted");
            await Assertions.Expect(page.Locator("[data-testid=decode-progress]")).ToHaveAttributeAsync("aria-valuenow", "100");
            await Assertions.Expect(page.Locator("[data-testid=upload-progress]")).ToHaveAttributeAsync("aria-valuenow", "100");
            await Assertions.Expect(chosen).ToHaveCountAsync(0);
            await page.SnapshotAsync("import-finished");

            // What was stored: the project list, reloaded, counts the one new item.
            await page.GotoAsync(new Uri(portal.BaseAddress, "/projects").ToString());
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(row.Locator("[data-testid=item-count]")).ToHaveTextAsync((itemsBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
