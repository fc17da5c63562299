using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Projects;

/// <summary>How many current labels of a project use each class and each annotation kind.</summary>
public sealed record LabelsInUse(IReadOnlyDictionary<int, int> ByClass, IReadOnlyDictionary<AnnotationKind, int> ByKind)
{
    public static async Task<LabelsInUse> ReadAsync(IQuerySession session, Guid projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var items = await session.Query<ItemView>().Where(i => i.ProjectId == projectId).Select(i => i.Id).ToListAsync(ct);
        var ids = items.ToArray();
        // Read only when a change would retire a class or disallow a kind: rare, so the labels are counted here.
        var labels = ids.Length == 0
            ? []
            : await session.Query<AnnotationRecord>().Where(r => r.ItemId.IsOneOf(ids)).Select(r => r.Annotation).ToListAsync(ct);
        return new LabelsInUse(
            labels.GroupBy(a => a.ClassId).ToDictionary(g => g.Key, g => g.Count()),
            labels.Select(a => AnnotationKinds.RequiredSetting(a.Kind)).OfType<AnnotationKind>()
                .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count()));
    }
}
