using System.IO.Compression;
using System.Net;
using SkiaSharp;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.DataImport;

/// <summary>Import through the HTTP endpoint: real files in, items and an import record out, bad input refused with reasons.</summary>
public sealed class ImportTests(ImportPortalFactory portal) : IClassFixture<ImportPortalFactory>
{
    private const string AnatomicalNifti = "/usr/lib/python3/dist-packages/nibabel/tests/data/anatomical.nii";

    private Task<Guid> NewProjectAsync() => TestData.ProjectAsync(portal.Services, TestData.Draft($"Import {Guid.NewGuid():N}"));

    [Fact]
    public async Task Ct_small_becomes_one_item_with_the_files_geometry_and_a_readable_blob()
    {
        var project = await NewProjectAsync();
        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project, ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm")));

        var file = Assert.Single(report.Files);
        Assert.True(file.Accepted, file.Message);
        var item = Assert.Single(await ImportApi.ItemsAsync(portal.Services, project));
        Assert.Equal(file.ItemId, item.Id);
        Assert.Equal("CT", item.Modality);
        Assert.Equal("1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322", item.SeriesInstanceUid);
        Assert.Equal((128, 128, 1), (item.Geometry.Nx, item.Geometry.Ny, item.Geometry.Nz));
        // PixelSpacing and ImagePositionPatient as pydicom reads them from the file.
        Assert.Equal(0.661468, item.Geometry.Spacing[0], 6);
        Assert.Equal(0.661468, item.Geometry.Spacing[1], 6);
        Assert.Equal([-158.135803, -179.035797, -75.699997], item.Geometry.Origin);

        await using var blob = await portal.Services.GetRequiredService<IBlobStore>().OpenReadAsync(new BlobKey(item.VolumeKey), CancellationToken.None);
        Assert.NotNull(blob);
        var volume = await VolumeBlobFormat.ReadAsync(blob, CancellationToken.None);
        Assert.Equal((128, 128, 1), (volume.Nx, volume.Ny, volume.Nz));
        Assert.Equal(0.661468, volume.Geometry.Spacing.X, 6);
        var (min, max) = volume.ValueRange();
        Assert.True(max > min, "the stored voxels are not all the same");

        var record = await ImportApi.RecordAsync(portal.Services, report.ImportId);
        Assert.NotNull(record);
        Assert.Equal(project, record.ProjectId);
        Assert.Equal("CT_small.dcm", Assert.Single(record.Accepted).FileName);
        Assert.Empty(record.Refused);
    }

    [Fact]
    public async Task A_nifti_file_and_a_png_become_items()
    {
        var project = await NewProjectAsync();
        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project, ImportApi.File(AnatomicalNifti), ("grey.png", Png(20, 10)));

