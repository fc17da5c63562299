using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Qa;

/// <summary>Loads an item for a QA decision and checks the reviewer may decide on it.</summary>
internal static class ReviewedItem
{
    public static async Task<(ItemView? Item, string? Refusal)> LoadAsync(IQuerySession session, Guid itemId, Guid by, bool byManager, CancellationToken ct)
    {
        var item = await session.LoadAsync<ItemView>(itemId, ct);
        if (item is null)
        {
            return (null, "This item does not exist.");
        }
        var project = await session.LoadAsync<ProjectSummary>(item.ProjectId, ct);
        return project is not null && QaAccess.CanReview(project, by, byManager)
            ? (item, null)
            : (null, "You do not review this item's project.");
    }
}
