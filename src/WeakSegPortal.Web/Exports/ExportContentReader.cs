using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Web.Exports;

/// <summary>Reads what an export writes: the project, the items its filter keeps (in import order) with their labels and adjudications.</summary>
public sealed class ExportContentReader(IQuerySession session)
{
    public async Task<ExportContent?> ReadAsync(ProjectExport export, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(export);
        if (await session.LoadAsync<ProjectSummary>(export.ProjectId, ct) is not { } project)
        {
            return null;
        }
        var items = (await session.Query<ItemView>().Where(i => i.ProjectId == export.ProjectId && i.RepeatOf == null).OrderBy(i => i.RegisteredAt).ToListAsync(ct))
            .Where(export.Filter.Keeps).ToList();
        var labels = (await AnnotationRecords.OfItemsAsync(session, [.. items.Select(i => i.Id)], ct)).ToLookup(l => l.ItemId);
        var adjudications = new Dictionary<Guid, ItemAdjudicated>();
        foreach (var item in items.Where(i => i.Adjudication is not null))
        {
            var events = await session.Events.FetchStreamAsync(item.Id, token: ct);
            if (events.Select(e => e.Data).OfType<ItemAdjudicated>().LastOrDefault() is { } last)
            {
                adjudications[item.Id] = last;
            }
        }
        return new ExportContent(project, items, labels, adjudications);
    }
}
