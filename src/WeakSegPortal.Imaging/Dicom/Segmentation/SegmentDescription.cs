namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>
/// One segment of a segmentation: its number (1…), label, how it was made (an algorithm name is required unless
/// <see cref="SegmentAlgorithmType.Manual"/>), what it is (category and type codes) and a display colour as sRGB.
/// </summary>
public sealed record SegmentDescription(
    int Number,
    string Label,
    SegmentAlgorithmType AlgorithmType,
    string? AlgorithmName,
    CodedConcept Category,
    CodedConcept Type,
    (byte R, byte G, byte B)? Colour = null);
