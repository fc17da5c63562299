using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Training;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// What a training job learns from (docs/training-protocol.md, "Data"): every item of the project with its volume hash and role —
/// <c>validation</c> for gold items whose adjudicated labels hold full masks (held out: those masks are the <c>Reference</c>, no
/// annotator's labels travel), <c>train</c> for items with adjudicated labels or submitted labels, <c>unlabelled</c> otherwise —
/// the adjudicated labels where QA adjudicated, and each annotator's submitted labels with their <see cref="AnnotatorReliability"/>.
/// </summary>
public sealed class TrainingDatasetBuilder(IQuerySession session)
{
    public async Task<TrainingDataset?> BuildAsync(TrainingJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (await session.LoadAsync<ProjectSummary>(job.ProjectId, ct) is not { } project)
        {
            return null;
        }
        var items = await session.Query<ItemView>().Where(i => i.ProjectId == job.ProjectId && i.RepeatOf == null).OrderBy(i => i.RegisteredAt).ToListAsync(ct);
        var labels = (await AnnotationRecords.OfItemsAsync(session, [.. items.Select(i => i.Id)], ct)).ToLookup(l => l.ItemId);
        var cards = (await session.Query<AnnotatorScorecard>().Where(c => c.ProjectId == job.ProjectId).ToListAsync(ct)).ToDictionary(c => c.AnnotatorId);
        var dataset = new List<TrainingItem>(items.Count);
        foreach (var item in items)
        {
            var adjudicated = item.Adjudication is null ? null : await AdjudicatedAsync(item.Id, ct);
            if (item.IsGold && adjudicated is { Masks.Count: > 0 })
            {
                dataset.Add(new TrainingItem(item.Id, item.VolumeKey, item.Modality, TrainingItem.Validation, null, [], adjudicated));
                continue;
            }
            var annotators = labels[item.Id]
                .Where(l => item.SubmittedBy.Contains(l.AnnotatorId) && l.Annotations.Count > 0)
                .OrderBy(l => l.AnnotatorId)
                .Select(l => new AnnotatorWeakLabels(l.AnnotatorId, AnnotatorReliability.Of(cards.GetValueOrDefault(l.AnnotatorId)), l.ToWeakLabels()))
                .ToList();
            var role = adjudicated is not null || annotators.Count > 0 ? TrainingItem.Train : TrainingItem.Unlabelled;
            dataset.Add(new TrainingItem(item.Id, item.VolumeKey, item.Modality, role, adjudicated, annotators, null));
        }
        return new TrainingDataset(job.Id, job.ProjectId, [.. project.Classes.Select(c => new TrainingClass(c.Id, c.Name))], dataset);
    }

    /// <summary>The labels the item's latest adjudication kept.</summary>
    private async Task<WeakLabels?> AdjudicatedAsync(Guid itemId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(itemId, token: ct);
        return events.Select(e => e.Data).OfType<ItemAdjudicated>().LastOrDefault() is { } adjudication
            ? StoredLabels.ToWeakLabels(adjudication.Kept.SelectMany(k => k.Annotations))
            : null;
    }
}
