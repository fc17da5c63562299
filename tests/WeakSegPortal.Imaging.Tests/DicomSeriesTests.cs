using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Tests.Support;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>Series written by pydicom from CT_small with shuffled names and reversed InstanceNumbers.</summary>
public class DicomSeriesTests
{
    private readonly DicomVolumeReader _reader = new(new GdcmDicomCodec());

    [Fact]
    public void Slices_are_ordered_by_position_along_the_normal_not_by_name_or_instance_number()
    {
        using var temp = new TempFolder();
        PythonReference.Run("make-series", temp.Path, "even");
        var expected = PythonReference.Run("dicom", ExternalData.Pydicom("CT_small.dcm")).Doubles("values");

        var volume = _reader.Read(temp.Path);

        Assert.Equal((128, 128, 5), (volume.Nx, volume.Ny, volume.Nz));
        for (var k = 0; k < 5; k++)
        {
            // make-series adds 100·k to slice k's stored values, k counting from the lowest z.
            Assert.Equal(expected[0] + (100 * k), volume[0, 0, k]);
            Assert.Equal(expected[5000] + (100 * k), volume[5000 % 128, 5000 / 128, k]);
        }
    }

    [Fact]
    public void Series_spacing_and_origin_come_from_the_slice_positions()
    {
        using var temp = new TempFolder();
        PythonReference.Run("make-series", temp.Path, "even");

        var g = _reader.Read(temp.Path).Geometry;

        Assert.Equal(2.5, g.Spacing.Z, 6);
        VolumeAssert.Near(new Volumes.Vec3(-100, -120, 0), g.Origin);
        VolumeAssert.Near(new Volumes.Vec3(-100, -120, 10), g.IndexToWorld(new Volumes.Vec3(0, 0, 4)));
        VolumeAssert.Near(new Volumes.Vec3(0, 0, 1), g.Direction.AxisK);
    }

    [Fact]
    public void A_series_with_a_missing_slice_is_refused_as_unevenly_spaced()
    {
        using var temp = new TempFolder();
        PythonReference.Run("make-series", temp.Path, "uneven");

        var e = Assert.Throws<ImageReadException>(() => _reader.Read(temp.Path));

        Assert.Equal(ImageReadFailure.InconsistentSeries, e.Failure);
        Assert.Contains("unevenly spaced", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_whose_slices_disagree_on_orientation_is_refused()
    {
        using var temp = new TempFolder();
        PythonReference.Run("make-series", temp.Path, "tilted");

        var e = Assert.Throws<ImageReadException>(() => _reader.Read(temp.Path));

        Assert.Equal(ImageReadFailure.InconsistentSeries, e.Failure);
        Assert.Contains("orientation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_two_series_is_grouped_by_uid_and_refused_as_ambiguous()
    {
        using var temp = new TempFolder();
        PythonReference.Run("make-series", Path.Combine(temp.Path, "one"), "even");
        PythonReference.Run("make-series", Path.Combine(temp.Path, "two"), "even");
        File.WriteAllText(temp.File("notes.txt"), "not dicom");

        var scan = new DicomFolderScanner(new GdcmDicomCodec()).Scan(temp.Path);
        var e = Assert.Throws<ImageReadException>(() => _reader.Read(temp.Path));

        Assert.Equal(2, scan.Series.Count);
        Assert.All(scan.Series, s => Assert.Equal(5, s.Files.Count));
        Assert.Single(scan.Skipped);
        Assert.Contains("2 series", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_series_of_a_scanned_folder_reads_on_its_own()
    {
        using var temp = new TempFolder();
        PythonReference.Run("make-series", Path.Combine(temp.Path, "one"), "even");
        PythonReference.Run("make-series", Path.Combine(temp.Path, "two"), "even");

        var scan = new DicomFolderScanner(new GdcmDicomCodec()).Scan(temp.Path);

        Assert.All(scan.Series, s => Assert.Equal(5, _reader.ReadSeries(s).Nz));
    }

    [Fact]
    public void A_truncated_file_in_a_series_folder_is_skipped_with_its_reason_instead_of_crashing()
    {
        using var temp = new TempFolder();
        PythonReference.Run("make-series", temp.Path, "even");
        var bytes = File.ReadAllBytes(ExternalData.Pydicom("CT_small.dcm"));
        File.WriteAllBytes(temp.File("cut.dcm"), bytes[..3000]);

        var scan = new DicomFolderScanner(new GdcmDicomCodec()).Scan(temp.Path);

        Assert.Equal(5, Assert.Single(scan.Series).Files.Count);
        Assert.Contains("truncated", Assert.Single(scan.Skipped).Reason, StringComparison.Ordinal);
        Assert.Equal(5, _reader.Read(temp.Path).Nz);
    }
}
