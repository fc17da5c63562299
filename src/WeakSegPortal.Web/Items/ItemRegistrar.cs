using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Web.Items;

/// <summary>
/// Turns a decoded volume into an item: its voxels into the blob store, an ItemRegistered stream into
/// the session, with the same content hash an import computes (so a re-import is seen as a duplicate). The caller saves the
/// session, so a whole import commits at once.
/// </summary>
public sealed class ItemRegistrar(IBlobStore blobs, TimeProvider clock)
{
    public async Task<ItemRegistered> StageAsync(IDocumentSession session, Guid projectId, Guid importId, string name, Volume volume, Guid by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(volume);
        var (key, contentHash) = await new VolumeBlobWriter(blobs).StoreAsync(volume, ct);
        var g = volume.Geometry;
        var geometry = new ItemGeometry(g.Nx, g.Ny, g.Nz, [g.Spacing.X, g.Spacing.Y, g.Spacing.Z], [g.Origin.X, g.Origin.Y, g.Origin.Z], g.Direction.ToRowMajor());
        var id = Guid.CreateVersion7();
        var series = string.IsNullOrEmpty(volume.Metadata.SeriesInstanceUid) ? null : volume.Metadata.SeriesInstanceUid;
        var registered = new ItemRegistered(id, projectId, importId, name, volume.Metadata.Modality, geometry, key.Hex, contentHash, series, by, clock.GetUtcNow());
        session.Events.StartStream<ItemView>(id, registered);
        return registered;
    }
}
