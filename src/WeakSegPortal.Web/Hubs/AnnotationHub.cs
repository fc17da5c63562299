using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Suggestions;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Propagation;
using WeakSegPortal.Web.Suggestions;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// The annotator's browser sends finished annotations here and reads its own labels back. Thin:
/// the rules live in the Core handlers. Never returns another annotator's labels (blinding).
/// Commands arrive as JSON and are read here (<see cref="AnnotationCommandReader"/>), so that a
/// malformed one is answered with the field at fault rather than failing the call.
/// </summary>
[Authorize(Roles = Roles.Annotator)]
public sealed class AnnotationHub(AnnotationWriters writes, IQuerySession session, PresenceTracker presence, SuggestionService suggestions) : Hub
{
    public const string Path = "/hubs/annotation";

    /// <summary>The most commands one <see cref="SubmitMany"/> call may carry.</summary>
    public const int MaxCommandsPerCall = 100;

    public async Task<AnnotationAck> Submit(JsonElement command)
    {
        var (read, refusal) = AnnotationCommandReader.Read(command);
        return refusal ?? await writes.SubmitAsync(read!, Context.User!.UserId(), Context.ConnectionAborted);
    }

    /// <summary>
    /// Several commands at once (an outbox catching up after a reconnect), answered in the same
    /// order; each is idempotent by its command id exactly as with <see cref="Submit"/>.
    /// </summary>
    public async Task<AnnotationAck[]> SubmitMany(JsonElement commands)
    {
        if (commands.ValueKind != JsonValueKind.Array || commands.GetArrayLength() == 0)
        {
            throw new HubException("SubmitMany needs a list of commands.");
        }
        if (commands.GetArrayLength() > MaxCommandsPerCall)
        {
            throw new HubException($"At most {MaxCommandsPerCall} commands per call; nothing was stored.");
        }
        var read = commands.EnumerateArray().Select(AnnotationCommandReader.Read).ToList();
        var stored = await writes.SubmitManyAsync([.. read.Where(r => r.Refusal is null).Select(r => r.Command!)], Context.User!.UserId(), Context.ConnectionAborted);
        var next = 0;
        return [.. read.Select(r => r.Refusal ?? stored[next++])];
    }

    public async Task<IReadOnlyList<AnnotationView>> GetMyAnnotations(string itemId)
    {
        var item = ItemIdOf(itemId);
        var labels = await AnnotationRecords.OfAsync(session, item, Context.User!.UserId(), Context.ConnectionAborted);
        return [.. labels.Annotations.Select(a => AnnotationView.From(item, a))];
    }

    /// <summary>
    /// The browser says which item it shows, for the presence view of QA leads and managers: only an
    /// item of the caller's (assigned, and on its project's team), so nobody can plant activity elsewhere.
    /// </summary>
    public async Task Focus(string itemId)
    {
        var id = ItemIdOf(itemId);
        var me = Context.User!.UserId();
        var item = await session.LoadAsync<WeakSegPortal.Core.Items.ItemView>(id, Context.ConnectionAborted);
        var project = item is null ? null : await session.LoadAsync<WeakSegPortal.Core.Projects.ProjectSummary>(item.ProjectId, Context.ConnectionAborted);
        if (item is null || project is null || !item.AssignedTo.Contains(me) || !WeakSegPortal.Core.Projects.ProjectAccess.CanAnnotate(project, me))
        {
            throw new HubException(AnnotationBatch.NotYours);
        }
        presence.Focus(Context.ConnectionId, me, Context.User!.DisplayName(), item.Id, item.ProjectId);
        suggestions.Opened(item, project.SuggestionEngine, me);
    }

    /// <summary>
    /// A suggested mask for one object's prompt (docs/suggestion-protocol.md): answered by a worker or, without one,
    /// by the classical engines here. Not the caller's item: Submit's "not yours" answer, nothing run or stored.
    /// </summary>
    public Task<SuggestReply> Suggest(JsonElement request) =>
        suggestions.SuggestAsync(request, Context.User!.UserId(), Context.ConnectionAborted);

    /// <summary>
    /// Propagation (docs/suggestion-protocol.md): from a box or mask on one slice, suggestions on the neighbouring slices,
    /// streamed slice by slice until the object ends; a streamed call, so Submit and Suggest go on meanwhile.
    /// </summary>
    public IAsyncEnumerable<PropagatedSlice> Propagate(JsonElement request, [FromServices] PropagationService propagation, CancellationToken cancellationToken) =>
        propagation.PropagateAsync(request, Context.User!.UserId(), cancellationToken);

    /// <summary>The item's engine, where it runs, how many workers offer it and which slices answer a click at once (after a reload).</summary>
    public async Task<SuggestionStatus> GetSuggestionStatus(string itemId) =>
        await suggestions.StatusAsync(ItemIdOf(itemId), Context.User!.UserId(), Context.ConnectionAborted)
            ?? throw new HubException(AnnotationBatch.NotYours);

    /// <summary>The workspace shows another slice: embeddings around it are computed ahead (for engines that need them).</summary>
    public async Task ViewSlice(string itemId, string orientation, int slice)
    {
        if (orientation is not ("axial" or "coronal" or "sagittal") || slice < 0)
        {
            throw new HubException("orientation must be axial, coronal or sagittal and slice 0 or more.");
        }
        if (!await suggestions.ViewedAsync(ItemIdOf(itemId), orientation, slice, Context.User!.UserId(), Context.ConnectionAborted))
        {
            throw new HubException(AnnotationBatch.NotYours);
        }
    }

    /// <summary>
    /// The annotator threw suggestion <paramref name="suggestionId"/> of their object
    /// <paramref name="objectId"/> away (docs/suggestion-protocol.md): <see cref="SuggestionRejected"/> in
    /// that object's stream. Only on an item of the caller's to label (else the same answer as Submit);
    /// rejecting the same suggestion again appends nothing. The handler comes from the call's scope
    /// (not the hub's constructor), so this method stays one local addition.
    /// </summary>
    public async Task RejectSuggestion(string suggestionId, string objectId, string itemId, [FromServices] RejectSuggestionHandler rejections)
    {
        var (suggestion, suggested, id) = (IdOf(suggestionId, nameof(suggestionId)), IdOf(objectId, nameof(objectId)), ItemIdOf(itemId));
        if (!await rejections.RejectAsync(suggestion, suggested, id, Context.User!.UserId(), Context.ConnectionAborted))
        {
            throw new HubException(AnnotationBatch.NotYours);
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Ids come as text and are read here, so a malformed one gets a reason rather than a binding failure.</summary>
    private static Guid ItemIdOf(string? itemId) =>
        Guid.TryParse(itemId, out var id) ? id : throw new HubException("itemId must be a UUID.");

    private static Guid IdOf(string? text, string name) =>
        Guid.TryParse(text, out var id) && id != Guid.Empty ? id : throw new HubException($"{name} must be a UUID.");
}
