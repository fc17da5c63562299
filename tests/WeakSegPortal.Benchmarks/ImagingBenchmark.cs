using System.Diagnostics;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Rendering;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// Slice serving and series import costs: a 512×512 CT slice windowed and PNG-encoded or raw-encoded
/// (median and p95 over many runs), and read+decode throughput of a generated 512×512×N DICOM series.
/// Optional arguments: number of slices in the series (default 64), encode iterations (default 300).
/// </summary>
internal static class ImagingBenchmark
{
    public static void Run(string[] args)
    {
        var seriesSlices = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 64;
        var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300;
        Console.WriteLine($"imaging benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var ct = new DemoVolumeGenerator(42).CreateCt(512, seriesSlices);
        var slice = SliceExtractor.Extract(ct.Image, SliceOrientation.Axial, seriesSlices / 2);
        var pngBytes = 0;
        var png = Measure(iterations, () => pngBytes = PngSliceEncoder.Encode(slice, WindowPresets.Mediastinum).Length);
        Console.WriteLine($"512x512 CT slice -> windowed PNG (mediastinum, zlib 1): median {png.Median:0.00} ms, p95 {png.P95:0.00} ms, {pngBytes / 1024.0:0.0} KiB");
        var window = Measure(iterations, () => SliceRenderer.ToGrey8(slice, WindowPresets.Mediastinum));
        Console.WriteLine($"  of which windowing to 8-bit:             median {window.Median:0.00} ms, p95 {window.P95:0.00} ms");
        var rawBytes = 0;
        var raw = Measure(iterations, () => rawBytes = RawSliceFormat.Encode(slice).Length);
        Console.WriteLine($"512x512 CT slice -> raw Int16 (WSSL):      median {raw.Median:0.00} ms, p95 {raw.P95:0.00} ms, {rawBytes / 1024.0:0.0} KiB");
        RealCtSlice(iterations);

        var folder = Path.Combine(Path.GetTempPath(), "weakseg-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var write = Stopwatch.StartNew();
            new GdcmDicomSeriesWriter().Write(ct.Image, folder, new DicomSeriesIdentity("2.25.7", "2.25.7.1", "CT", "benchmark"));
            Console.WriteLine($"wrote 512x512x{seriesSlices} DICOM series in {write.Elapsed.TotalSeconds:0.00} s");
            var reader = new DicomVolumeReader(new GdcmDicomCodec());
            _ = reader.Read(folder); // warm-up: JIT and page cache
            var import = Measure(5, () => reader.Read(folder));
            Console.WriteLine($"series import (scan + order + decode, Int16): median {import.Median:0} ms = {seriesSlices / (import.Median / 1000):0} slices/s, p95 {import.P95:0} ms");
            var scanner = new DicomFolderScanner(new GdcmDicomCodec());
            var scan = Measure(5, () => scanner.Scan(folder));
            Console.WriteLine($"  of which header scan + grouping:           median {scan.Median:0} ms = {seriesSlices / (scan.Median / 1000):0} files/s");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The synthetic slice is noisier than a real one; pydicom's 512² CT shows what real slices cost.
    private static void RealCtSlice(int iterations)
    {
        const string path = "/usr/lib/python3/dist-packages/pydicom/data/test_files/693_J2KI.dcm";
        if (!File.Exists(path))
        {
            Console.WriteLine("(python3-pydicom not installed: no real CT slice to measure)");
            return;
        }

        var slice = SliceExtractor.Extract(new DicomVolumeReader(new GdcmDicomCodec()).Read(path), SliceOrientation.Axial, 0);
        foreach (var (name, window) in new[] { ("mediastinum", WindowPresets.Mediastinum), ("lung", WindowPresets.Lung) })
        {
            var bytes = 0;
            var png = Measure(iterations, () => bytes = PngSliceEncoder.Encode(slice, window).Length);
            Console.WriteLine($"real 512x512 CT (pydicom 693_J2KI) -> PNG ({name}): median {png.Median:0.00} ms, p95 {png.P95:0.00} ms, {bytes / 1024.0:0.0} KiB");
        }
    }

    private static (double Median, double P95) Measure(int iterations, Action action)
    {
        for (var n = 0; n < Math.Min(20, iterations); n++)
        {
            action();
        }

        var times = new double[iterations];
        for (var n = 0; n < iterations; n++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[n] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (times[iterations / 2], times[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.95) - 1)]);
    }
}
