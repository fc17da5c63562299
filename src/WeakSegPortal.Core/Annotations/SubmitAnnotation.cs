using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// An annotator's browser sends a finished annotation: check it, append it to the annotator's
/// stream for the item and remember the answer under the command id, in one transaction.
/// </summary>
public sealed class SubmitAnnotationHandler(IDocumentSession session, TimeProvider clock, ProjectSchemaCache projects)
{
    private const int Attempts = 5;

    public async Task<AnnotationAck> HandleAsync(AnnotationCommand command, Guid annotatorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 1; ; attempt++)
        {
            // One round trip for everything the decision reads first: the ack path is the portal's hottest.
            var batch = session.CreateBatchQuery();
            var seenQuery = batch.Load<ProcessedCommand>(command.CommandId);
            var itemQuery = batch.Load<ItemView>(command.ItemId);
            await batch.Execute(ct);
            if (await seenQuery is { } seen)
            {
                return seen.AnnotatorId == annotatorId
                    ? seen.Ack
                    : AnnotationAck.Refused(command.CommandId, "This command id belongs to someone else; the browser must make a new one.");
            }
            var ack = await DecideAsync(command, await itemQuery, annotatorId, ct);
            session.Insert(new ProcessedCommand { Id = command.CommandId, AnnotatorId = annotatorId, Ack = ack, At = clock.GetUtcNow() });
            try
            {
                await session.SaveChangesAsync(ct);
                return ack;
            }
            catch (Exception e) when (IsRace(e))
            {
                // Another request got there first: a resend racing the original (same command id), or another
                // command of this annotator on the same stream. Look again: either the first one's answer is
                // there now, or the stream has moved on and the command is decided afresh.
                session.EjectAllPendingChanges();
                // A short random pause, so that writers who collided do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), ct);
                if (attempt == Attempts)
                {
                    return await session.LoadAsync<ProcessedCommand>(command.CommandId, ct) is { } first
                        ? first.Ack
                        : AnnotationAck.Refused(command.CommandId, "Please resend.");
                }
            }
        }
    }

    /// <summary>
    /// Unique-key collisions of concurrent writers (the command id, or the stream's id or version),
    /// in whichever wrapping Marten, JasperFx and Npgsql report them.
    /// </summary>
    private static bool IsRace(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }
                || x.GetType().Name is "DocumentAlreadyExistsException" or "ExistingStreamIdCollisionException" or "EventStreamUnexpectedMaxEventIdException")
            {
                return true;
            }
        }
        return false;
    }

    private async Task<AnnotationAck> DecideAsync(AnnotationCommand command, ItemView? item, Guid annotatorId, CancellationToken ct)
    {
        if (item is null)
        {
            return AnnotationAck.Refused(command.CommandId, "This item does not exist.");
        }
        if (!item.IsOpenFor(annotatorId))
        {
            return AnnotationAck.Refused(command.CommandId, item.SubmittedBy.Contains(annotatorId)
                ? "You have submitted this item; its labels can no longer change."
                : "You are not assigned to this item.");
        }
        var streamId = AnnotationStreams.For(item.Id, annotatorId);
        var at = clock.GetUtcNow();
        if (command.Kind == AnnotationKinds.Delete)
        {
            var exists = command.Delete is { } wanted && await session.Query<AnnotationRecord>()
                .AnyAsync(r => r.AnnotationId == wanted.AnnotationId && r.ItemId == item.Id && r.AnnotatorId == annotatorId, ct);
            if (!exists || command.Delete is not { } target)
            {
                return AnnotationAck.Refused(command.CommandId, "There is no such annotation of yours to delete.");
            }
            session.Events.Append(streamId, new AnnotationDeleted(target.AnnotationId, item.Id, annotatorId, command.CommandId, at));
            return new AnnotationAck(command.CommandId, true, target.AnnotationId, null);
        }
        var project = await projects.GetAsync(session, item.ProjectId, ct);
        if (project is null)
        {
            return AnnotationAck.Refused(command.CommandId, "The item's project no longer exists.");
        }
        var (shape, reason) = AnnotationCommandValidator.Check(command, item.Geometry, project);
        if (shape is null)
        {
            return AnnotationAck.Refused(command.CommandId, reason!);
        }
        var id = Guid.CreateVersion7();
        var activeMs = Math.Max(0, command.ActiveMs);
        object created = shape switch
        {
            { Box: { } box } => new BoxDrawn(id, item.Id, annotatorId, command.CommandId, box, Provenance.Manual, activeMs, at),
            { Scribble: { } scribble } => new ScribbleDrawn(id, item.Id, annotatorId, command.CommandId, scribble, Provenance.Manual, activeMs, at),
            { Point: { } point } => new PointPlaced(id, item.Id, annotatorId, command.CommandId, point, Provenance.Manual, activeMs, at),
            { Polygon: { } polygon } => new PolygonDrawn(id, item.Id, annotatorId, command.CommandId, polygon, Provenance.Manual, activeMs, at),
            { Brush: { } stroke } => new BrushStrokePainted(id, item.Id, annotatorId, command.CommandId, stroke, Provenance.Manual, activeMs, at),
            { Tag: { } tag } => new TagSet(id, item.Id, annotatorId, command.CommandId, tag, Provenance.Manual, activeMs, at),
            _ => throw new InvalidOperationException("The validator accepted a command without geometry."),
        };
        session.Events.Append(streamId, created);
        return new AnnotationAck(command.CommandId, true, id, null);
    }
}
