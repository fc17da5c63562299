using Marten;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Web.Items;

/// <summary>
/// Turns a decoded volume into an item under a pseudonym (<see cref="ItemPseudonym"/>), the name given kept as its source: its voxels into the blob store, an ItemRegistered stream into
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
        var m = volume.Metadata;
        var series = string.IsNullOrEmpty(m.SeriesInstanceUid) ? null : m.SeriesInstanceUid;
        var project = await session.LoadAsync<ProjectSummary>(projectId, ct);
        // Pending registrations of this session count too, so a batch staged before one save gets 1, 2, 3, ….
        var pending = session.PendingChanges.Streams().Count(s => s.Events.Any(e => e.Data is ItemRegistered r && r.ProjectId == projectId));
        var pseudonym = ItemPseudonym.Of(project?.Name ?? "", await ItemPseudonym.NextNumberAsync(session, projectId, ct) + pending);
        var source = new ItemSource(name, Empty(m.StudyInstanceUid), series, Empty(m.SopClassUid), m.SopInstanceUids.Count > 0 ? m.SopInstanceUids : null, Empty(m.FrameOfReferenceUid));
        var registered = new ItemRegistered(id, projectId, importId, pseudonym, m.Modality, geometry, key.Hex, contentHash, series, by, clock.GetUtcNow(), source);
        session.Events.StartStream<ItemView>(id, registered);
        return registered;
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
