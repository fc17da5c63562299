using System.Numerics;

namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>New DICOM UIDs under the 2.25 root (a UUID as one decimal number, ISO/IEC 9834-8), so no registered root is needed.</summary>
public static class DicomUids
{
    public static string New() => From(Guid.NewGuid());

    public static string From(Guid guid)
    {
        var bytes = guid.ToByteArray(bigEndian: true);
        return "2.25." + new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
