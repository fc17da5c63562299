namespace WeakSegPortal.Imaging.Dicom;

/// <summary>Human names of the transfer syntaxes users meet, for messages and `weakseg inspect`.</summary>
public static class DicomTransferSyntaxNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["1.2.840.10008.1.2"] = "Implicit VR Little Endian",
        ["1.2.840.10008.1.2.1"] = "Explicit VR Little Endian",
        ["1.2.840.10008.1.2.1.99"] = "Deflated Explicit VR Little Endian",
        ["1.2.840.10008.1.2.2"] = "Explicit VR Big Endian",
        ["1.2.840.10008.1.2.5"] = "RLE Lossless",
        ["1.2.840.10008.1.2.4.50"] = "JPEG Baseline (lossy)",
        ["1.2.840.10008.1.2.4.51"] = "JPEG Extended (lossy)",
        ["1.2.840.10008.1.2.4.57"] = "JPEG Lossless",
        ["1.2.840.10008.1.2.4.70"] = "JPEG Lossless SV1",
        ["1.2.840.10008.1.2.4.80"] = "JPEG-LS Lossless",
        ["1.2.840.10008.1.2.4.81"] = "JPEG-LS Near-lossless",
        ["1.2.840.10008.1.2.4.90"] = "JPEG 2000 Lossless",
        ["1.2.840.10008.1.2.4.91"] = "JPEG 2000",
    };

    /// <summary>"Name (uid)" or the bare UID when unknown.</summary>
    public static string Describe(string uid) =>
        Names.TryGetValue(uid, out var name) ? $"{name} ({uid})" : uid.Length == 0 ? "unknown" : uid;
}
