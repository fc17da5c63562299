using System.Collections.Concurrent;
using System.Security.Claims;
using Marten;

namespace WeakSegPortal.Web.Account;

/// <summary>
/// Whether a signed-in principal still holds: the account exists and is enabled, its security stamp
/// is the one the cookie was made with, and the sign-in was not signed out. Asked by the cookie on
/// every request, by Blazor circuits every few seconds and by the hubs on every call, so one
/// database read per session serves for <see cref="RecheckAfter"/>; a change made on this node
/// (<see cref="Forget"/>) takes effect at once, one made on another node within that time.
/// </summary>
public sealed class SessionValidator(IDocumentStore store, TimeProvider clock)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(10);

    /// <summary>Sessions remembered at most; past that, entries older than <see cref="RecheckAfter"/> go.</summary>
    private const int MaxRemembered = 20_000;

    private readonly ConcurrentDictionary<string, Remembered> _sessions = new();

    /// <summary>Reads under way, by session: concurrent requests of one sign-in (a workspace opening) share one read.</summary>
    private readonly ConcurrentDictionary<string, Reading> _reading = new();

    private sealed record Reading(Guid UserId, object Token, Task<Remembered> Read);

    private sealed record Remembered(Guid UserId, UserAccount? Account, bool SignedOut, DateTimeOffset At);

    public async Task<SessionCheck> CheckAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var (sessionId, userId) = (principal.SessionId(), principal.UserId());
        if (sessionId.Length == 0 || userId == Guid.Empty)
        {
            return SessionCheck.Ended("This sign-in is from before sessions were checked; sign in again.");
        }
        var now = clock.GetUtcNow();
        if (!_sessions.TryGetValue(sessionId, out var known) || now - known.At >= RecheckAfter || known.UserId != userId)
        {
            known = await ReadOnceAsync(sessionId, userId, now).WaitAsync(ct);
        }
        return known switch
        {
            { Account: null } => SessionCheck.Ended("This account no longer exists."),
            { Account.Disabled: true } => SessionCheck.Ended("This account was disabled."),
            { SignedOut: true } => SessionCheck.Ended("You signed out."),
            var k when k.Account.PasswordStamp != principal.PasswordStamp() => SessionCheck.Ended("The password of this account was changed; sign in with the new one."),
            var k when k.Account.SecurityStamp != principal.SecurityStamp() => new SessionCheck(SessionState.Changed, k.Account, null),
            var k => new SessionCheck(SessionState.Valid, k.Account, null),
        };
    }

    /// <summary>Drops what is remembered of a user's sessions, so that the next request reads their access afresh.</summary>
    public void Forget(Guid userId)
    {
        // A read that began before the change is neither joined nor remembered any more.
        foreach (var (sessionId, reading) in _reading)
        {
            if (reading.UserId == userId)
            {
                _reading.TryRemove(KeyValuePair.Create(sessionId, reading));
            }
        }
        foreach (var (sessionId, known) in _sessions)
        {
            if (known.UserId == userId)
            {
                _sessions.TryRemove(sessionId, out _);
            }
        }
    }

    /// <summary>Joins the read of this session under way, or starts one (not cancelled by any one caller) that remembers its result.</summary>
    private Task<Remembered> ReadOnceAsync(string sessionId, Guid userId, DateTimeOffset now)
    {
        if (_reading.TryGetValue(sessionId, out var under) && under.UserId == userId && !under.Read.IsCompleted)
        {
            return under.Read;
        }
        var token = new object();
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = new Reading(userId, token, ReadAndRememberAsync(sessionId, userId, token, registered.Task, now));
        // Lost the race to another request's read: this one still answers its caller, it is just not shared.
        _reading.TryAdd(sessionId, mine);
        registered.SetResult();
        return mine.Read;
    }

    private async Task<Remembered> ReadAndRememberAsync(string sessionId, Guid userId, object token, Task registered, DateTimeOffset now)
    {
        // Starts once the entry is in place, so that its removal below cannot come first.
        await registered;
        Remembered known;
        bool current;
        try
        {
            known = await ReadAsync(sessionId, userId, now, CancellationToken.None);
        }
        finally
        {
            // Still ours unless Forget dropped it meanwhile (then what was read may be from before the change).
            current = _reading.TryGetValue(sessionId, out var entry) && ReferenceEquals(entry.Token, token)
                && _reading.TryRemove(KeyValuePair.Create(sessionId, entry));
        }
        if (current)
        {
            Remember(sessionId, known, now);
        }
        return known;
    }

    private async Task<Remembered> ReadAsync(string sessionId, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var account = batch.Load<UserAccount>(userId);
        var ended = batch.Load<EndedSession>(sessionId);
        await batch.Execute(ct);
        return new Remembered(userId, await account, await ended is not null, now);
    }

    private void Remember(string sessionId, Remembered known, DateTimeOffset now)
    {
        if (_sessions.Count >= MaxRemembered)
        {
            foreach (var (id, old) in _sessions)
            {
                if (now - old.At >= RecheckAfter)
                {
                    _sessions.TryRemove(id, out _);
                }
            }
        }
        _sessions[sessionId] = known;
    }
}
