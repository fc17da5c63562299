namespace WeakSegPortal.Imaging.Dicom;

/// <summary>Identifiers and descriptive attributes given to every file of a written series.</summary>
public sealed record DicomSeriesIdentity(string StudyInstanceUid, string SeriesInstanceUid, string Modality, string SeriesDescription)
{
    public string PatientName { get; init; } = "Demo^Synthetic";
    public string PatientId { get; init; } = "DEMO";

    /// <summary>The Frame of Reference UID every slice is given; when null, whatever GDCM writes.</summary>
    public string? FrameOfReferenceUid { get; init; }
}
