using System.Diagnostics;
using System.IO.Compression;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.Web.Slices;

namespace WeakSegPortal.Benchmarks;

/// <summary>A cold slice's work in process, per orientation: the cut before and now, and the gzip before and now.</summary>
internal static class SliceCutCosts
{
    /// <summary>
    /// A cold slice's work in process, per orientation of the 256³ cube: the cut as it was (the float slice filled voxel by
    /// voxel through the volume's indexer, then encoded), the cut as it is (Int16 straight into the body), and the gzip form.
    /// </summary>
    public static void Run(Volume cube, int requests)
    {
        foreach (var orientation in new[] { SliceOrientation.Axial, SliceOrientation.Coronal, SliceOrientation.Sagittal })
        {
            var before = InProcess(requests, cube.Nz, k => RawSliceFormat.Encode(PerVoxelCut(cube, orientation, k)));
            var after = InProcess(requests, cube.Nz, k => RawSliceFormat.Encode(cube, orientation, k));
            var body = RawSliceFormat.Encode(cube, orientation, cube.Nz / 2);
            var fastest = InProcess(requests, cube.Nz, _ =>
            {
                using var output = new MemoryStream(body.Length / 2);
                using (var zip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                {
                    zip.Write(body);
                }
                return output.ToArray();
            });
            var huffman = InProcess(requests, cube.Nz, _ => SliceGzip.Compress(body));
            RequestLatency.Report($"  in process {orientation}: cut + encode, per-voxel indexer into floats (before)", before);
            RequestLatency.Report($"  in process {orientation}: cut + encode, Int16 straight into the body (now)", after);
            RequestLatency.Report($"  in process {orientation}: gzip of the body, CompressionLevel.Fastest (before), {Gzipped(body, CompressionLevel.Fastest)} of {body.Length} bytes", fastest);
            RequestLatency.Report($"  in process {orientation}: gzip of the body, Huffman only (SliceGzip, now), {SliceGzip.Compress(body).Length} of {body.Length} bytes", huffman);
        }
    }

    private static int Gzipped(byte[] body, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, level, leaveOpen: true))
        {
            zip.Write(body);
        }
        return (int)output.Length;
    }

    private static List<double> InProcess(int requests, int slices, Func<int, byte[]> work)
    {
        var times = new List<double>(requests);
        for (var r = 0; r < requests + 20; r++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = work((r * 37) % slices);
            if (r >= 20)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        return times;
    }

    /// <summary>The reformat as SliceExtractor cut it before (kept here to measure against).</summary>
    private static VolumeSlice PerVoxelCut(Volume volume, SliceOrientation orientation, int index)
    {
        var (width, height) = orientation switch
        {
            SliceOrientation.Axial => (volume.Nx, volume.Ny),
            SliceOrientation.Coronal => (volume.Nx, volume.Nz),
            _ => (volume.Ny, volume.Nz),
        };
        var values = new float[width * height];
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                values[(row * width) + column] = orientation switch
                {
                    SliceOrientation.Axial => volume[column, row, index],
                    SliceOrientation.Coronal => volume[column, index, volume.Nz - 1 - row],
                    _ => volume[index, column, volume.Nz - 1 - row],
                };
            }
        }
        return new VolumeSlice(width, height, values, 1, 1, volume.VoxelType == VoxelType.Int16);
    }
}
