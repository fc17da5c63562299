using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Slices;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Slices;

/// <summary>Item metadata and slices over HTTP, with access rules, caching and compression.</summary>
public sealed class ItemImageEndpointTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Password = "slices-pw";
    private const string AnatomicalNifti = "/usr/lib/python3/dist-packages/nibabel/tests/data/anatomical.nii";
    private Guid _item;
    private Guid _mrItem;

    // 4 × 3 × 2 CT-like volume, value = 100·k + 10·j + i − 1000, with anisotropic spacing.
    private static Volume TestVolume()
    {
        var voxels = new short[24];
        for (var k = 0; k < 2; k++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var i = 0; i < 4; i++)
                {
                    voxels[i + (4 * (j + (3 * k)))] = (short)((100 * k) + (10 * j) + i - 1000);
                }
            }
        }
        var geometry = new VolumeGeometry(4, 3, 2, new Vec3(0.5, 0.75, 2), new Vec3(-10, -20, 30), Direction3.Identity);
        return Volume.FromInt16(geometry, new VolumeMetadata { Modality = "CT" }, voxels);
    }

    public async Task InitializeAsync()
    {
        var member = await factory.EnsureUserAsync("slice-member", Password, Roles.Annotator);
        await factory.EnsureUserAsync("slice-outsider", Password, Roles.Annotator);
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft($"Slices {Guid.NewGuid():N}"), new ProjectMember(member, ProjectRole.Annotator));
        _item = await TestData.VolumeItemAsync(factory.Services, project, "tiny-ct", TestVolume());
        _mrItem = await TestData.VolumeItemAsync(factory.Services, project, "anatomical", AnatomicalMr());
    }

    // nibabel's anatomical.nii (int16) as an MR volume; NIfTI itself names no modality.
    private static Volume AnatomicalMr()
    {
        var nifti = new WeakSegPortal.Imaging.Nifti.NiftiVolumeReader().Read(AnatomicalNifti);
        var voxels = new short[nifti.Geometry.VoxelCount];
        for (var n = 0L; n < voxels.Length; n++)
        {
            voxels[n] = (short)nifti[n];
        }
        return Volume.FromInt16(nifti.Geometry, new VolumeMetadata { Modality = "MR" }, voxels);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_member_gets_the_items_geometry_and_a_slice_url_naming_its_content()
    {
        using var client = await SignIn.AsAsync(factory, "slice-member", Password);
        var info = await client.GetFromJsonAsync<ItemImageInfo>(new Uri($"/api/items/{_item}", UriKind.Relative));
        Assert.Equal((4, 3, 2), (info!.Nx, info.Ny, info.Nz));
        Assert.Equal([0.5, 0.75, 2], info.Spacing);
        Assert.Equal([-10.0, -20, 30], info.Origin);
        Assert.Equal((-1000.0, -877.0), (info.ValueMin, info.ValueMax));
        Assert.Contains(info.Presets, p => p.Name == "Lung" && p.Center == -600);
        Assert.Matches("^/api/items/.*/slices/axial/\\{k\\}\\.raw\\?v=[0-9a-f]{64}$", info.SliceUrl);
    }

    [Fact]
    public async Task An_MR_item_is_offered_MR_windows_and_opens_at_the_robust_window_of_its_own_histogram()
    {
        using var client = await SignIn.AsAsync(factory, "slice-member", Password);
        var info = await client.GetFromJsonAsync<ItemImageInfo>(new Uri($"/api/items/{_mrItem}", UriKind.Relative));

        Assert.Equal("MR", info!.Modality);
        Assert.Equal(["Auto (robust)", "Wide (T1/T2)", "Full range"], info.Presets.Select(p => p.Name));
        Assert.Equal(info.Presets[0], info.Window);
        // As ModalityWindowTests computes from the same file (numpy: L 8152.37, W 9750.74), not the washed-out L 6962 / W 11518.
        Assert.Equal(8152.37, info.Window.Center, 0.5);
        Assert.Equal(9750.74, info.Window.Width, 0.5);
    }

    [Fact]
    public async Task A_raw_slice_holds_the_exact_hounsfield_values()
    {
        using var client = await SignIn.AsAsync(factory, "slice-member", Password);
        var body = await client.GetByteArrayAsync(new Uri($"/api/items/{_item}/slices/axial/1.raw", UriKind.Relative));
        var slice = RawSliceFormat.Decode(body);
        Assert.Equal((4, 3, RawSampleType.Int16), (slice.Width, slice.Height, slice.SampleType));
        Assert.Equal(-1000 + 100 + 20 + 3, slice.ValueAt(3, 2));
        Assert.Equal(0.5f, slice.SpacingX);
    }

    [Fact]
    public async Task Raw_slices_travel_gzipped_when_asked_and_revalidate_by_etag()
    {
        using var client = await SignIn.AsAsync(factory, "slice-member", Password);
        var info = await client.GetFromJsonAsync<ItemImageInfo>(new Uri($"/api/items/{_item}", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, info!.SliceUrl.Replace("{k}", "0", StringComparison.Ordinal));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
        await using (var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        using (var plain = new MemoryStream())
        {
            await gzip.CopyToAsync(plain);
            Assert.Equal(-1000, RawSliceFormat.Decode(plain.ToArray()).ValueAt(0, 0));
        }
        using var again = new HttpRequestMessage(HttpMethod.Get, info.SliceUrl.Replace("{k}", "0", StringComparison.Ordinal));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("axial", 0)]
    [InlineData("axial", 1)]
    [InlineData("coronal", 0)]
    [InlineData("coronal", 2)]
    [InlineData("sagittal", 0)]
    [InlineData("sagittal", 3)]
    public async Task Every_orientations_raw_slice_gzipped_or_plain_holds_the_voxels_its_plane_defines(string orientation, int index)
    {
        using var client = await SignIn.AsAsync(factory, "slice-member", Password);
        var path = new Uri($"/api/items/{_item}/slices/{orientation}/{index}.raw", UriKind.Relative);
        using var zipped = new HttpRequestMessage(HttpMethod.Get, path);
        zipped.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await client.SendAsync(zipped);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        using var plain = new MemoryStream();
        await using (var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(plain);
        }
        var identity = await client.GetByteArrayAsync(path);

        Assert.Equal(identity, plain.ToArray());
        var slice = RawSliceFormat.Decode(identity);
        // Voxel (i, j, k) holds 100·k + 10·j + i − 1000; reformats put the highest k (1) on the top row.
        var (width, height, across, down, value) = orientation switch
        {
            "axial" => (4, 3, 0.5f, 0.75f, (Func<int, int, int>)((x, y) => (100 * index) + (10 * y) + x - 1000)),
            "coronal" => (4, 2, 0.5f, 2f, (x, y) => (100 * (1 - y)) + (10 * index) + x - 1000),
            _ => (3, 2, 0.75f, 2f, (x, y) => (100 * (1 - y)) + (10 * x) + index - 1000),
        };
        Assert.Equal((width, height, across, down), (slice.Width, slice.Height, slice.SpacingX, slice.SpacingY));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Assert.Equal(value(x, y), slice.ValueAt(x, y));
            }
        }
    }

    [Fact]
    public async Task A_windowed_png_and_reformats_have_the_right_size()
    {
        using var client = await SignIn.AsAsync(factory, "slice-member", Password);
        var axial = await client.GetByteArrayAsync(new Uri($"/api/items/{_item}/slices/axial/0.png?window=-950,100", UriKind.Relative));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], axial[..4]);
        Assert.Equal((4, 3), PngSize(axial));
        var coronal = await client.GetByteArrayAsync(new Uri($"/api/items/{_item}/slices/coronal/1.png?preset=lung", UriKind.Relative));
        Assert.Equal((4, 2), PngSize(coronal));
        var sagittal = await client.GetByteArrayAsync(new Uri($"/api/items/{_item}/slices/sagittal/3.raw", UriKind.Relative));
        var slice = RawSliceFormat.Decode(sagittal);
        Assert.Equal((3, 2), (slice.Width, slice.Height));
    }

    [Theory]
    [InlineData("axial/2.raw", HttpStatusCode.NotFound)]
    [InlineData("axial/-1.raw", HttpStatusCode.NotFound)]
    [InlineData("oblique/0.raw", HttpStatusCode.BadRequest)]
    [InlineData("axial/0.png?window=40", HttpStatusCode.BadRequest)]
    [InlineData("axial/0.png?preset=liver", HttpStatusCode.BadRequest)]
    public async Task Bad_slice_requests_get_a_clear_error(string path, HttpStatusCode status)
    {
        using var client = await SignIn.AsAsync(factory, "slice-member", Password);
        using var response = await client.GetAsync(new Uri($"/api/items/{_item}/slices/{path}", UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
        Assert.Contains("detail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_outside_the_project_is_answered_as_for_a_missing_item_and_strangers_must_sign_in()
    {
        using var outsider = await SignIn.AsAsync(factory, "slice-outsider", Password);
        using var refused = await outsider.GetAsync(new Uri($"/api/items/{_item}/slices/axial/0.raw", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var unknown = await outsider.GetAsync(new Uri($"/api/items/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var anonymous = SignIn.NewClient(factory);
        using var response = await anonymous.GetAsync(new Uri($"/api/items/{_item}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
}
