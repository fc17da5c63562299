using Marten;
using Marten.Services;
using Npgsql;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Sends a writer transaction's COMMIT as the last statement of its write batch, so the commit costs no round trip
/// of its own. The session runs in a transaction it does not own (<see cref="SessionOptions.ForTransaction"/>, not
/// committed by Marten); as a listener this queues <c>commit</c> after everything else SaveChanges queued (events,
/// inline projections, documents); as the session's logger it refuses, before anything is sent, a batch in which the
/// commit is not the very last statement, since a statement after it would run outside the transaction. A batch that
/// fails anywhere leaves the transaction aborted (PostgreSQL skips the rest of the batch, the commit included), and the
/// caller rolls it back. Every call is passed on to the session's own logger.
/// </summary>
public sealed class CommitInWriteBatch(IMartenSessionLogger inner) : DocumentSessionListenerBase, IMartenSessionLogger
{
    private const string Commit = "commit";

    /// <summary>Whether a batch ending in the commit was sent; if not, the caller commits on its own.</summary>
    public bool Sent { get; private set; }

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.QueueSqlCommand(Commit);
        return Task.CompletedTask;
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (IsCommit(command.CommandText))
        {
            Sent = true;
        }
        inner.OnBeforeExecute(command);
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var commands = batch.BatchCommands;
        for (var i = 0; i < commands.Count; i++)
        {
            if (IsCommit(commands[i].CommandText))
            {
                if (i != commands.Count - 1)
                {
                    throw new InvalidOperationException($"The writer's commit is statement {i + 1} of {commands.Count} in its batch; statements after it would run outside the transaction, so nothing was sent.");
                }
                Sent = true;
            }
        }
        inner.OnBeforeExecute(batch);
    }

    public void LogSuccess(NpgsqlCommand command) => inner.LogSuccess(command);

    public void LogSuccess(NpgsqlBatch batch) => inner.LogSuccess(batch);

    public void LogFailure(NpgsqlCommand command, Exception ex) => inner.LogFailure(command, ex);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => inner.LogFailure(batch, ex);

    public void LogFailure(Exception ex, string message) => inner.LogFailure(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) => inner.RecordSavedChanges(session, commit);

    private static bool IsCommit(string text) => text.AsSpan().Trim().TrimEnd(';').Trim().Equals(Commit, StringComparison.OrdinalIgnoreCase);
}
