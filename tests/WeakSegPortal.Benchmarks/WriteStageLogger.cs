using System.Diagnostics;
using Marten;
using Marten.Services;
using Npgsql;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// Times each round trip one Marten session makes (a command or a batch of statements) and counts its statements, so a
/// writer transaction can be split into its reads and its writes; what SaveChanges takes beyond its batches is the
/// transaction's begin and commit (the WAL flush).
/// </summary>
internal sealed class WriteStageLogger : IMartenSessionLogger
{
    private long _started;

    /// <summary>Each round trip: its statements and when it started and ended (Stopwatch ticks).</summary>
    public List<(int Statements, long Started, long Ended)> RoundTrips { get; } = [];

    public void OnBeforeExecute(NpgsqlCommand command) => _started = Stopwatch.GetTimestamp();

    public void OnBeforeExecute(NpgsqlBatch batch) => _started = Stopwatch.GetTimestamp();

    public void LogSuccess(NpgsqlCommand command) => Ended(1);

    public void LogSuccess(NpgsqlBatch batch) => Ended(batch?.BatchCommands.Count ?? 0);

    public void LogFailure(NpgsqlCommand command, Exception ex) => Ended(1);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Ended(batch?.BatchCommands.Count ?? 0);

    public void LogFailure(Exception ex, string message)
    {
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    private void Ended(int statements) => RoundTrips.Add((statements, _started, Stopwatch.GetTimestamp()));
}
