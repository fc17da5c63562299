using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>
/// Redis for several web nodes (section "Redis"): SignalR's backplane for both hubs, the table of connected workers
/// and of presence every node sees, and QA's live updates. Unset: one node, nothing leaves the process.
/// </summary>
public sealed class BackplaneOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string (<c>host:port[,password=…][,ssl=true]</c>); empty: no backplane.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefix of every channel and key, so that two portals may share one Redis.</summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,32}$", ErrorMessage = "Redis:Prefix takes 1–32 letters, digits, '_', '.' or '-'.")]
    public string Prefix { get; set; } = "weakseg";

    /// <summary>How long a node's entries (its workers, its annotators' presence) outlive its last heartbeat; a third of it is the heartbeat.</summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00")]
    public TimeSpan NodeTtl { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}
