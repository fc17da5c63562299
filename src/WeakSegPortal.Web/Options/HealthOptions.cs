using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>What /health calls degraded (section "Health").</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// How far the agreement subscription (Marten's async daemon) may trail the newest event, by the
    /// age of the oldest event it has not handled yet, before /health reports Degraded.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxAgreementLag { get; set; } = TimeSpan.FromMinutes(1);
}
