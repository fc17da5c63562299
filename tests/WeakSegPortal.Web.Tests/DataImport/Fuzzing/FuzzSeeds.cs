using System.IO.Compression;
using SkiaSharp;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// The real files the fuzz suite mutates: DICOM written by GDCM from a generated CT and shipped by
/// pydicom (uncompressed, big-endian, implicit, RLE, JPEG, JPEG-LS, JPEG 2000, multi-frame, colour),
/// NIfTI-1/2 from nibabel and from our writer (.nii, .nii.gz), PNG from Skia (8-bit grey, colour) and
/// a 16-bit grey PNG, and zips holding such files (deflated, stored, one nesting another). Nothing is
/// downloaded: the test command installs pydicom and nibabel.
/// </summary>
public static class FuzzSeeds
{
    private const string NibabelFolder = "/usr/lib/python3/dist-packages/nibabel/tests/data";

    public static IReadOnlyList<FuzzSeed> Build()
    {
        var work = Directory.CreateTempSubdirectory("weakseg-fuzz-seeds-").FullName;
        try
        {
            return [.. Dicom(work), .. Nifti(work), .. Png(), .. Zips(work)];
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static IEnumerable<FuzzSeed> Dicom(string work)
    {
        // A generated 4-slice CT series: the mutant is one slice, the other three travel unchanged beside it.
        var series = GeneratedSeries(work, "series", 24, 4, "2.25.4242");
        yield return new FuzzSeed("gen-series", "gen-series.dcm", FuzzFormat.Dicom, series[1], [("-s0.dcm", series[0]), ("-s2.dcm", series[2]), ("-s3.dcm", series[3])]);
        yield return Pydicom("ct-small", "CT_small.dcm");
        foreach (var name in (string[])["MR_small.dcm", "MR_small_bigendian.dcm", "MR_small_implicit.dcm", "MR_small_RLE.dcm", "MR_small_jpeg_ls_lossless.dcm", "MR_small_jp2klossless.dcm"])
        {
            yield return Pydicom("mr-small", name); // one family: the same series UID
        }
        yield return Pydicom("jpeg", "JPEG-lossy.dcm");
        yield return Pydicom("j2k", "JPEG2000.dcm");
        yield return Pydicom("liver", "liver_1frame.dcm");
        yield return Pydicom("rtdose", "rtdose.dcm");
        yield return Pydicom("rgb-rle", "SC_rgb_rle_16bit.dcm");
        yield return Pydicom("rgb-jpeg", "SC_rgb_jpeg_gdcm.dcm");
    }

    private static IEnumerable<FuzzSeed> Nifti(string work)
    {
        var volume = new DemoVolumeGenerator(7).CreateMr(16, 6).Image;
        yield return new FuzzSeed("gen-nii", "gen.nii", FuzzFormat.Nifti, Written(work, volume, "gen.nii"), []);
        yield return new FuzzSeed("gen-nii-gz", "gen.nii.gz", FuzzFormat.Nifti, Written(work, new DemoVolumeGenerator(8).CreateMr(16, 6).Image, "gen.nii.gz"), []);
        yield return Nibabel("anatomical", "anatomical.nii");
        yield return Nibabel("functional", "functional.nii");
        yield return Nibabel("nifti2", "example_nifti2.nii.gz");
        yield return Nibabel("standard", "standard.nii.gz");
    }

    private static IEnumerable<FuzzSeed> Png()
    {
        yield return new FuzzSeed("png-grey", "grey.png", FuzzFormat.Png, ImportTests.Png(24, 16), []);
        yield return new FuzzSeed("png-colour", "colour.png", FuzzFormat.Png, ColourPng(20, 18), []);
        yield return new FuzzSeed("png16", "grey16.png", FuzzFormat.Png, PngChunks.Grey16(18, 12), []);
    }

    private static IEnumerable<FuzzSeed> Zips(string work)
    {
        // Contents unlike every other seed, so that an entry is never a duplicate of another input of its batch.
        var slice = GeneratedSeries(work, "zip-slice", 20, 1, "2.25.4343")[0];
        var nested = ZipOf(CompressionLevel.Optimal, ("inner/grey.png", ImportTests.Png(12, 10)));
        yield return new FuzzSeed("zip", "upload.zip", FuzzFormat.Zip,
            ZipOf(CompressionLevel.Optimal, ("ct/slice.dcm", slice), ("grey.png", ImportTests.Png(14, 9)), ("nested.zip", nested)), []);
        var nii = Written(work, new DemoVolumeGenerator(9).CreateCt(12, 3).Image, "zip.nii");
        yield return new FuzzSeed("zip-stored", "stored.zip", FuzzFormat.Zip, ZipOf(CompressionLevel.NoCompression, ("volume.nii", nii), ("grey16.png", PngChunks.Grey16(9, 7))), []);
    }

    public static byte[] ZipOf(CompressionLevel level, params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = archive.CreateEntry(name, level).Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    private static List<byte[]> GeneratedSeries(string work, string name, int size, int slices, string uid)
    {
        var ct = new DemoVolumeGenerator(size + slices).CreateCt(size, slices);
        var files = new GdcmDicomSeriesWriter().Write(ct.Image, Path.Combine(work, name), new DicomSeriesIdentity(uid, uid + ".1", "CT", "fuzz seed"));
        return [.. files.Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }

    private static byte[] Written(string work, WeakSegPortal.Imaging.Volumes.Volume volume, string name)
    {
        var path = Path.Combine(work, name);
        NiftiWriter.Write(volume, path);
        return File.ReadAllBytes(path);
    }

    private static FuzzSeed Pydicom(string family, string name) =>
        new(family, name, FuzzFormat.Dicom, File.ReadAllBytes(DebianTestFiles.Pydicom(name)), []);

    private static FuzzSeed Nibabel(string family, string name)
    {
        var path = Path.Combine(NibabelFolder, name);
        return File.Exists(path)
            ? new FuzzSeed(family, name, FuzzFormat.Nifti, File.ReadAllBytes(path), [])
            : throw new FileNotFoundException($"{path} is missing: the test command installs python3-nibabel.", path);
    }

    private static byte[] ColourPng(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 11), (byte)(y * 13), (byte)(x ^ y)));
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
