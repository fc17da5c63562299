using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Suggestions;

/// <summary>
/// The annotator threw a suggestion away: <see cref="SuggestionRejected"/> in the object's stream
/// (<see cref="SuggestionStreams.For"/>), only on an item that is theirs to label (assigned, on the
/// project's team), under the same rule as submitting a label. Rejecting the same suggestion again
/// appends nothing.
/// </summary>
public sealed class RejectSuggestionHandler(IDocumentSession session, ProjectSchemaCache projects, TimeProvider clock)
{
    /// <summary>False when the item is not the annotator's to label (nothing is stored).</summary>
    public async Task<bool> RejectAsync(Guid suggestionId, Guid objectId, Guid itemId, Guid annotatorId, CancellationToken ct)
    {
        var item = await session.LoadAsync<ItemView>(itemId, ct);
        var project = item is null ? null : await projects.GetAsync(session, item.ProjectId, ct);
        if (item is null || project is null || !item.AssignedTo.Contains(annotatorId) || !ProjectAccess.CanAnnotate(project, annotatorId))
        {
            return false;
        }
        var stream = SuggestionStreams.For(annotatorId, objectId);
        var events = await session.Events.FetchStreamAsync(stream, token: ct);
        if (events.Any(e => e.Data is SuggestionRejected r && r.SuggestionId == suggestionId))
        {
            return true;
        }
        session.Events.Append(stream, new SuggestionRejected(suggestionId, objectId, itemId, annotatorId, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return true;
    }
}
