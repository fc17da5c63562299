using Marten;
using WeakSegPortal.Core;

namespace WeakSegPortal.Web.ApiTokens;

/// <summary>A signed-in user asks for a personal API token that expires after <paramref name="Days"/> days.</summary>
public sealed record IssueApiToken(Guid UserId, string Name, int Days);

/// <summary>The token, shown once: only its hash is stored.</summary>
public sealed record IssuedApiToken(Guid Id, string Token, DateTimeOffset ExpiresAt);

public sealed class IssueApiTokenHandler(IDocumentSession session, TimeProvider clock)
{
    public const int MaxDays = 365;
    public const int MaxNameLength = 80;

    public async Task<(CommandResult Result, IssuedApiToken? Issued)> HandleAsync(IssueApiToken command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.Name.Trim();
        var errors = new Dictionary<string, string>();
        if (name.Length is 0 or > MaxNameLength)
        {
            errors[nameof(IssueApiToken.Name)] = $"Name the token (up to {MaxNameLength} characters), so you know later what uses it.";
        }
        if (command.Days is < 1 or > MaxDays)
        {
            errors[nameof(IssueApiToken.Days)] = $"A token lasts 1 to {MaxDays} days.";
        }
        if (errors.Count > 0)
        {
            return (CommandResult.Refused(errors), null);
        }
        var id = Guid.CreateVersion7();
        var (token, hash) = ApiTokenFormat.New(id);
        var now = clock.GetUtcNow();
        var stored = new ApiToken
        {
            Id = id,
            UserId = command.UserId,
            Name = name,
            SecretHash = hash,
            Prefix = token[..(ApiTokenFormat.Marker.Length + 32)],
            CreatedAt = now,
            ExpiresAt = now.AddDays(command.Days),
        };
        session.Insert(stored);
        await session.SaveChangesAsync(ct);
        return (CommandResult.Ok(id), new IssuedApiToken(id, token, stored.ExpiresAt));
    }
}
