namespace WeakSegPortal.Web.DataImport;

/// <summary>Progress of one phase: bytes while uploading, units (series or files) while decoding.</summary>
public sealed record ImportProgress(ImportPhase Phase, long Done, long Total, string? Current = null)
{
    public double Percent => Total <= 0 ? 0 : Math.Clamp(100.0 * Done / Total, 0, 100);
}
