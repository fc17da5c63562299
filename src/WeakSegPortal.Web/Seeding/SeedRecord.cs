namespace WeakSegPortal.Web.Seeding;

/// <summary>Marks a seed as done so that deleting demo data later does not bring it back.</summary>
public sealed class SeedRecord
{
    public string Id { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
