using Marten;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Web.Items;

namespace WeakSegPortal.Web.Seeding;

/// <summary>
/// Synthetic cases for the demo project: CT-like volumes (HU) and one MR-like volume (bias field),
/// organ-like structures with noise and exact ground truth (`weakseg demo-data` writes the same
/// cases as DICOM series and NIfTI for trying the import).
/// </summary>
internal static class DemoItems
{
    public const int Cases = 4;
    public const int Size = 192;
    public const int Slices = 24;

    public static async Task AddAsync(IServiceProvider services, Guid projectId, Guid by, CancellationToken ct)
    {
        var session = services.GetRequiredService<IDocumentSession>();
        var registrar = services.GetRequiredService<ItemRegistrar>();
        var importId = Guid.CreateVersion7();
        for (var seed = 1; seed <= Cases; seed++)
        {
            // The last case is MR-like, so the viewer's percentile window is on show too.
            var mr = seed == Cases;
            var generator = new DemoVolumeGenerator(seed);
            var demo = mr ? generator.CreateMr(Size, Slices) : generator.CreateCt(Size, Slices);
            await registrar.StageAsync(session, projectId, importId, mr ? $"demo-mr-{seed:00}" : $"demo-ct-{seed:00}", demo.Image, by, ct);
        }
        await session.SaveChangesAsync(ct);
    }
}
