using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// The annotator's browser sends finished annotations here and reads its own labels back. Thin:
/// the rules live in the Core handlers. Never returns another annotator's labels (blinding).
/// </summary>
[Authorize(Roles = Roles.Annotator)]
public sealed class AnnotationHub(SubmitAnnotationHandler submit, IQuerySession session, PresenceTracker presence) : Hub
{
    public const string Path = "/hubs/annotation";

    public Task<AnnotationAck> Submit(AnnotationCommand command) =>
        submit.HandleAsync(command, Context.User!.UserId(), Context.ConnectionAborted);

    public async Task<IReadOnlyList<AnnotationView>> GetMyAnnotations(Guid itemId)
    {
        var labels = await AnnotationRecords.OfAsync(session, itemId, Context.User!.UserId(), Context.ConnectionAborted);
        return [.. labels.Annotations.Select(a => AnnotationView.From(itemId, a))];
    }

    /// <summary>The browser says which item it shows, for the presence view of QA leads and managers.</summary>
    public Task Focus(Guid itemId)
    {
        presence.Focus(Context.ConnectionId, Context.User!.UserId(), Context.User!.DisplayName(), itemId);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
