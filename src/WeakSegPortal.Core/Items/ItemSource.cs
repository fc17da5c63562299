namespace WeakSegPortal.Core.Items;

/// <summary>
/// Where an item came from: the source file (or series) name and, for DICOM, the UIDs a DICOM-SEG export references
/// (study, series, SOP class, each instance's in slice order, frame of reference). Patient data: managers and exports only, never an
/// annotator's or QA lead's answer; they see <see cref="ItemView.Name"/>, a pseudonym (<see cref="ItemPseudonym"/>).
/// </summary>
public sealed record ItemSource(
    string FileName,
    string? StudyInstanceUid = null,
    string? SeriesInstanceUid = null,
    string? SopClassUid = null,
    IReadOnlyList<string>? SopInstanceUids = null,
    string? FrameOfReferenceUid = null);
