using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// Tells open QA pages in this process that agreement summaries changed. A page subscribes, gets a
/// disposable back, and re-reads what it shows (eShop's order-status notifier pattern).
/// </summary>
public sealed class AgreementNotifier(ILogger<AgreementNotifier> log)
{
    private readonly Lock _gate = new();
    private readonly List<Func<AgreementChanged, Task>> _listeners = [];

    public IDisposable Subscribe(Func<AgreementChanged, Task> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners.Add(listener);
        }
        return new Subscription(this, listener);
    }

    public async Task NotifyAsync(AgreementChanged change)
    {
        Func<AgreementChanged, Task>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }
        foreach (var listener in listeners)
        {
            try
            {
                await listener(change);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken page must not stop the others (or the daemon) from hearing about it.
                log.LogWarning(e, "An agreement listener failed");
            }
        }
    }

    private void Remove(Func<AgreementChanged, Task> listener)
    {
        lock (_gate)
        {
            _listeners.Remove(listener);
        }
    }

    private sealed class Subscription(AgreementNotifier owner, Func<AgreementChanged, Task> listener) : IDisposable
    {
        public void Dispose() => owner.Remove(listener);
    }
}
