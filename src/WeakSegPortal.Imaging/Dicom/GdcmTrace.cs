namespace WeakSegPortal.Imaging.Dicom;

/// <summary>Silences GDCM's own stderr messages once per process; our exceptions say what went wrong.</summary>
internal static class GdcmTrace
{
    private static readonly Lazy<bool> Silenced = new(() =>
    {
        gdcm.Trace.WarningOff();
        gdcm.Trace.DebugOff();
        gdcm.Trace.ErrorOff();
        return true;
    });

    public static void Silence() => _ = Silenced.Value;
}
