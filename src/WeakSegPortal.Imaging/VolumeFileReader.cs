using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Imaging.Raster;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging;

/// <summary>
/// Reads any supported input — DICOM file or series folder, NIfTI-1/2 (.nii, .nii.gz), PNG, JPEG,
/// TIFF — by asking each reader in turn; DICOM is last because it also claims extension-less files.
/// </summary>
public sealed class VolumeFileReader(IReadOnlyList<IVolumeReader> readers) : IVolumeReader
{
    public static VolumeFileReader CreateDefault() =>
        new([new NiftiVolumeReader(), new RasterVolumeReader(), new DicomVolumeReader(new GdcmDicomCodec())]);

    public bool CanRead(string path) => readers.Any(r => r.CanRead(path));

    public Volume Read(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new ImageReadException(ImageReadFailure.NotFound, $"No such file or folder: {path}");
        }

        var reader = readers.FirstOrDefault(r => r.CanRead(path))
            ?? throw new ImageReadException(ImageReadFailure.NotAnImage, $"{Path.GetFileName(path)} is not a DICOM, NIfTI, PNG, JPEG or TIFF image.");
        return reader.Read(path, cancellationToken);
    }
}
