using Marten;
using WeakSegPortal.Core;

namespace WeakSegPortal.Web.ApiTokens;

/// <summary>The owner revokes one of their tokens; it fails with 401 from the next request on.</summary>
public sealed record RevokeApiToken(Guid TokenId, Guid UserId);

public sealed class RevokeApiTokenHandler(IDocumentSession session, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(RevokeApiToken command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var token = await session.LoadAsync<ApiToken>(command.TokenId, ct);
        // Another user's token is answered as a missing one.
        if (token is null || token.UserId != command.UserId)
        {
            return CommandResult.Refused("", "There is no such token.");
        }
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            session.Update(token);
            await session.SaveChangesAsync(ct);
        }
        return CommandResult.Ok(token.Id);
    }
}
