using System.Diagnostics;
using Marten;
using Marten.Services;
using Npgsql;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Splits one writer transaction into its stages by the round trips its Marten session makes, passing every call on to
/// the session's own logger: the read (seen commands, items), deciding and building the writes (validation, inline
/// projections, serialisation: from the read's answer to the write's start), the write round trips, and the commit
/// (from the last write's answer until the handler returns: COMMIT and its WAL flush).
/// </summary>
internal sealed class WriteStageClock(IMartenSessionLogger inner) : IMartenSessionLogger
{
    private long _started;
    private readonly List<(int Statements, long Started, long Ended)> _trips = [];

    public void OnBeforeExecute(NpgsqlCommand command)
    {
        _started = Stopwatch.GetTimestamp();
        inner.OnBeforeExecute(command);
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
        _started = Stopwatch.GetTimestamp();
        inner.OnBeforeExecute(batch);
    }

    public void LogSuccess(NpgsqlCommand command)
    {
        Ended(1);
        inner.LogSuccess(command);
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        Ended(batch?.BatchCommands.Count ?? 0);
        inner.LogSuccess(batch!);
    }

    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
        Ended(1);
        inner.LogFailure(command, ex);
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
        Ended(batch?.BatchCommands.Count ?? 0);
        inner.LogFailure(batch!, ex);
    }

    public void LogFailure(Exception ex, string message) => inner.LogFailure(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) => inner.RecordSavedChanges(session, commit);

    /// <summary>Records the stages of a transaction that started (scope and session made) at <paramref name="handed"/> and ended now.</summary>
    public void Record(AnnotationWriteTimings timings, long handed)
    {
        var ended = Stopwatch.GetTimestamp();
        // One read, then one write or more: a run of several transactions (a collision handled command by command) is not split.
        if (_trips.Count < 2)
        {
            return;
        }
        var (read, write) = (_trips[0], _trips[1]);
        timings.Stages.Read.Record(Stopwatch.GetElapsedTime(handed, read.Ended));
        timings.Stages.Decide.Record(Stopwatch.GetElapsedTime(read.Ended, write.Started));
        timings.Stages.Write.Record(TimeSpan.FromTicks(_trips.Skip(1).Sum(t => Stopwatch.GetElapsedTime(t.Started, t.Ended).Ticks)));
        timings.Stages.Commit.Record(Stopwatch.GetElapsedTime(_trips[^1].Ended, ended));
        timings.Stages.Statements(_trips.Count, _trips.Skip(1).Sum(t => t.Statements));
    }

    private void Ended(int statements) => _trips.Add((statements, _started, Stopwatch.GetTimestamp()));
}
