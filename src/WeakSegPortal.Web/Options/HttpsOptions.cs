using System.ComponentModel.DataAnnotations;
using System.Net;

namespace WeakSegPortal.Web.Options;

/// <summary>
/// Transport security (section "Https"). When TLS is configured (an https endpoint of Kestrel, or
/// <see cref="BehindProxy"/>), the portal sets Secure cookies, sends HSTS and redirects http to https
/// (all but /health, which probes ask over http).
/// </summary>
public sealed class HttpsOptions : IValidatableObject
{
    public const string Section = "Https";

    /// <summary>A TLS-terminating proxy is in front: trust its X-Forwarded-For and X-Forwarded-Proto.</summary>
    public bool BehindProxy { get; set; }

    /// <summary>Addresses of that proxy; empty: loopback only (the proxy runs on this host).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>The https port http requests are redirected to; empty: Kestrel's https endpoint, or 443 behind a proxy.</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    [Range(typeof(TimeSpan), "00:05:00", "730.00:00:00")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                yield return new ValidationResult($"Https:KnownProxies: \"{proxy}\" is not an IP address.", [nameof(KnownProxies)]);
            }
        }
    }
}
