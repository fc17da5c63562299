using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>A series' single-frame files in spatial order, with the geometry their positions imply.</summary>
internal sealed record DicomSliceStack(IReadOnlyList<DicomHeader> Slices, Vec3 Spacing, Vec3 Origin, Direction3 Direction);
