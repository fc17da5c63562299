using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker;

/// <summary>
/// The training side of the worker hub (docs/training-protocol.md): the calls a training run makes on the hub connection
/// that <see cref="HubLink"/> holds, and the wake-ups that make the runner ask for a job (an announce, the portal's
/// <c>TrainingAvailable</c> push, the end of a job).
/// </summary>
public sealed class TrainingChannel : IDisposable
{
    private readonly SemaphoreSlim _offers = new(0, 1);
    private HubConnection? _connection;

    internal void Attach(HubConnection connection) => _connection = connection;

    /// <summary>Something may be claimable now: the next <see cref="WaitForOfferAsync"/> returns at once.</summary>
    public void Offered()
    {
        if (_offers.CurrentCount == 0)
        {
            try
            {
                _offers.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another wake-up got there first; one is enough.
            }
        }
    }

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public async Task WaitForOfferAsync(TimeSpan poll, CancellationToken cancellationToken) =>
        await _offers.WaitAsync(poll, cancellationToken);

    /// <summary>Whether the link is up (announced or about to be); calls fail while it is not.</summary>
    public bool Connected => _connection?.State == HubConnectionState.Connected;

    public Task<TrainingAssignment?> ClaimAsync(CancellationToken cancellationToken) =>
        Connection.InvokeAsync<TrainingAssignment?>("ClaimTraining", cancellationToken);

    public Task<TrainingDirective> ReportEpochAsync(TrainingEpochReport report, CancellationToken cancellationToken) =>
        Connection.InvokeAsync<TrainingDirective>("ReportTrainingEpoch", report, cancellationToken);

    public Task<TrainingDirective> RenewLeaseAsync(Guid jobId, int attempt, CancellationToken cancellationToken) =>
        Connection.InvokeAsync<TrainingDirective>("RenewTrainingLease", jobId, attempt, cancellationToken);

    public Task<Guid> CompleteAsync(TrainingOutcome outcome, CancellationToken cancellationToken) =>
        Connection.InvokeAsync<Guid>("CompleteTraining", outcome, cancellationToken);

    public Task FailAsync(Guid jobId, int attempt, string reason, CancellationToken cancellationToken) =>
        Connection.InvokeAsync("FailTraining", jobId, attempt, reason, cancellationToken);

    public void Dispose() => _offers.Dispose();

    private HubConnection Connection => _connection ?? throw new InvalidOperationException("The worker hub connection is not set up yet.");
}
