namespace WeakSegPortal.Imaging.Volumes;

/// <summary>What a volume's source said about it; values are empty strings when the source has none.</summary>
public sealed record VolumeMetadata
{
    public string Modality { get; init; } = "";
    public string StudyInstanceUid { get; init; } = "";
    public string SeriesInstanceUid { get; init; } = "";
    public string SeriesDescription { get; init; } = "";

    /// <summary>The SOP class of the source instances (DICOM only), for a DICOM-SEG that references them.</summary>
    public string SopClassUid { get; init; } = "";

    /// <summary>The frame of reference the source's positions are in (DICOM only), for a DICOM-SEG drawn on it.</summary>
    public string FrameOfReferenceUid { get; init; } = "";

    /// <summary>Each source instance's SOP instance UID, in slice order (one for a multi-frame file); empty for other formats.</summary>
    public IReadOnlyList<string> SopInstanceUids { get; init; } = [];

    /// <summary>DICOM transfer syntax UID, or the file format ("NIfTI-1", "PNG", ...) for other sources.</summary>
    public string TransferSyntax { get; init; } = "";

    /// <summary>Photometric interpretation of the source (MONOCHROME1 sources are already inverted).</summary>
    public string Photometric { get; init; } = "";

    /// <summary>Source format: DICOM, NIfTI-1, NIfTI-2, PNG, JPEG, TIFF.</summary>
    public string SourceFormat { get; init; } = "";

    /// <summary>Slope and intercept that were applied to the stored values (1 and 0 when none).</summary>
    public double RescaleSlope { get; init; } = 1;
    public double RescaleIntercept { get; init; }

    /// <summary>Number of colour samples in the source; colour sources are converted to luminance.</summary>
    public int SourceSamplesPerPixel { get; init; } = 1;
}
