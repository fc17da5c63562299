using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;

namespace WeakSegPortal.Core;

/// <summary>
/// A decision appended to a stream at the version it was made on (FetchForWriting). When another
/// writer appended in between, the store refuses the commit; the decision is then made again, in a
/// fresh session, on what the stream holds now (the failed session still holds the aggregate as its
/// refused events left it), a few times with a short random pause. If the stream stays that busy
/// the caller gets a clear message instead of an error.
/// </summary>
public static class ConcurrentAppend
{
    public const int Attempts = 5;

    /// <param name="session">The request's session, for the first attempt; later ones get a session of the same store.</param>
    public static async Task<T> RetryAsync<T>(IDocumentSession session, Func<IDocumentSession, CancellationToken, Task<T>> decide, Func<T> whenBusy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(whenBusy);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (attempt == 1)
                {
                    return await decide(session, ct);
                }
                await using var fresh = session.DocumentStore.LightweightSession();
                return await decide(fresh, ct);
            }
            catch (Exception e) when (IsConcurrentAppend(e))
            {
                // Nothing of the refused commit may be saved later by whoever holds the request's session.
                session.EjectAllPendingChanges();
                if (attempt == Attempts)
                {
                    return whenBusy();
                }
                await Task.Delay(Random.Shared.Next(1, 20 * attempt), ct);
            }
        }
    }

    /// <summary>The refusal for a command whose stream another writer kept changing.</summary>
    public static Task<CommandResult> RetryAsync(IDocumentSession session, Func<IDocumentSession, CancellationToken, Task<CommandResult>> decide, CancellationToken ct) =>
        RetryAsync(session, decide, () => CommandResult.Refused("", "Someone else changed this at the same moment, several times over. Please try again."), ct);

    public static bool IsConcurrentAppend(Exception e) => e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException;
}
