using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>The attributes of one DICOM file that grouping, ordering and storage decisions need; no pixels.</summary>
public sealed record DicomHeader
{
    public required string Path { get; init; }
    public string StudyInstanceUid { get; init; } = "";
    public string SeriesInstanceUid { get; init; } = "";
    public string SopInstanceUid { get; init; } = "";
    public string SopClassUid { get; init; } = "";
    public string FrameOfReferenceUid { get; init; } = "";
    public string Modality { get; init; } = "";
    public string SeriesDescription { get; init; } = "";
    public string TransferSyntaxUid { get; init; } = "";
    public string Photometric { get; init; } = "";
    public int Rows { get; init; }
    public int Columns { get; init; }
    public int NumberOfFrames { get; init; } = 1;
    public int SamplesPerPixel { get; init; } = 1;
    public int BitsAllocated { get; init; }
    public int BitsStored { get; init; }

    /// <summary>0 unsigned, 1 two's complement.</summary>
    public int PixelRepresentation { get; init; }

    public int? InstanceNumber { get; init; }

    /// <summary>ImagePositionPatient (LPS mm of the first pixel's centre), when present.</summary>
    public Vec3? Position { get; init; }

    /// <summary>ImageOrientationPatient: direction of a row (increasing column index), then of a column.</summary>
    public (Vec3 Row, Vec3 Column)? Orientation { get; init; }

    /// <summary>PixelSpacing as (between columns = x, between rows = y), when present.</summary>
    public (double X, double Y)? PixelSpacing { get; init; }

    public double? SliceThickness { get; init; }
    public double RescaleSlope { get; init; } = 1;
    public double RescaleIntercept { get; init; }
}
