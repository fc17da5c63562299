namespace WeakSegPortal.Worker;

/// <summary>
/// One running job's cancellation: its own timeout (Worker:JobTimeout), the portal's CancelJob, the connection it came
/// on closing, the worker stopping. <see cref="StopReason"/> says which, for the job's error.
/// </summary>
public sealed class JobTicket : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _cancel = new();
    private readonly CancellationTokenSource _linked;
    private readonly TimeSpan _limit;
    private readonly Action _release;

    internal JobTicket(TimeSpan limit, Action release, CancellationToken connection, CancellationToken stopping)
    {
        _limit = limit;
        _timeout = new CancellationTokenSource(limit);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token, _cancel.Token, connection, stopping);
        _release = release;
    }

    public CancellationToken Token => _linked.Token;

    public string StopReason =>
        _cancel.IsCancellationRequested ? "The portal cancelled this job."
        : _timeout.IsCancellationRequested ? $"The job ran longer than Worker:JobTimeout ({_limit.TotalSeconds:0.#} s) and was stopped."
        : "The worker's connection closed or it is stopping; the job was stopped.";

    internal void Cancel() => _cancel.Cancel();

    public void Dispose()
    {
        _release();
        _linked.Dispose();
        _timeout.Dispose();
        _cancel.Dispose();
    }
}
