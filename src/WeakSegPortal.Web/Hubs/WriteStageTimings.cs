namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// A writer transaction's stages (<see cref="WriteStageClock"/>): the read (from the scope's start to the read's answer),
/// deciding and building the writes, the write round trips and the commit; with round trips and statements per
/// transaction.
/// </summary>
public sealed class WriteStageTimings
{
    private long _transactions;
    private long _roundTrips;
    private long _statements;

    public LatencyHistogram Read { get; } = new();

    public LatencyHistogram Decide { get; } = new();

    public LatencyHistogram Write { get; } = new();

    public LatencyHistogram Commit { get; } = new();

    public void Statements(int roundTrips, int written)
    {
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _roundTrips, roundTrips);
        Interlocked.Add(ref _statements, written);
    }

    /// <summary>"read 1.2/3.4, decide …" (p50/p99 ms), round trips and statements written per transaction.</summary>
    public string Describe()
    {
        var n = Math.Max(1, Interlocked.Read(ref _transactions));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"read {Read.PercentileMs(0.5):F1}/{Read.PercentileMs(0.99):F1}, decide {Decide.PercentileMs(0.5):F1}/{Decide.PercentileMs(0.99):F1}, " +
            $"write {Write.PercentileMs(0.5):F1}/{Write.PercentileMs(0.99):F1}, commit {Commit.PercentileMs(0.5):F1}/{Commit.PercentileMs(0.99):F1} ms p50/p99; " +
            $"{Interlocked.Read(ref _roundTrips) / (double)n:F1} round trips, {Interlocked.Read(ref _statements) / (double)n:F1} statements written per transaction");
    }
}
