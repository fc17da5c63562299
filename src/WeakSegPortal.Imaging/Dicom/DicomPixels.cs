using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// The decoded pixel data of one DICOM file: frames one after another, samples in native
/// (little-endian) byte order, colour samples interleaved unless <see cref="Planar"/>.
/// </summary>
public sealed record DicomPixels
{
    public required DicomHeader Header { get; init; }
    public required byte[] Buffer { get; init; }
    public required DicomSampleFormat Format { get; init; }
    public int Columns { get; init; }
    public int Rows { get; init; }
    public int Frames { get; init; } = 1;
    public int SamplesPerPixel { get; init; } = 1;
    public bool Planar { get; init; }

    /// <summary>Photometric interpretation of <see cref="Buffer"/> after decoding (a JPEG codec may turn YBR into RGB).</summary>
    public string Photometric { get; init; } = "MONOCHROME2";

    /// <summary>Smallest and largest value the stored bits can hold, for MONOCHROME1 inversion and storage choice.</summary>
    public double StoredMin { get; init; }
    public double StoredMax { get; init; }

    /// <summary>The codec's own geometry (multi-frame files keep theirs in functional groups the header does not parse).</summary>
    public Vec3 Spacing { get; init; } = new(1, 1, 1);
    public Vec3 Origin { get; init; }
    public Direction3 Direction { get; init; } = Direction3.Identity;
}
