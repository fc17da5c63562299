using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Hosting;

/// <summary>Where the event and document store lives (section "Database").</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required(ErrorMessage = "Database:ConnectionString is not set. Set it (env Database__ConnectionString) or start the portal with infra/run.sh, which starts a private PostgreSQL.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>PostgreSQL schema that holds Marten's tables.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "Database:Schema must be a lower-case PostgreSQL identifier.")]
    public string Schema { get; set; } = "weakseg";
}
