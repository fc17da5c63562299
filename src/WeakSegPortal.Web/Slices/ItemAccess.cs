using System.Security.Claims;
using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Slices;

/// <summary>Finds an item a person may see: the team of its project, or a manager.</summary>
public static class ItemAccess
{
    /// <summary>The one answer for an item that does not exist and for one of another project, so that ids reveal nothing.</summary>
    public const string NoSuchItem = "No such item.";

    public static async Task<(ItemView? Item, IResult? Refusal)> LoadAsync(IQuerySession session, Guid itemId, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var item = await session.LoadAsync<ItemView>(itemId, ct);
        var project = item is null ? null : await session.LoadAsync<ProjectSummary>(item.ProjectId, ct);
        var isManager = user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin);
        return project is not null && ProjectAccess.CanSee(project, user.UserId(), isManager)
            ? (item, null)
            : (null, Results.Problem(NoSuchItem, statusCode: StatusCodes.Status404NotFound));
    }
}
