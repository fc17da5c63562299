using System.Net;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Guidelines;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Projects;

public sealed class GuidelineExampleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    private async Task<(Guid Project, Guid Example)> ProjectWithExampleAsync()
    {
        var member = await factory.EnsureUserAsync("guide-member", "guide-pw", Roles.Annotator);
        await factory.EnsureUserAsync("guide-outsider", "guide-pw", Roles.Annotator);
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft($"Guides {Guid.NewGuid():N}"), new ProjectMember(member, ProjectRole.Annotator));
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<GuidelineImageIntake>().AddAsync(project, new MemoryStream(Png), "A tight box", Guid.Empty, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return (project, result.Id);
    }

    [Fact]
    public async Task An_example_image_is_served_to_the_team_and_refused_to_others()
    {
        var (project, example) = await ProjectWithExampleAsync();
        using var member = await SignIn.AsAsync(factory, "guide-member", "guide-pw");
        using var response = await member.GetAsync(new Uri($"/api/projects/{project}/examples/{example}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        using var outsider = await SignIn.AsAsync(factory, "guide-outsider", "guide-pw");
        using var refused = await outsider.GetAsync(new Uri($"/api/projects/{project}/examples/{example}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_and_nothing_is_added()
    {
        var (project, _) = await ProjectWithExampleAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<GuidelineImageIntake>()
            .AddAsync(project, new MemoryStream("<svg onload=alert(1)>"u8.ToArray()), "sneaky", Guid.Empty, CancellationToken.None);
        Assert.Equal("Only PNG and JPEG images can be examples.", result.Errors["Image"]);
        var loaded = await ProjectQueries.LoadAsync(scope.ServiceProvider.GetRequiredService<Marten.IQuerySession>(), project, CancellationToken.None);
        Assert.Single(loaded!.Value.Project.Examples);
    }

    public static TheoryData<string, byte[], string> NotImages()
    {
        var png = SkiaPng(64, 48);
        return new()
        {
            { "a PNG signature before a script", [.. Png.AsSpan(0, 8), .. "<script>alert(1)</script>"u8], "not a PNG or JPEG image" },
            { "a JPEG marker before HTML", [0xFF, 0xD8, 0xFF, 0xE0, .. "<html><script>alert(1)</script></html>"u8], "not a PNG or JPEG image" },
            { "a PNG cut in half", png.AsSpan(0, png.Length / 2).ToArray(), "truncated" },
            { "a small PNG whose header claims 5000 × 5000 pixels", ClaimingSize(png, 5000, 5000), "megapixels" },
        };
    }

    [Theory]
    [MemberData(nameof(NotImages))]
    public async Task A_file_that_only_starts_like_an_image_is_refused_with_a_reason(string what, byte[] file, string reason)
    {
        var (project, _) = await ProjectWithExampleAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<GuidelineImageIntake>()
            .AddAsync(project, new MemoryStream(file), what, Guid.Empty, CancellationToken.None);
        Assert.False(result.Succeeded, what);
        Assert.Contains(reason, result.Errors["Image"], StringComparison.Ordinal);
        var loaded = await ProjectQueries.LoadAsync(scope.ServiceProvider.GetRequiredService<Marten.IQuerySession>(), project, CancellationToken.None);
        Assert.Single(loaded!.Value.Project.Examples);
    }

    [Fact]
    public async Task A_real_JPEG_is_accepted_and_served_as_JPEG_without_sniffing()
    {
        var (project, _) = await ProjectWithExampleAsync();
        using var bitmap = new SkiaSharp.SKBitmap(32, 24);
        bitmap.Erase(SkiaSharp.SKColors.Coral);
        using var jpeg = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 80);
        Guid example;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<GuidelineImageIntake>()
                .AddAsync(project, new MemoryStream(jpeg.ToArray()), "coral", Guid.Empty, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
            example = result.Id;
        }
        using var member = await SignIn.AsAsync(factory, "guide-member", "guide-pw");
        using var response = await member.GetAsync(new Uri($"/api/projects/{project}/examples/{example}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static byte[] SkiaPng(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        bitmap.Erase(SkiaSharp.SKColors.Teal);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The PNG with other dimensions in its IHDR chunk (CRC fixed up) and its own small pixel data.</summary>
    private static byte[] ClaimingSize(byte[] png, int width, int height)
    {
        var file = png.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(20), height);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(29), Crc32(file.AsSpan(12, 17)));
        return file;
    }

    /// <summary>PNG's CRC-32 (ISO 3309), bit by bit: a few bytes only.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
