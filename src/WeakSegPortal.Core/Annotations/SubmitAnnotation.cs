using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Annotators' browsers send finished annotations: check them, append them to each annotator's
/// stream for the item and remember every answer under its command id, all in one transaction.
/// A run of commands costs one read round trip, one write round trip and the commit, whoever sent them.
/// </summary>
public sealed class SubmitAnnotationHandler(IDocumentSession session, TimeProvider clock, ProjectSchemaCache projects)
{
    /// <summary>
    /// Tries before the server stops deciding and answers "retry": lost races back off 2, 4, 8 …
    /// up to 256 ms (about 1 s in all), so a command is decided here unless the store stays contended.
    /// </summary>
    public const int Attempts = 8;

    /// <summary>The reason of a retry answer: nothing was stored, and the sender's outbox sends the command again.</summary>
    public const string Contended = "Another copy of this label, or another label of yours on this item, was being stored at the same moment; it will be sent again.";

    public async Task<AnnotationAck> HandleAsync(AnnotationCommand command, Guid annotatorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        SubmittedAnnotation[] one = [new(command, annotatorId)];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await DecideAndStoreAsync(one, ct))[0];
            }
            catch (Exception e) when (IsRace(e))
            {
                // Another request got there first: a resend racing the original (same command id), or another
                // command of this annotator on the same stream. Look again: either the first one's answer is
                // there now, or the stream has moved on and the command is decided afresh.
                if (attempt == Attempts)
                {
                    // Still undecided: a passing state of the store, never a reason to drop the label.
                    return await session.LoadAsync<ProcessedCommand>(command.CommandId, ct) is { } first
                        ? first.Ack
                        : AnnotationAck.RetryLater(command.CommandId, Contended);
                }
                // A random pause, growing, so that writers who collided do not collide again in lockstep.
                var cap = 2 << Math.Min(attempt, 7);
                await Task.Delay(Random.Shared.Next(cap / 2, cap + 1), ct);
            }
        }
    }

    /// <summary>
    /// Many commands, answered in order, in one transaction. Should that transaction collide with
    /// another writer, each command is handled on its own instead, so one collision costs no command;
    /// once a command of a stream is answered "retry", the later ones of that stream are too, so
    /// that a stream's labels are never stored out of the order they were made in.
    /// </summary>
    public async Task<IReadOnlyList<AnnotationAck>> HandleManyAsync(IReadOnlyList<SubmittedAnnotation> commands, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count <= 1)
        {
            return commands.Count == 0 ? [] : [await HandleAsync(commands[0].Command, commands[0].AnnotatorId, ct)];
        }
        try
        {
            return await DecideAndStoreAsync(commands, ct);
        }
        catch (Exception e) when (IsRace(e))
        {
            var acks = new List<AnnotationAck>(commands.Count);
            var waiting = new HashSet<Guid>();
            foreach (var (command, annotatorId) in commands)
            {
                var stream = AnnotationStreams.For(command.ItemId, annotatorId);
                var ack = waiting.Contains(stream)
                    ? AnnotationAck.RetryLater(command.CommandId, Contended)
                    : await HandleAsync(command, annotatorId, ct);
                if (ack.Retry)
                {
                    waiting.Add(stream);
                }
                acks.Add(ack);
            }
            return acks;
        }
    }

    private async Task<AnnotationAck[]> DecideAndStoreAsync(IReadOnlyList<SubmittedAnnotation> commands, CancellationToken ct)
    {
        foreach (var submitted in commands)
        {
            ArgumentNullException.ThrowIfNull(submitted?.Command, nameof(commands));
        }
        // One round trip for everything the decisions read: the acknowledgement path is the portal's hottest.
        var batch = session.CreateBatchQuery();
        var seenQuery = batch.LoadMany<ProcessedCommand>().ById(commands.Select(c => c.Command.CommandId).Distinct().ToArray());
        var itemsQuery = batch.LoadMany<ItemView>().ById(commands.Select(c => c.Command.ItemId).Distinct().ToArray());
        var targets = commands.Select(c => c.Command.Delete?.AnnotationId).OfType<Guid>().Distinct().ToArray();
        var recordsQuery = targets.Length == 0 ? null : batch.Query<AnnotationRecord>().Where(r => r.AnnotationId.IsOneOf(targets)).ToList();
        await batch.Execute(ct);

        var items = await itemsQuery;
        var decisions = new AnnotationBatch(await seenQuery, items, recordsQuery is null ? [] : await recordsQuery, clock.GetUtcNow());
        var schemas = new Dictionary<Guid, ProjectSummary?>();
        foreach (var projectId in items.Select(i => i.ProjectId).Distinct())
        {
            schemas[projectId] = await projects.GetAsync(session, projectId, ct);
        }
        var acks = commands.Select(c => decisions.Decide(c, id => schemas.GetValueOrDefault(id))).ToArray();
        if (decisions.NewlyProcessed.Count > 0)
        {
            await StoreAsync(decisions, ct);
        }
        return acks;
    }

    /// <summary>
    /// Appends the run's events and remembers its command ids in one transaction (Marten's: one write batch, then
    /// the commit). The command ids go in as one statement (<see cref="ProcessedCommandRows"/>), not one per command.
    /// </summary>
    private async Task StoreAsync(AnnotationBatch decisions, CancellationToken ct)
    {
        foreach (var (streamId, e) in decisions.Appends)
        {
            session.Events.Append(streamId, e);
        }
        ProcessedCommandRows.Queue(session, decisions.NewlyProcessed);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        finally
        {
            // A failed write leaves nothing queued for the retry that follows it on this session.
            session.EjectAllPendingChanges();
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
}
