using System.Buffers.Binary;
using WeakSegPortal.Imaging;

namespace WeakSegPortal.Cli.Commands;

/// <summary>`weakseg export-raw PATH --out F.raw`: real values as little-endian float32, x fastest, then y, then z.</summary>
internal static class ExportRawCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var path = args.Positional(0, "PATH");
        var output = args.RequiredOption("out");
        var volume = VolumeFileReader.CreateDefault().Read(path, cancellationToken);
        var g = volume.Geometry;
        var slice = new float[g.Nx * g.Ny];
        var bytes = new byte[slice.Length * 4];
        await using (var file = File.Create(output))
        {
            for (var k = 0; k < g.Nz; k++)
            {
                volume.CopySlice(k, slice);
                for (var n = 0; n < slice.Length; n++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * n), slice[n]);
                }

                await file.WriteAsync(bytes, cancellationToken);
            }
        }

        await stdout.WriteLineAsync($"dims {g.Nx} {g.Ny} {g.Nz}");
        await stdout.WriteLineAsync($"spacing {g.Spacing.X:0.######} {g.Spacing.Y:0.######} {g.Spacing.Z:0.######}");
        await stdout.WriteLineAsync($"wrote {output}: {g.VoxelCount} float32 values, little-endian, x fastest");
        return 0;
    }
}
