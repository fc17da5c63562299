using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Suggestions;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Decides a run of commands against what was read for them in one round trip: answers a command
/// id seen before with its first answer, checks each new one and says which event it appends.
/// Commands are decided in order, so a later one sees what an earlier one in the same run did
/// (a delete of an annotation created just before, a repeated command id, a tag answered again).
/// </summary>
public sealed class AnnotationBatch
{
    /// <summary>The answer for an item that does not exist or is not the sender's to label.</summary>
    public const string NotYours = "There is no such item for you to label (it does not exist, or you are not on its team or assigned to it).";

    private readonly Dictionary<Guid, ProcessedCommand> _seen;
    private readonly Dictionary<Guid, ItemView> _items;
    private readonly Dictionary<Guid, AnnotationRecord> _stored;
    private readonly Dictionary<Guid, (Guid ItemId, Guid AnnotatorId)> _created = [];
    private readonly HashSet<Guid> _deleted = [];
    private readonly HashSet<Guid> _answeredTagKeys = [];
    private readonly DateTimeOffset _at;
    private long _sequence;

    public AnnotationBatch(IEnumerable<ProcessedCommand> seen, IEnumerable<ItemView> items, IEnumerable<AnnotationRecord> deleteTargets, DateTimeOffset at)
    {
        _seen = seen.ToDictionary(s => s.Id);
        _items = items.ToDictionary(i => i.Id);
        _stored = deleteTargets.GroupBy(r => r.AnnotationId).ToDictionary(g => g.Key, g => g.First());
        _at = at;
    }

    /// <summary>Command ids answered in this run, to be stored with the events.</summary>
    public List<ProcessedCommand> NewlyProcessed { get; } = [];

    /// <summary>Events to append, per stream, in order (a label from a suggestion also appends <see cref="SuggestionAccepted"/> to its object's stream).</summary>
    public List<(Guid StreamId, object Event)> Appends { get; } = [];

    public AnnotationAck Decide(SubmittedAnnotation submitted, Func<Guid, ProjectSummary?> projectOf)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(projectOf);
        var (command, annotatorId) = submitted;
        if (_seen.TryGetValue(command.CommandId, out var seen))
        {
            return seen.AnnotatorId == annotatorId
                ? seen.Ack
                : AnnotationAck.Refused(command.CommandId, "This command id belongs to someone else; the browser must make a new one.");
        }
        if (Stranger(command, annotatorId, projectOf) is { } notYours)
        {
            // Not remembered: it costs the store nothing, and deciding again gives the same answer.
            return notYours;
        }
        // Labels are replayed by time: each command of the run gets its own, one tick after the one before.
        var at = _at.AddTicks(_sequence++);
        var ack = DecideNew(command, annotatorId, projectOf(_items[command.ItemId].ProjectId)!, at);
        var processed = new ProcessedCommand { Id = command.CommandId, AnnotatorId = annotatorId, Ack = ack, At = at };
        _seen[command.CommandId] = processed;
        NewlyProcessed.Add(processed);
        return ack;
    }

    /// <summary>
    /// The refusal for a command on an item that is not the sender's to label: no such item, or
    /// one of a project whose team no longer lists the sender as annotator, or never assigned to
    /// them. One answer for all of these, so that nobody learns which items exist elsewhere.
    /// </summary>
    private AnnotationAck? Stranger(AnnotationCommand command, Guid annotatorId, Func<Guid, ProjectSummary?> projectOf)
    {
        var yours = _items.TryGetValue(command.ItemId, out var item)
            && item.AssignedTo.Contains(annotatorId)
            && projectOf(item.ProjectId) is { } project
            && ProjectAccess.CanAnnotate(project, annotatorId);
        return yours ? null : AnnotationAck.Refused(command.CommandId, NotYours);
    }

    private AnnotationAck DecideNew(AnnotationCommand command, Guid annotatorId, ProjectSummary project, DateTimeOffset at)
    {
        var item = _items[command.ItemId];
        if (!item.IsOpenFor(annotatorId))
        {
            return AnnotationAck.Refused(command.CommandId, item.SubmittedBy.Contains(annotatorId)
                ? "You have submitted this item; its labels can no longer change."
                : "You have skipped this item; its labels can no longer change.");
        }
        var streamId = AnnotationStreams.For(item.Id, annotatorId);
        if (command.Kind == AnnotationKinds.Delete)
        {
            if (command.Delete is not { } target || !IsLive(target.AnnotationId, item.Id, annotatorId))
            {
                return AnnotationAck.Refused(command.CommandId, "There is no such annotation of yours to delete.");
            }
            _deleted.Add(target.AnnotationId);
            Appends.Add((streamId, new AnnotationDeleted(target.AnnotationId, item.Id, annotatorId, command.CommandId, at)));
            return new AnnotationAck(command.CommandId, true, target.AnnotationId, null);
        }
        var (shape, reason) = AnnotationCommandValidator.Check(command, item.Geometry, project);
        if (shape is null)
        {
            return AnnotationAck.Refused(command.CommandId, reason!);
        }
        var id = Guid.CreateVersion7();
        Appends.Add((streamId, AnnotationEventFactory.Created(id, item.Id, annotatorId, command, shape, at)));
        if (command.Provenance is { IsEngineMade: true, SuggestionId: { } suggestionId, ObjectId: { } objectId })
        {
            // The suggestion's object learns it was kept, in the same transaction as the label and
            // remembered under the same command id, so a resend appends neither twice.
            Appends.Add((SuggestionStreams.For(annotatorId, objectId), new SuggestionAccepted(suggestionId, objectId, item.Id, annotatorId, id, at)));
        }
        _created[id] = (item.Id, annotatorId);
        if (shape.Tag is { } tag)
        {
            // A new answer for a class and slice replaces the stored one (same record key).
            _answeredTagKeys.Add(AnnotationRecordProjection.TagKey(item.Id, annotatorId, tag));
        }
        return new AnnotationAck(command.CommandId, true, id, null);
    }

    private bool IsLive(Guid annotationId, Guid itemId, Guid annotatorId)
    {
        if (_deleted.Contains(annotationId))
        {
            return false;
        }
        if (_created.TryGetValue(annotationId, out var created))
        {
            return created == (itemId, annotatorId);
        }
        return _stored.TryGetValue(annotationId, out var record)
            && record.ItemId == itemId && record.AnnotatorId == annotatorId
            // A tag answered again earlier in this run has replaced this record.
            && (record.Id == record.AnnotationId || !_answeredTagKeys.Contains(record.Id));
    }
}
