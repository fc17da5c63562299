using WeakSegPortal.Cli.Staging;
using WeakSegPortal.Imaging;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Imaging.Raster;
using WeakSegPortal.Imaging.Staging;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Cli.Commands;

/// <summary>
/// `weakseg stage STAGING --blobs ROOT [--skip FILE]`: decodes every unit of an import's staging folder,
/// stores each volume in the blob store and reports one JSON line per event (<see cref="StageEvent"/>).
/// Runs as a child of the portal so that a decoder crash on a damaged file never takes the portal down.
/// </summary>
internal static class StageCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, CancellationToken ct)
    {
        var root = Path.GetFullPath(args.Positional(0, "STAGING"));
        if (!Directory.Exists(root))
        {
            throw new CliUsageException($"staging folder not found: {root}");
        }
        var skip = args.Option("skip") is { } skipFile ? await StageSkipList.ReadAsync(skipFile, ct) : StageSkipList.Empty;
        var events = new EventLineWriter(stdout);
        var codec = new GdcmDicomCodec();
        var units = new StagingPlanner(codec, events).Plan(root, skip, ct);
        events.Write(new StageEvent { Event = StageEvent.Plan, Units = units.Count });
        var writer = new VolumeBlobWriter(new LocalDiskBlobStore(args.RequiredOption("blobs")));
        var dicom = new DicomVolumeReader(codec);
        foreach (var unit in units)
        {
            ct.ThrowIfCancellationRequested();
            events.Write(new StageEvent { Event = StageEvent.Start, Unit = unit.Id, Files = unit.Files });
            try
            {
                var volume = unit.Series is { } series ? dicom.ReadSeries(series, ct) : ReadFile(unit.Path!, ct);
                var (key, hash) = await writer.StoreAsync(volume, ct);
                events.Write(new StageEvent { Event = StageEvent.Item, Unit = unit.Id, Files = unit.Files, Volume = Describe(unit, volume, key, hash) });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var reason = e is ImageReadException ? e.Message : $"The image could not be decoded ({e.Message}).";
                foreach (var file in unit.Files)
                {
                    events.Write(new StageEvent { Event = StageEvent.Refused, Unit = unit.Id, File = file, Reason = reason });
                }
            }
        }
        events.Write(new StageEvent { Event = StageEvent.Done, Units = units.Count });
        return 0;
    }

    private static Volume ReadFile(string path, CancellationToken ct)
    {
        var nifti = new NiftiVolumeReader();
        return nifti.CanRead(path) ? nifti.Read(path, ct) : new RasterVolumeReader().Read(path, ct);
    }

    private static StagedVolume Describe(StagingUnit unit, Volume volume, BlobKey key, string hash)
    {
        var g = volume.Geometry;
        var m = volume.Metadata;
        return new StagedVolume(
            NameOf(unit, m),
            [g.Nx, g.Ny, g.Nz],
            [g.Spacing.X, g.Spacing.Y, g.Spacing.Z],
            [g.Origin.X, g.Origin.Y, g.Origin.Z],
            g.Direction.ToRowMajor(),
            m.Modality,
            m.SourceFormat,
            volume.VoxelType.ToString(),
            m.SeriesInstanceUid.Length > 0 ? m.SeriesInstanceUid : null,
            hash,
            key.Hex,
            volume.Warnings,
            m.StudyInstanceUid.Length > 0 ? m.StudyInstanceUid : null,
            m.SopClassUid.Length > 0 ? m.SopClassUid : null,
            m.SopInstanceUids.Count > 0 ? m.SopInstanceUids : null,
            m.FrameOfReferenceUid.Length > 0 ? m.FrameOfReferenceUid : null);
    }

    /// <summary>A single file keeps its name; a series is named by its description, else by its folder.</summary>
    private static string NameOf(StagingUnit unit, VolumeMetadata metadata)
    {
        if (unit.Files.Count == 1)
        {
            return unit.Files[0];
        }
        var folder = Path.GetDirectoryName(unit.Files[0])?.Replace(Path.DirectorySeparatorChar, '/');
        var label = metadata.SeriesDescription.Trim().Length > 0 ? metadata.SeriesDescription.Trim() : $"{metadata.Modality} series".Trim();
        return string.IsNullOrEmpty(folder) ? label : $"{folder}/{label}";
    }
}
