using Marten;
using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Exports;

/// <summary>
/// Which items a DICOM-SEG can be written for: those imported from DICOM, whose source UIDs (study, series, SOP class and an
/// instance per slice, or one multi-frame instance) were kept at import. The export request, the export page and the writer
/// all ask here.
/// </summary>
public static class DicomSources
{
    public const string NoneMessage = "DICOM-SEG needs items imported from DICOM; none of this project's items came from DICOM.";

    /// <summary>Whether the item's source names everything a Segmentation must reference for its slices.</summary>
    public static bool Covers(ItemSource? source, int slices) =>
        source is { StudyInstanceUid: not null, SeriesInstanceUid: not null, SopClassUid: not null, SopInstanceUids: { Count: > 0 } uids }
        && (uids.Count == slices || uids.Count == 1);

    /// <summary>Whether any item of the project came from DICOM (only DICOM imports keep a SOP class).</summary>
    public static Task<bool> AnyInProjectAsync(IQuerySession session, Guid projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Query<ItemView>().AnyAsync(i => i.ProjectId == projectId && i.Source != null && i.Source.SopClassUid != null, ct);
    }
}
