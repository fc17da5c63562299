using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Suggestions;

/// <summary>A CT project with one annotator and items with real pixels in the blob store, assigned to that annotator.</summary>
public sealed class SuggestionWorld(PortalFactory factory, string prefix)
{
    public const string Password = "suggest-test-password";
    public const int DemoSize = 192, DemoSlices = 24, DemoSlice = DemoSlices / 2;

    public Guid Project { get; private set; }

    public Guid Annotator { get; private set; }

    public string AnnotatorName => $"{prefix}-ann";

    public async Task<SuggestionWorld> CreateAsync()
    {
        Annotator = await factory.EnsureUserAsync(AnnotatorName, Password, Roles.Annotator);
        Project = await TestData.ProjectAsync(factory.Services, TestData.Draft($"Suggest {prefix} {Guid.NewGuid():N}", annotatorsPerItem: 1),
            new ProjectMember(Annotator, ProjectRole.Annotator));
        return this;
    }

    /// <summary>The project manager picks the project's suggestion engine (what the project editor saves).</summary>
    public async Task ChooseEngineAsync(string engine)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(Project, new SuggestionEngineChosen(Project, engine, Annotator, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    /// <summary>The first demo CT as an item of the annotator's, with the liver's exact mask on the middle slice.</summary>
    public async Task<(Guid Item, bool[] Liver)> DemoLiverAsync()
    {
        var demo = new DemoVolumeGenerator(1).CreateCt(DemoSize, DemoSlices);
        var item = await AssignedAsync("demo-ct-01", demo.Image);
        var labels = SliceExtractor.Extract(demo.Labels, SliceOrientation.Axial, DemoSlice).Values;
        return (item, Array.ConvertAll(labels, v => (int)v == 1));
    }

    /// <summary>A small item (size² × 4) whose voxels differ from every other's by <paramref name="seed"/>.</summary>
    public Task<Guid> SmallItemAsync(int seed, int size = 32)
    {
        var geometry = new VolumeGeometry(size, size, 4, new Vec3(1, 1, 2), new Vec3(0, 0, 0), Direction3.Identity);
        var voxels = Enumerable.Range(0, size * size * 4).Select(n => (float)((n * 7 + seed * 131) % 400 - 100)).ToArray();
        return AssignedAsync($"small-{seed}", Volume.FromFloat32(geometry, new VolumeMetadata { Modality = "CT" }, voxels));
    }

    public async Task<Guid> AssignedAsync(string name, Volume volume)
    {
        var item = await TestData.VolumeItemAsync(factory.Services, Project, name, volume);
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(item, new ItemAssigned(item, Annotator, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return item;
    }

    public Task<HubConnection> ConnectAsync() => HubClients.ConnectAsync(factory, "/hubs/annotation", AnnotatorName, Password);

    /// <summary>The tightest box around a mask (pixel edges).</summary>
    public static object Box(bool[] mask, int width)
    {
        var set = Enumerable.Range(0, mask.Length).Where(n => mask[n]).ToList();
        return new { x0 = set.Min(n => n % width) - 0.5, y0 = set.Min(n => n / width) - 0.5, x1 = set.Max(n => n % width) + 0.5, y1 = set.Max(n => n / width) + 0.5 };
    }

    public static object Request(Guid item, object? box = null, object[]? points = null, int slice = DemoSlice, string? engine = null, Guid? objectId = null) => new
    {
        requestId = Guid.NewGuid(),
        objectId = objectId ?? Guid.NewGuid(),
        itemId = item,
        orientation = "axial",
        slice,
        classId = 1,
        engine,
        box,
        points = points ?? [],
        scribbles = Array.Empty<object>(),
    };
}
