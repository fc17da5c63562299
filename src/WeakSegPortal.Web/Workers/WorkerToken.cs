using System.Security.Claims;

namespace WeakSegPortal.Web.Workers;

/// <summary>The worker's machine credential: its authentication scheme, the policy that requires it, and the claim only it carries.</summary>
public static class WorkerToken
{
    public const string Scheme = "WorkerToken";
    public const string Policy = "Worker";
    public const string MachineClaim = "weakseg:machine";
    public const string QueryParameter = "access_token";

    /// <summary>A worker's principal (never a person's: the cookie carries no machine claim).</summary>
    public static bool IsWorker(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: Scheme } && user.HasClaim(MachineClaim, "worker");
}
