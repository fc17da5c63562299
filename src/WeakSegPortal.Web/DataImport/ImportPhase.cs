namespace WeakSegPortal.Web.DataImport;

/// <summary>Where an import stands, for progress bars.</summary>
public enum ImportPhase
{
    Uploading,
    Retrieving,
    Decoding,
    Recording,
    Finished,
}
