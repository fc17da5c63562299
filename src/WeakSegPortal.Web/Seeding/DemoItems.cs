using Marten;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Web.Items;

namespace WeakSegPortal.Web.Seeding;

/// <summary>Synthetic CT cases for the demo project: organ-like structures, noise, exact ground truth.</summary>
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
            var demo = new DemoVolumeGenerator(seed).CreateCt(Size, Slices);
            await registrar.StageAsync(session, projectId, importId, $"demo-ct-{seed:00}", demo.Image, by, ct);
        }
        await session.SaveChangesAsync(ct);
    }
}
