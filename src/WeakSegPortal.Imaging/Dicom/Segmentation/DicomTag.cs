namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>A DICOM attribute tag (group, element); orders as the standard sorts a data set.</summary>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    public uint Value => ((uint)Group << 16) | Element;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public static bool operator <(DicomTag left, DicomTag right) => left.CompareTo(right) < 0;

    public static bool operator >(DicomTag left, DicomTag right) => left.CompareTo(right) > 0;

    public static bool operator <=(DicomTag left, DicomTag right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DicomTag left, DicomTag right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"({Group:X4},{Element:X4})";
}
