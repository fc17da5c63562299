namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>A coded entry (Code Value, Coding Scheme Designator, Code Meaning), as in a DICOM code sequence item.</summary>
public sealed record CodedConcept(string Value, string Scheme, string Meaning)
{
    /// <summary>DICOM's own code for a segmentation as a derivation (CID 7203).</summary>
    public static readonly CodedConcept Segmentation = new("113076", "DCM", "Segmentation");

    /// <summary>DICOM's code for a source image's purpose of reference (CID 7202).</summary>
    public static readonly CodedConcept SourceImageForProcessing = new("121322", "DCM", "Source image for image processing operation");

    internal DicomDataSet ToItem() => new DicomDataSet()
        .Text(0x0008, 0x0100, "SH", Value)
        .Text(0x0008, 0x0102, "SH", Scheme)
        .Text(0x0008, 0x0104, "LO", Meaning);
}
