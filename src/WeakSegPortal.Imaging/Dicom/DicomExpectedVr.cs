namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// The standard VR of the attributes GDCM interprets while reading an image. GDCM asserts (aborting
/// the process) when an explicit-VR file gives one of them another VR, so the pre-check refuses that.
/// </summary>
internal static class DicomExpectedVr
{
    private static readonly Dictionary<uint, string> Vrs = new()
    {
        [0x00080016] = "UI", [0x00080018] = "UI", [0x00080060] = "CS", [0x00080008] = "CS",
        [0x00180050] = "DS", [0x00180088] = "DS", [0x00181164] = "DS",
        [0x0020000D] = "UI", [0x0020000E] = "UI", [0x00200013] = "IS",
        [0x00200032] = "DS", [0x00200037] = "DS",
        [0x00280002] = "US", [0x00280004] = "CS", [0x00280006] = "US", [0x00280008] = "IS",
        [0x00280010] = "US", [0x00280011] = "US", [0x00280030] = "DS", [0x00280034] = "IS",
        [0x00280100] = "US", [0x00280101] = "US", [0x00280102] = "US", [0x00280103] = "US",
        [0x00281050] = "DS", [0x00281051] = "DS", [0x00281052] = "DS", [0x00281053] = "DS", [0x00281054] = "LO",
        [0x3004000C] = "DS", [0x3004000E] = "DS",
    };

    /// <summary>True when the tag is unknown here, the VR matches, or the VR is UN (GDCM accepts that).</summary>
    public static bool Accepts(uint tag, string vr) =>
        vr.Length == 0 || vr == "UN" || !Vrs.TryGetValue(tag, out var expected) || expected == vr;
}
