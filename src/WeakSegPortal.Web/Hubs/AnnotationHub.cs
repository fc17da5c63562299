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
public sealed class AnnotationHub(AnnotationWriters writes, IQuerySession session, PresenceTracker presence) : Hub
{
    public const string Path = "/hubs/annotation";

    /// <summary>The most commands one <see cref="SubmitMany"/> call may carry.</summary>
    public const int MaxCommandsPerCall = 100;

    public Task<AnnotationAck> Submit(AnnotationCommand command)
    {
        if (command is null)
        {
            throw new HubException("A command is required.");
        }
        return writes.SubmitAsync(command, Context.User!.UserId(), Context.ConnectionAborted);
    }

    /// <summary>
    /// Several commands at once (an outbox catching up after a reconnect), answered in the same
    /// order; each is idempotent by its command id exactly as with <see cref="Submit"/>.
    /// </summary>
    public async Task<AnnotationAck[]> SubmitMany(AnnotationCommand[] commands)
    {
        if (commands is null || commands.Length == 0 || commands.Any(c => c is null))
        {
            throw new HubException("SubmitMany needs a list of commands.");
        }
        if (commands.Length > MaxCommandsPerCall)
        {
            throw new HubException($"At most {MaxCommandsPerCall} commands per call; nothing was stored.");
        }
        return await writes.SubmitManyAsync(commands, Context.User!.UserId(), Context.ConnectionAborted);
    }

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
