using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Web.DataImport;

/// <summary>
/// Imports a staging folder into a project: decodes it out of process, refuses duplicates (same
/// series UID or same image content as an item of the project, or as an earlier item of the same
/// import), then registers every new item and the import record in one transaction, so an import
/// is all there or not at all. Blobs are content-addressed: one stored for a refused item is harmless.
/// </summary>
public sealed class ProjectImporter(IDocumentStore store, StagingDecoder decoder, ProjectImportGate gate, TimeProvider clock, ILogger<ProjectImporter> log)
{
    /// <summary>Returns null when the project does not exist.</summary>
    public async Task<ImportReport?> ImportAsync(Guid projectId, Guid by, ImportStaging staging, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staging);
        await using var query = store.QuerySession();
        var project = await query.LoadAsync<ProjectSummary>(projectId, ct);
        if (project is null)
        {
            return null;
        }
        var decoded = await decoder.DecodeAsync(staging.Folder, progress, ct);
        progress?.Report(new ImportProgress(ImportPhase.Recording, 0, 1));
        // Duplicate check and write under one gate per project: racing uploads of one series cannot both get in.
        using var entered = await gate.EnterAsync(projectId, ct);

        var hashes = decoded.Items.Select(i => i.Volume.ContentHash).Distinct().ToList();
        var seriesUids = decoded.Items.Select(i => i.Volume.SeriesInstanceUid).OfType<string>().Distinct().ToList();
        var existing = await query.Query<ItemView>()
            .Where(i => i.ProjectId == projectId && (hashes.Contains(i.ContentHash) || seriesUids.Contains(i.SeriesInstanceUid!)))
            .ToListAsync(ct);

        var importId = Guid.CreateVersion7();
        var at = clock.GetUtcNow();
        var known = new DuplicateFinder(existing);
        var items = new List<ImportedItem>();
        var files = new List<ImportFileResult>();
        await using var session = store.LightweightSession();
        // Under the gate: numbers run on from the project's items without two imports taking the same.
        var number = await ItemPseudonym.NextNumberAsync(query, projectId, ct);
        foreach (var item in decoded.Items)
        {
            var v = item.Volume;
            if (known.Find(v) is { } duplicate)
            {
                files.AddRange(item.Files.Select(f => new ImportFileResult(f, false, null, null, duplicate)));
                continue;
            }
            var itemId = Guid.CreateVersion7();
            var modality = v.Modality.Length > 0 ? v.Modality : project.Modality.ToString();
            var geometry = new ItemGeometry(v.Dims[0], v.Dims[1], v.Dims[2], v.Spacing, v.Origin, v.Direction);
            var pseudonym = ItemPseudonym.Of(project.Name, number++);
            var source = new ItemSource(v.Name, v.StudyInstanceUid, v.SeriesInstanceUid, v.SopClassUid, v.SopInstanceUids, v.FrameOfReferenceUid);
            session.Events.StartStream<ItemView>(itemId, new ItemRegistered(itemId, projectId, importId, pseudonym, modality, geometry, v.BlobKey, v.ContentHash, v.SeriesInstanceUid, by, at, source));
            known.Add(v, itemId);
            items.Add(new ImportedItem(itemId, v.Name, modality, v.Dims, v.Spacing, item.Files.Count, v.Warnings, pseudonym));
            var message = $"Part of item {v.Name} ({string.Join('×', v.Dims)})" + (v.Warnings.Count > 0 ? $"; {string.Join(" ", v.Warnings)}" : "");
            files.AddRange(item.Files.Select(f => new ImportFileResult(f, true, itemId, v.Name, message)));
        }
        files.AddRange(staging.Refused.Concat(decoded.Refused).Select(r => new ImportFileResult(r.File, false, null, null, r.Reason)));
        files.Sort((a, b) => string.CompareOrdinal(a.File, b.File));

        session.Events.StartStream(importId, new ImportRecorded(
            importId, projectId,
            [.. files.Where(f => f.Accepted).Select(f => new ImportedFile(f.File, f.ItemId, f.Message))],
            [.. files.Where(f => !f.Accepted).Select(f => new ImportedFile(f.File, null, f.Message))],
            by, at));
        await session.SaveChangesAsync(ct);
        var report = new ImportReport(importId, projectId, items, files);
        ImportLog.Recorded(log, importId, projectId, items.Count, report.AcceptedFiles, report.RefusedFiles);
        progress?.Report(new ImportProgress(ImportPhase.Finished, 1, 1));
        return report;
    }
}
