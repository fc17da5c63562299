using System.IO.Compression;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Dicom.Segmentation;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// Writes an export's <c>dicom-seg/{item}/consensus.dcm</c> and <c>annotator-{id}.dcm</c> for items from DICOM and keeps count
/// of what it could not write, for the export's notes: items not from DICOM, maps without a voxel (a Segmentation needs a
/// frame), sources imported before their Frame of Reference UID was kept (a new one is given).
/// </summary>
public sealed class DicomSegEntries(IDicomSegmentationWriter writer, ProjectSummary project, IReadOnlyList<int> classIds, TimeProvider clock)
{
    private int _notDicom;
    private int _empty;
    private int _newFrameOfReference;

    public async Task AddAsync(ZipArchive archive, ItemView item, VolumeGeometry geometry, IReadOnlyList<(string Name, byte[] Map)> maps,
        IReadOnlyList<AnnotatorItemLabels> annotators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(annotators);
        if (!DicomSources.Covers(item.Source, geometry.Nz))
        {
            _notDicom++;
            return;
        }
        var frameOfReference = item.Source!.FrameOfReferenceUid;
        if (frameOfReference is null)
        {
            frameOfReference = DicomUids.New();
            _newFrameOfReference++;
        }
        var at = clock.GetUtcNow();
        foreach (var (name, map) in maps)
        {
            if (map.AsSpan().IndexOfAnyExcept((byte)0) < 0)
            {
                _empty++;
                continue;
            }
            var consensus = name == "consensus";
            var labels = consensus
                ? annotators.SelectMany(a => a.Annotations)
                : annotators.Single(a => name == $"annotator-{a.AnnotatorId}").Annotations;
            var document = DicomSegDocuments.Of(item, geometry, project, classIds, map, labels,
                consensus ? "CONSENSUS" : "ANNOTATOR", consensus ? $"{item.Name} consensus" : $"{item.Name} {name}", frameOfReference, at);
            await using var stream = archive.CreateEntry($"dicom-seg/{item.Id}/{name}.dcm", CompressionLevel.Fastest).Open();
            using var buffer = new MemoryStream();
            writer.Write(document, buffer, ct);
            buffer.Position = 0;
            await buffer.CopyToAsync(stream, ct);
        }
    }

    /// <summary>Sentences for the export's notes about what was left out.</summary>
    public IEnumerable<string> Notes()
    {
        if (_notDicom > 0)
        {
            yield return $"{_notDicom} item(s) were not imported from DICOM: DICOM-SEG is written only for DICOM sources.";
        }
        if (_empty > 0)
        {
            yield return $"{_empty} mask(s) hold no labelled voxel: no DICOM-SEG is written for them (a segmentation needs a frame).";
        }
        if (_newFrameOfReference > 0)
        {
            yield return $"{_newFrameOfReference} item(s) were imported before their Frame of Reference UID was kept: their DICOM-SEG has a new one.";
        }
    }
}
