namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>Segment Algorithm Type (0062,0008): drawn by hand, or with a tool's help.</summary>
public enum SegmentAlgorithmType
{
    Manual,
    Semiautomatic,
}
