using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>What to create on first start (section "Seed").</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Create demo users for every role and a demo project on first start.</summary>
    public bool Demo { get; set; }

    /// <summary>An admin to create when no user exists yet (production bootstrap).</summary>
    public string? AdminUserName { get; set; }

    [MinLength(8, ErrorMessage = "Seed:AdminPassword must have at least 8 characters.")]
    public string? AdminPassword { get; set; }
}
