namespace WeakSegPortal.Web.DataImport.DicomWeb;

/// <summary>A study found by QIDO-RS.</summary>
public sealed record DicomWebStudy(string StudyInstanceUid, string PatientName, string PatientId, string StudyDate, string Description, IReadOnlyList<string> Modalities);

/// <summary>A series found by QIDO-RS.</summary>
public sealed record DicomWebSeries(string SeriesInstanceUid, string Modality, string Description, int Instances);
