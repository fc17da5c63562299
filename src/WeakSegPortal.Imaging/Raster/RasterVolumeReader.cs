using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Raster;

/// <summary>
/// Reads PNG and JPEG (SkiaSharp) and baseline TIFF (<see cref="BaselineTiffDecoder"/>) as
/// single-slice volumes: 1 mm spacing, identity orientation, origin 0; colour becomes luminance.
/// </summary>
public sealed class RasterVolumeReader : IVolumeReader
{
    private static readonly string[] SkiaExtensions = [".png", ".jpg", ".jpeg"];
    private static readonly string[] TiffExtensions = [".tif", ".tiff"];

    public bool CanRead(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return File.Exists(path) && (SkiaExtensions.Contains(extension) || TiffExtensions.Contains(extension));
    }

    public Volume Read(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImageReadException(ImageReadFailure.NotFound, $"File not found: {path}");
        }

        if (info.Length == 0)
        {
            throw new ImageReadException(ImageReadFailure.EmptyFile, $"The file is empty: {info.Name}");
        }

        // The content decides the decoder (a JPEG named .png still reads); no known signature is no image.
        var format = RasterSignature.Detect(path)
            ?? throw new ImageReadException(ImageReadFailure.NotAnImage, $"{info.Name} is not a {RasterSignature.ClaimedBy(path)} image: it does not start with the {RasterSignature.ClaimedBy(path)} signature.");
        var isTiff = format == "TIFF";
        var image = isTiff ? BaselineTiffDecoder.Decode(File.ReadAllBytes(path), info.Name) : SkiaRasterDecoder.Decode(path);
        var geometry = new VolumeGeometry(image.Width, image.Height, 1, new Vec3(1, 1, 1), default, Direction3.Identity);
        var metadata = new VolumeMetadata
        {
            SourceFormat = image.Format,
            TransferSyntax = image.Format,
            Photometric = image.SamplesPerPixel > 1 ? "RGB" : "MONOCHROME2",
            SourceSamplesPerPixel = image.SamplesPerPixel,
        };
        var warnings = new List<string> { "2D image: no physical spacing or orientation is known; 1 mm and identity were assumed." };
        if (image.SamplesPerPixel > 1)
        {
            warnings.Add("Colour image converted to luminance.");
        }

        var builder = new VoxelBufferBuilder(image.Width, image.Height, 1, image.IsInteger ? VoxelType.Int16 : VoxelType.Float32);
        if (!builder.SetSlice(0, image.Values, 1, 0))
        {
            builder.PromoteToFloat32(); // 16-bit unsigned values above 32767
            _ = builder.SetSlice(0, image.Values, 1, 0);
        }
        return builder.Build(geometry, metadata, warnings);
    }
}
