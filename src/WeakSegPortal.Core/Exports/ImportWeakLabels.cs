using System.Security.Cryptography;
using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Exports;

/// <summary>A project manager imports a weak-label file (an export of this or another project, or another tool's labels in the schema).</summary>
public sealed record ImportWeakLabels(Guid ProjectId, WeakLabelFile File, Guid By);

/// <summary>What an import did: labels stored, labels already there (a file imported twice stores nothing new), items not found.</summary>
public sealed record WeakLabelImportReport(Guid ImportId, int Items, int Labels, int AlreadyThere, IReadOnlyList<string> Unmatched);

/// <summary>
/// Finds each item of the file in the project — by its id, else by its content hash (the same image imported elsewhere) —
/// and appends every label to its annotator's stream as the event that made it, with its annotator, time, active time and
/// provenance; an annotator who submitted the item in the file has submitted it here too. A label keeps its id on the item
/// it came from and gets an id derived from (item, id) on another, so importing a file twice stores nothing twice.
/// Classes the project does not have refuse the whole file.
/// </summary>
public sealed class ImportWeakLabelsHandler(IDocumentSession session, TimeProvider clock)
{
    public async Task<(CommandResult Result, WeakLabelImportReport? Report)> HandleAsync(ImportWeakLabels command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await session.LoadAsync<ProjectSummary>(command.ProjectId, ct) is not { } project)
        {
            return (CommandResult.Refused("", "This project does not exist."), null);
        }
        var known = project.Classes.Select(c => c.Id).Append(Agreement.LabelSetAgreement.BackgroundClassId).ToHashSet();
        var labels = command.File.Items.SelectMany(i => i.Annotators.SelectMany(a => a.Labels)).ToList();
        var strange = labels.Select(l => l.ClassId).Where(c => !known.Contains(c)).Distinct().Order().ToList();
        if (strange.Count > 0)
        {
            return (CommandResult.Refused("file", $"The file labels classes this project does not have (ids {string.Join(", ", strange)}); add them to the project first."), null);
        }
        try
        {
            _ = labels.Select(l => ExchangeLabel.ToWeakLabels([l])).ToList();
        }
        catch (InvalidDataException e)
        {
            return (CommandResult.Refused("file", e.Message), null);
        }
        var items = await session.Query<ItemView>().Where(i => i.ProjectId == command.ProjectId && i.RepeatOf == null).ToListAsync(ct);
        var byId = items.ToDictionary(i => i.Id);
        var byHash = items.Where(i => i.ContentHash.Length > 0).GroupBy(i => i.ContentHash).ToDictionary(g => g.Key, g => g.First());
        var matches = command.File.Items
            .Select(x => (File: x, Target: byId.GetValueOrDefault(x.Id) ?? (x.ContentHash is { } h ? byHash.GetValueOrDefault(h) : null)))
            .ToList();
        var targets = matches.Where(m => m.Target is not null).Select(m => m.Target!.Id).Distinct().ToList();
        var present = (await AnnotationRecords.OfItemsAsync(session, targets, ct)).SelectMany(l => l.Annotations).Select(a => a.AnnotationId).ToHashSet();
        var now = clock.GetUtcNow();
        var (stored, already) = (0, 0);
        foreach (var (file, target) in matches)
        {
            if (target is null)
            {
                continue;
            }
            foreach (var annotator in file.Annotators)
            {
                foreach (var label in annotator.Labels)
                {
                    var original = label.AnnotationId ?? label.CommandId ?? Guid.NewGuid();
                    var id = target.Id == file.Id ? original : Derived(target.Id, original);
                    if (!present.Add(id))
                    {
                        already++;
                        continue;
                    }
                    session.Events.Append(AnnotationStreams.For(target.Id, annotator.Id), ExchangeLabels.ToEvent(label, target.Id, annotator.Id, id, now));
                    stored++;
                }
                if (annotator.Submitted && !target.SubmittedBy.Contains(annotator.Id))
                {
                    var at = annotator.Labels.Select(l => l.At).Max() ?? now;
                    if (!target.AssignedTo.Contains(annotator.Id))
                    {
                        session.Events.Append(target.Id, new ItemAssigned(target.Id, annotator.Id, at));
                    }
                    session.Events.Append(target.Id, new ItemSubmitted(target.Id, annotator.Id, annotator.Labels.Sum(l => l.ActiveMs), at));
                }
            }
        }
        var unmatched = matches.Where(m => m.Target is null).Select(m => m.File.Name).ToList();
        var importId = Guid.NewGuid();
        var matched = matches.Count(m => m.Target is not null);
        session.Events.StartStream(importId, new WeakLabelsImported(importId, command.ProjectId, command.File.ProjectName, matched, stored, already, unmatched, command.By, now));
        await session.SaveChangesAsync(ct);
        return (CommandResult.Ok(importId), new WeakLabelImportReport(importId, matched, stored, already, unmatched));
    }

    /// <summary>A stable id for a label copied onto another item: the same file imported again finds it there.</summary>
    private static Guid Derived(Guid item, Guid original)
    {
        Span<byte> both = stackalloc byte[32];
        item.TryWriteBytes(both);
        original.TryWriteBytes(both[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(both, hash);
        return new Guid(hash[..16]);
    }
}
