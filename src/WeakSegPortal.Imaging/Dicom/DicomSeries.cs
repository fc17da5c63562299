namespace WeakSegPortal.Imaging.Dicom;

/// <summary>The files of one series (same study and series UID), in no particular order.</summary>
public sealed record DicomSeries(string StudyInstanceUid, string SeriesInstanceUid, IReadOnlyList<DicomHeader> Files)
{
    public string Modality => Files.Count > 0 ? Files[0].Modality : "";
    public string Description => Files.Count > 0 ? Files[0].SeriesDescription : "";
}
