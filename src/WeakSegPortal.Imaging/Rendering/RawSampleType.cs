namespace WeakSegPortal.Imaging.Rendering;

/// <summary>Sample type code of the raw slice wire format (byte 5 of the header).</summary>
public enum RawSampleType : byte
{
    Int16 = 1,
    UInt16 = 2,
}
