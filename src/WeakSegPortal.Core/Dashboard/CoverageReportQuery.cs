using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Suggestions;

namespace WeakSegPortal.Core.Dashboard;

/// <summary>Reads a project's <see cref="CoverageReport"/> from the read models: item views, label records, agreement summaries, self-agreements and the suggestion events.</summary>
public static class CoverageReportQuery
{
    /// <summary>The report, or null when the project does not exist. Access is the caller's to check (managers only).</summary>
    public static async Task<CoverageReport?> LoadAsync(IQuerySession session, Guid projectId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var project = await session.LoadAsync<ProjectSummary>(projectId, ct);
        if (project is null)
        {
            return null;
        }
        var items = await session.Query<ItemView>().Where(i => i.ProjectId == projectId).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToArray();
        var records = ids.Length == 0 ? [] : await session.Query<AnnotationRecord>().Where(r => r.ItemId.IsOneOf(ids)).ToListAsync(ct);
        var facts = records.Select(r => new LabelFact(r.ItemId, r.AnnotatorId, r.Annotation.ClassId, r.Annotation.Kind, r.Annotation.ActiveMs, StoredLabels.IsAssisted(r.Annotation))).ToList();
        var summaries = await session.Query<ItemAgreementSummary>().Where(s => s.ProjectId == projectId).ToListAsync(ct);
        var repeats = await session.Query<SelfAgreement>().Where(s => s.ProjectId == projectId).ToListAsync(ct);
        var (suggested, accepted) = await SuggestionObjectsAsync(session, ids, ct);
        var gold = await GoldEfficiencyAsync(session, items, ct);
        return CoverageReportBuilder.Build(new CoverageInputs(project, items, facts, summaries, repeats, suggested, accepted, gold), now);
    }

    /// <summary>Suggested objects (annotator × object) on the items, and how many of them ended accepted.</summary>
    private static async Task<(int Suggested, int Accepted)> SuggestionObjectsAsync(IQuerySession session, Guid[] ids, CancellationToken ct)
    {
        if (ids.Length == 0)
        {
            return (0, 0);
        }
        var requested = await session.Events.QueryRawEventDataOnly<SuggestionRequested>().Where(e => e.ItemId.IsOneOf(ids)).ToListAsync(ct);
        var accepted = await session.Events.QueryRawEventDataOnly<SuggestionAccepted>().Where(e => e.ItemId.IsOneOf(ids)).ToListAsync(ct);
        return (requested.Select(e => (e.AnnotatorId, e.ObjectId)).Distinct().Count(), accepted.Select(e => (e.AnnotatorId, e.ObjectId)).Distinct().Count());
    }

    private static async Task<List<IReadOnlyDictionary<string, IReadOnlyList<double>>>> GoldEfficiencyAsync(IQuerySession session, IReadOnlyList<ItemView> items, CancellationToken ct)
    {
        var gold = items.Where(i => i.IsGold && !i.IsRepeat && i.Adjudication is not null && i.SubmittedBy.Count > 0).ToList();
        var result = new List<IReadOnlyDictionary<string, IReadOnlyList<double>>>();
        if (gold.Count == 0)
        {
            return result;
        }
        var labels = (await AnnotationRecords.OfItemsAsync(session, [.. gold.Select(i => i.Id)], ct)).ToLookup(l => l.ItemId);
        foreach (var item in gold)
        {
            var events = await session.Events.FetchStreamAsync(item.Id, token: ct);
            if (events.Select(e => e.Data).OfType<ItemAdjudicated>().LastOrDefault() is { } reference)
            {
                result.Add(LabelEfficiency.OnGoldItem(item, [.. labels[item.Id].Where(l => item.SubmittedBy.Contains(l.AnnotatorId))], reference));
            }
        }
        return result;
    }
}
