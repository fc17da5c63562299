using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Web.Items;

/// <summary>
/// Turns a decoded volume into an item: its voxels into the blob store (content-addressed, so the
/// key is the content hash), an ItemRegistered stream into the session. The caller saves the
/// session, so a whole import commits at once.
/// </summary>
public sealed class ItemRegistrar(IBlobStore blobs, TimeProvider clock)
{
    public async Task<ItemRegistered> StageAsync(IDocumentSession session, Guid projectId, Guid importId, string name, Volume volume, Guid by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(volume);
        var key = await StoreAsync(volume, ct);
        var g = volume.Geometry;
        var geometry = new ItemGeometry(g.Nx, g.Ny, g.Nz, [g.Spacing.X, g.Spacing.Y, g.Spacing.Z], [g.Origin.X, g.Origin.Y, g.Origin.Z], g.Direction.ToRowMajor());
        var id = Guid.CreateVersion7();
        var series = string.IsNullOrEmpty(volume.Metadata.SeriesInstanceUid) ? null : volume.Metadata.SeriesInstanceUid;
        var registered = new ItemRegistered(id, projectId, importId, name, volume.Metadata.Modality, geometry, key.Hex, key.Hex, series, by, clock.GetUtcNow());
        session.Events.StartStream<ItemView>(id, registered);
        return registered;
    }

    private async Task<BlobKey> StoreAsync(Volume volume, CancellationToken ct)
    {
        var temp = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(temp))
            {
                await VolumeBlobFormat.WriteAsync(volume, file, ct);
            }
            await using var read = File.OpenRead(temp);
            return await blobs.PutAsync(read, ct);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
