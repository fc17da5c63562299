using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Health;

/// <summary>
/// Writes the health report as JSON: to anyone, the overall status alone (what a probe needs); to a
/// signed-in admin, each check with its data (versions, names, the agreement subscription's lag).
/// </summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        object body = http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(Roles.Admin)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            }
            : new { status = report.Status.ToString() };
        http.Response.ContentType = "application/json";
        // Details differ by who asks: no shared cache may keep an admin's answer for a probe.
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body), http.RequestAborted);
    }
}