        Assert.All(report.Files, f => Assert.True(f.Accepted, f.Message));
        var items = (await ImportApi.ItemsAsync(portal.Services, project)).ToDictionary(i => i.Source!.FileName);
        Assert.Equal(2, items.Count);
        var nifti = items["anatomical.nii"].Geometry;
        Assert.Equal((33, 41, 25), (nifti.Nx, nifti.Ny, nifti.Nz));
        Assert.Equal([2.0, 2.0, 2.0], nifti.Spacing);
        var png = items["grey.png"].Geometry;
        Assert.Equal((20, 10, 1), (png.Nx, png.Ny, png.Nz));
        // No modality in either file: the project's modality is taken.
        Assert.All(items.Values, i => Assert.Equal("CT", i.Modality));
    }

    [Fact]
    public async Task A_zip_entry_that_climbs_out_of_the_folder_is_refused_and_the_rest_imported()
    {
        var project = await NewProjectAsync();
        var ct = await File.ReadAllBytesAsync(DebianTestFiles.Pydicom("CT_small.dcm"));
        var zip = Zip(("../evil.dcm", ct), ("series/CT_small.dcm", ct));

        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project, ("upload.zip", zip));

        var evil = Assert.Single(report.Files, f => f.File.Contains("evil", StringComparison.Ordinal));
        Assert.False(evil.Accepted);
        Assert.Contains("leaves the extraction folder", evil.Message, StringComparison.Ordinal);
        var good = Assert.Single(report.Files, f => f.Accepted);
        Assert.Equal("upload.zip/series/CT_small.dcm", good.File);
        Assert.Single(await ImportApi.ItemsAsync(portal.Services, project));
        Assert.Empty(Directory.EnumerateFiles(portal.Folder, "evil.dcm", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_zip_bomb_entry_is_refused_without_being_unpacked()
    {
        var project = await NewProjectAsync();
        var zip = Zip(("zeros.dcm", new byte[64 * 1024 * 1024]), ("CT_small.dcm", await File.ReadAllBytesAsync(DebianTestFiles.Pydicom("CT_small.dcm"))));

        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project, ("bomb.zip", zip));

        var bomb = Assert.Single(report.Files, f => f.File == "bomb.zip/zeros.dcm");
        Assert.False(bomb.Accepted);
        Assert.Contains("zip bomb", bomb.Message, StringComparison.Ordinal);
        Assert.True(Assert.Single(report.Files, f => f.File == "bomb.zip/CT_small.dcm").Accepted);
    }

    [Fact]
    public async Task Empty_text_and_truncated_files_are_refused_with_reasons_and_leave_no_item()
    {
        var project = await NewProjectAsync();
        var ct = await File.ReadAllBytesAsync(DebianTestFiles.Pydicom("CT_small.dcm"));

        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project,
            ("empty.dcm", []), ("notes.dcm", "this is not an image\n"u8.ToArray()), ("truncated.dcm", ct[..2000]));

        var reasons = report.Files.ToDictionary(f => f.File, f => f.Accepted ? "accepted" : f.Message);
        Assert.Equal(3, reasons.Count);
        Assert.Contains("empty", reasons["empty.dcm"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a DICOM file", reasons["notes.dcm"], StringComparison.Ordinal);
        Assert.Contains("truncated", reasons["truncated.dcm"], StringComparison.Ordinal);
        Assert.Empty(report.Items);
        Assert.Empty(await ImportApi.ItemsAsync(portal.Services, project));
        var record = await ImportApi.RecordAsync(portal.Services, report.ImportId);
        Assert.Equal(3, record!.Refused.Count);
        Assert.Empty(record.Accepted);
    }

    [Fact]
    public async Task Importing_the_same_file_again_is_refused_as_a_duplicate_naming_the_item()
    {
        var project = await NewProjectAsync();
        var client = await portal.ManagerAsync();
        var first = await ImportApi.ImportAsync(client, project, ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm")));
        var again = await ImportApi.ImportAsync(client, project, ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm"), "copy-of-ct.dcm"));

        var refused = Assert.Single(again.Files);
        Assert.False(refused.Accepted);
        Assert.Contains("Duplicate", refused.Message, StringComparison.Ordinal);
        Assert.Contains(first.Items[0].ItemId.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Single(await ImportApi.ItemsAsync(portal.Services, project));
    }

    [Fact]
    public async Task Two_uploads_of_the_same_file_at_once_make_one_item()
    {
        var project = await NewProjectAsync();
        var client = await portal.ManagerAsync();
        var reports = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ImportApi.ImportAsync(client, project, ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm")))));

        Assert.Equal(1, reports.Sum(r => r.Items.Count));
        Assert.Single(await ImportApi.ItemsAsync(portal.Services, project));
    }

    [Fact]
    public async Task The_same_image_twice_in_one_upload_becomes_one_item()
    {
        var project = await NewProjectAsync();
        var report = await ImportApi.ImportAsync(await portal.ManagerAsync(), project, ImportApi.File(AnatomicalNifti), ImportApi.File(AnatomicalNifti, "again.nii"));

        Assert.Single(report.Items);
        Assert.Contains("same image content", Assert.Single(report.Files, f => !f.Accepted).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_annotator_may_not_import()
    {
        var project = await NewProjectAsync();
        using var response = await ImportApi.PostAsync(await portal.AnnotatorAsync(), project, ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm")));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await ImportApi.ItemsAsync(portal.Services, project));
    }

    [Fact]
    public async Task An_unknown_project_is_not_found()
    {
        using var response = await ImportApi.PostAsync(await portal.ManagerAsync(), Guid.NewGuid(), ImportApi.File(DebianTestFiles.Pydicom("CT_small.dcm")));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_with_no_files_or_a_cut_body_is_a_400_with_a_reason_and_imports_nothing()
    {
        var project = await NewProjectAsync();
        var manager = await portal.ManagerAsync();
        await ImportApi.WithAntiforgeryAsync(manager);
        using (var empty = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--b--\r\n"u8.ToArray()))
        {
            empty.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
            using var response = await manager.PostAsync(new Uri($"/api/projects/{project}/imports", UriKind.Relative), empty);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("holds no files", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var cut = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\n\x89PNG"u8.ToArray());
        cut.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        using var refused = await manager.PostAsync(new Uri($"/api/projects/{project}/imports", UriKind.Relative), cut);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not complete multipart/form-data", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ImportApi.ItemsAsync(portal.Services, project));
    }

    [Fact]
    public async Task The_staging_folder_is_removed_after_an_import()
    {
        var project = await NewProjectAsync();
        await ImportApi.ImportAsync(await portal.ManagerAsync(), project, ImportApi.File(AnatomicalNifti));
        Assert.Empty(Directory.Exists(portal.StagingRoot) ? Directory.EnumerateFileSystemEntries(portal.StagingRoot) : []);
    }

    [Fact]
    public async Task The_import_page_opens_for_a_manager_and_is_refused_to_an_annotator()
    {
        var project = await NewProjectAsync();
        var page = await (await portal.ManagerAsync()).GetStringAsync(new Uri($"/projects/{project}/import", UriKind.Relative));
        Assert.Contains("From PACS (DICOMweb)", page, StringComparison.Ordinal);
        Assert.Contains("Import images into Import ", page, StringComparison.Ordinal);

        using var refused = await (await portal.AnnotatorAsync()).GetAsync(new Uri($"/projects/{project}/import", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 7 + y), (byte)(x * 7 + y), (byte)(x * 7 + y)));
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
