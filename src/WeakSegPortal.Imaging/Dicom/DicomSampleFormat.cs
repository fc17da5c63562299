namespace WeakSegPortal.Imaging.Dicom;

/// <summary>The in-memory type of one decoded sample.</summary>
public enum DicomSampleFormat
{
    UInt8,
    Int8,
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float32,
    Float64,
}
