using WeakSegPortal.Imaging;
using WeakSegPortal.Imaging.Dicom;

namespace WeakSegPortal.Cli.Commands;

/// <summary>`weakseg inspect PATH`: what the volume is and where it lies.</summary>
internal static class InspectCommand
{
    public static int Run(CliArguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var path = args.Positional(0, "PATH");
        var volume = VolumeFileReader.CreateDefault().Read(path, cancellationToken);
        var g = volume.Geometry;
        var m = volume.Metadata;
        var (min, max) = volume.ValueRange();
        stdout.WriteLine($"path:            {path}");
        stdout.WriteLine($"format:          {m.SourceFormat}");
        stdout.WriteLine($"dimensions:      {g.Nx} x {g.Ny} x {g.Nz}");
        stdout.WriteLine($"spacing (mm):    {g.Spacing.X:0.######} x {g.Spacing.Y:0.######} x {g.Spacing.Z:0.######}");
        stdout.WriteLine($"origin (LPS mm): {g.Origin.X:0.####} {g.Origin.Y:0.####} {g.Origin.Z:0.####}");
        stdout.WriteLine($"direction:       {string.Join(" ", g.Direction.ToRowMajor().Select(v => (v == 0 ? 0 : v).ToString("0.######")))}");
        stdout.WriteLine($"orientation:     {OrientationCode.Of(g.Direction)}");
        stdout.WriteLine($"modality:        {Or(m.Modality)}");
        stdout.WriteLine($"voxel type:      {volume.VoxelType}");
        stdout.WriteLine($"value range:     {min:0.####} .. {max:0.####}");
        stdout.WriteLine($"rescale:         slope {m.RescaleSlope:0.######} intercept {m.RescaleIntercept:0.######}");
        stdout.WriteLine($"photometric:     {Or(m.Photometric)}");
        stdout.WriteLine($"transfer syntax: {(m.SourceFormat == "DICOM" ? DicomTransferSyntaxNames.Describe(m.TransferSyntax) : m.TransferSyntax)}");
        stdout.WriteLine($"study uid:       {Or(m.StudyInstanceUid)}");
        stdout.WriteLine($"series uid:      {Or(m.SeriesInstanceUid)}");
        stdout.WriteLine($"description:     {Or(m.SeriesDescription)}");
        foreach (var warning in volume.Warnings)
        {
            stdout.WriteLine($"warning:         {warning}");
        }

        return 0;
    }

    private static string Or(string value) => value.Length == 0 ? "-" : value;
}
