using System.IO.Compression;
using System.Text.Json;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Imaging.Dicom.Segmentation;
using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// Writes an export's zip (docs/export-formats.md): <c>weak-labels.json</c> always; per item <c>nifti/{item}/consensus.nii.gz</c>
/// and <c>annotator-{id}.nii.gz</c> with the item's own affine; for 2D images <c>png/{item}/…png</c> and one <c>coco.json</c>;
/// for items from DICOM <c>dicom-seg/{item}/…dcm</c> (<see cref="DicomSegEntries"/>).
/// After each item it asks <c>progress</c> whether to go on (false: cancelled, nothing is kept).
/// </summary>
public static class ExportWriter
{
    public const string WeakLabelsEntry = "weak-labels.json";
    public const string CocoEntry = "coco.json";

    public static async Task<IReadOnlyList<string>> WriteAsync(ExportContent content, IReadOnlyList<string> formats, Stream zip, Func<int, Task<bool>> progress,
        IDicomSegmentationWriter segmentations, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(progress);
        var classIds = content.Project.Classes.Select(c => c.Id).Where(c => c is > 0 and < 256).Order().ToList();
        var items = new List<ExchangeItem>(content.Items.Count);
        var coco = new CocoDocument(content.Project);
        var notes = new List<string>();
        var dicomSeg = formats.Contains(ExportFormats.DicomSeg) ? new DicomSegEntries(segmentations, content.Project, classIds, clock) : null;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true);
        var done = 0;
        foreach (var item in content.Items)
        {
            ct.ThrowIfCancellationRequested();
            var geometry = ExportGeometry.Of(item.Geometry);
            var world = ExportGeometry.World(geometry);
            var annotators = content.Labels[item.Id].Where(l => l.Annotations.Count > 0).OrderBy(l => l.AnnotatorId).ToList();
            items.Add(new ExchangeItem(item.Id, item.Name, item.ContentHash, item.Modality, ExportGeometry.ToExchange(item.Geometry), item.IsGold,
                [.. annotators.Select(a => new ExchangeAnnotator(a.AnnotatorId, item.SubmittedBy.Contains(a.AnnotatorId),
                    [.. a.Annotations.Select(s => ExchangeLabels.From(s, a.AnnotatorId, world))]))],
                content.Adjudications.TryGetValue(item.Id, out var adjudicated)
                    ? [.. adjudicated.Kept.SelectMany(k => k.Annotations.Select(s => ExchangeLabels.From(s, k.AnnotatorId, world)))]
                    : null));
            var grid = ItemGrids.Of(item.Geometry);
            var weak = annotators.Select(a => a.ToWeakLabels()).ToList();
            var maps = new List<(string Name, byte[] Map)> { ("consensus", LabelMaps.Consensus(weak, classIds, grid)) };
            maps.AddRange(annotators.Select((a, n) => ($"annotator-{a.AnnotatorId}", LabelMaps.OfAnnotator(weak[n], classIds, grid))));
            if (formats.Contains(ExportFormats.Nifti))
            {
                foreach (var (name, map) in maps)
                {
                    await AddNiftiAsync(archive, $"nifti/{item.Id}/{name}.nii.gz", geometry, map, ct);
                }
            }
            if (grid.IsPlanar && formats.Contains(ExportFormats.Png))
            {
                foreach (var (name, map) in maps)
                {
                    await AddAsync(archive, $"png/{item.Id}/{name}.png", PngSliceEncoder.Encode(map, grid.Nx, grid.Ny), ct);
                }
            }
            if (grid.IsPlanar && formats.Contains(ExportFormats.Coco))
            {
                coco.Add(item, maps[0].Map, classIds);
            }
            if (dicomSeg is not null)
            {
                await dicomSeg.AddAsync(archive, item, geometry, maps, annotators, ct);
            }
            done++;
            if (!await progress(done))
            {
                throw new OperationCanceledException("The export was cancelled.");
            }
        }
        var volumes = content.Items.Count(i => i.Geometry.Nz > 1);
        if (volumes > 0 && (formats.Contains(ExportFormats.Png) || formats.Contains(ExportFormats.Coco)))
        {
            notes.Add($"{volumes} item(s) are volumes: PNG and COCO hold 2D images only; their masks are in nifti/.");
        }
        notes.AddRange(dicomSeg?.Notes() ?? []);
        var file = new WeakLabelFile(WeakLabelFile.SchemaName, content.Project.Id, content.Project.Name, clock.GetUtcNow(),
            [.. content.Project.Classes.Select(c => new ExchangeClass(c.Id, c.Name, c.Colour))], items);
        await AddAsync(archive, WeakLabelsEntry, JsonSerializer.SerializeToUtf8Bytes(file, WeakLabelFile.Json), ct);
        if (formats.Contains(ExportFormats.Coco))
        {
            await AddAsync(archive, CocoEntry, coco.ToJson(), ct);
        }
        return notes;
    }

    private static async Task AddNiftiAsync(ZipArchive archive, string entry, VolumeGeometry geometry, byte[] map, CancellationToken ct)
    {
        var voxels = new short[map.Length];
        for (var v = 0; v < map.Length; v++)
        {
            voxels[v] = map[v];
        }
        var volume = Volume.FromInt16(geometry, new VolumeMetadata { SeriesDescription = "WeakSegPortal label map" }, voxels);
        var path = Path.Combine(Path.GetTempPath(), $"weakseg-export-{Guid.NewGuid():N}.nii.gz");
        try
        {
            NiftiWriter.Write(volume, path, NiftiDataType.UInt8);
            await AddAsync(archive, entry, await File.ReadAllBytesAsync(path, ct), ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task AddAsync(ZipArchive archive, string entry, byte[] bytes, CancellationToken ct)
    {
        // NIfTI and PNG are compressed already: stored as they are.
        var level = entry.EndsWith(".json", StringComparison.Ordinal) ? CompressionLevel.Fastest : CompressionLevel.NoCompression;
        await using var stream = archive.CreateEntry(entry, level).Open();
        await stream.WriteAsync(bytes, ct);
    }
}
