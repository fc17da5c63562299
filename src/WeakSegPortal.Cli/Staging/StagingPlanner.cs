using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Imaging.Raster;
using WeakSegPortal.Imaging.Staging;

namespace WeakSegPortal.Cli.Staging;

/// <summary>
/// Sorts a staging folder into units: DICOM files grouped by series (headers only), NIfTI and raster
/// files one unit each; empty files, nested archives and non-DICOM files are refused on the way.
/// </summary>
internal sealed class StagingPlanner(IDicomCodec codec, EventLineWriter events)
{
    private readonly NiftiVolumeReader _nifti = new();
    private readonly RasterVolumeReader _raster = new();

    public IReadOnlyList<StagingUnit> Plan(string root, StageSkipList skip, CancellationToken ct)
    {
        var units = new List<StagingUnit>();
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var analyzeImages = files.Where(f => f.EndsWith(".hdr", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.ChangeExtension(f, ".img")).ToHashSet(StringComparer.Ordinal);
        foreach (var path in files)
        {
            ct.ThrowIfCancellationRequested();
            var relative = StagingPaths.Relative(root, path);
            if (skip.Files.Contains(relative) || analyzeImages.Contains(path))
            {
                continue;
            }
            if (new FileInfo(path).Length == 0)
            {
                Refuse(relative, "The file is empty.");
            }
            else if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                Refuse(relative, "An archive inside an archive is not expanded; upload it on its own.");
            }
            else if (_nifti.CanRead(path) || _raster.CanRead(path))
            {
                units.Add(StagingUnit.OfFile(relative, path));
            }
            else
            {
                candidates.Add(relative);
            }
        }

        if (candidates.Count > 0)
        {
            var scan = new DicomFolderScanner(new ScanReportingCodec(codec, root, candidates, events)).Scan(root, ct);
            foreach (var skipped in scan.Skipped.Where(s => candidates.Contains(StagingPaths.Relative(root, s.Path))))
            {
                Refuse(StagingPaths.Relative(root, skipped.Path), skipped.Reason);
            }
            units.AddRange(scan.Series.Select(s => StagingUnit.OfSeries(s, [.. s.Files.Select(f => StagingPaths.Relative(root, f.Path)).Order(StringComparer.Ordinal)])));
        }
        return [.. units.Where(u => !skip.Units.Contains(u.Id))];
    }

    private void Refuse(string relative, string reason) =>
        events.Write(new StageEvent { Event = StageEvent.Refused, File = relative, Reason = reason });
}
