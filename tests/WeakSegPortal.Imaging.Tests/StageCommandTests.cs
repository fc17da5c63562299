using WeakSegPortal.Cli;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Staging;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Tests.Support;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>`weakseg stage`: the JSON-line protocol the portal's importer reads from its child process.</summary>
public sealed class StageCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_series_becomes_one_stored_volume_and_a_text_file_is_refused()
    {
        var staging = Directory.CreateDirectory(_temp.File("staging")).FullName;
        var ct = new DemoVolumeGenerator(7).CreateCt(32, 4);
        new GdcmDicomSeriesWriter().Write(ct.Image, Path.Combine(staging, "series"), new DicomSeriesIdentity("2.25.1", "2.25.1.2", "CT", "abdomen"));
        await File.WriteAllTextAsync(Path.Combine(staging, "readme.txt"), "not an image");

        var events = await StageAsync(staging);

        Assert.Equal(StageEvent.Plan, events.Single(e => e.Event == StageEvent.Plan).Event);
        Assert.Equal(1, events.Single(e => e.Event == StageEvent.Plan).Units);
        var start = Assert.Single(events, e => e.Event == StageEvent.Start);
        Assert.Equal("dicom:2.25.1/2.25.1.2", start.Unit);
        Assert.Equal(4, start.Files!.Count);
        var item = Assert.Single(events, e => e.Event == StageEvent.Item).Volume!;
        Assert.Equal([32, 32, 4], item.Dims);
        Assert.Equal("2.25.1.2", item.SeriesInstanceUid);
        Assert.Equal("series/abdomen", item.Name);
        Assert.Equal("CT", item.Modality);
        var refused = Assert.Single(events, e => e.Event == StageEvent.Refused);
        Assert.Equal("readme.txt", refused.File);
        Assert.Equal(StageEvent.Done, events[^1].Event);

        await using var blob = await new LocalDiskBlobStore(_temp.File("blobs")).OpenReadAsync(new BlobKey(item.BlobKey), CancellationToken.None);
        var stored = await VolumeBlobFormat.ReadAsync(blob!, CancellationToken.None);
        Assert.Equal(ct.Image.Int16Voxels, stored.Int16Voxels);
    }

    [Fact]
    public async Task Units_and_files_on_the_skip_list_are_left_out()
    {
        var staging = Directory.CreateDirectory(_temp.File("staging")).FullName;
        File.Copy(ExternalData.Nibabel("anatomical.nii"), Path.Combine(staging, "a.nii"));
        File.Copy(ExternalData.Pydicom("CT_small.dcm"), Path.Combine(staging, "ct.dcm"));
        File.Copy(ExternalData.Pydicom("MR_small.dcm"), Path.Combine(staging, "mr.dcm"));
        var skip = _temp.File("skip.txt");
        await File.WriteAllLinesAsync(skip, ["unit file:a.nii", "file mr.dcm"]);

        var events = await StageAsync(staging, "--skip", skip);

        Assert.Equal(["ct.dcm"], events.Where(e => e.Event == StageEvent.Scan).Select(e => e.File));
        Assert.Equal("ct.dcm", Assert.Single(events, e => e.Event == StageEvent.Item).Volume!.Name);
        Assert.DoesNotContain(events, e => e.Event == StageEvent.Refused);
    }

    private async Task<List<StageEvent>> StageAsync(string staging, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandDispatcher.RunAsync(["stage", staging, "--blobs", _temp.File("blobs"), .. extra], stdout, stderr, CancellationToken.None);
        Assert.True(code == 0, stderr.ToString());
        return [.. stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => StageEvent.Parse(line)!)];
    }
}
