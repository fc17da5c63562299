using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>Submit's access rule for the suggestion calls: the item is the annotator's when it is assigned to them and they are on its project's team.</summary>
public static class AnnotatorItem
{
    public static async Task<ItemView?> LoadAsync(IQuerySession session, Guid itemId, Guid annotator, CancellationToken ct) =>
        (await LoadWithProjectAsync(session, itemId, annotator, ct))?.Item;

    /// <summary>The item with its project (whose suggestion engine answers the item's prompts), or null when not the annotator's.</summary>
    public static async Task<(ItemView Item, ProjectSummary Project)?> LoadWithProjectAsync(IQuerySession session, Guid itemId, Guid annotator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var item = await session.LoadAsync<ItemView>(itemId, ct);
        var project = item is null ? null : await session.LoadAsync<ProjectSummary>(item.ProjectId, ct);
        return item is not null && project is not null && item.AssignedTo.Contains(annotator) && ProjectAccess.CanAnnotate(project, annotator) ? (item, project) : null;
    }
}
