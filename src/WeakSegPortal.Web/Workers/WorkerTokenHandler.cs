using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Workers;

/// <summary>
/// Authenticates a worker by one of Workers:Tokens, from <c>Authorization: Bearer</c> or <c>?access_token=</c>
/// (WebSockets from a browser-like client cannot set headers). Tokens are compared in constant time, as hashes of
/// equal length, against every configured one. A missing or wrong token gets 401 and a warning in the log.
/// </summary>
public sealed partial class WorkerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<WorkerOptions> workers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private readonly byte[][] _tokenHashes = [.. workers.Value.Tokens.Select(t => SHA256.HashData(Encoding.UTF8.GetBytes(t.Trim())))];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var matched = false;
        foreach (var token in _tokenHashes)
        {
            // No early exit: the time taken says nothing about which token came close.
            matched |= CryptographicOperations.FixedTimeEquals(hash, token);
        }
        if (!matched)
        {
            return Task.FromResult(AuthenticateResult.Fail("The worker token is not one of Workers:Tokens."));
        }
        var identity = new ClaimsIdentity([new Claim(WorkerToken.MachineClaim, "worker"), new Claim(ClaimTypes.Name, "worker")], WorkerToken.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), WorkerToken.Scheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        LogRefused(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString() ?? "?", result.Failure?.Message ?? "no worker token was presented");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        return request.Query.TryGetValue(WorkerToken.QueryParameter, out var query) && !string.IsNullOrEmpty(query) ? query.ToString() : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a worker request {Method} {Path} from {Address}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string address, string reason);
}
