namespace WeakSegPortal.Core.Labels;

/// <summary>The wire names of <see cref="SlicePlane"/> ("axial", "coronal", "sagittal"); absent means axial.</summary>
public static class SlicePlaneNames
{
    public const string Axial = "axial";
    public const string Coronal = "coronal";
    public const string Sagittal = "sagittal";

    /// <summary>The plane a wire name stands for; null (absent) is axial; an unknown name is not a plane.</summary>
    public static bool TryParse(string? name, out SlicePlane plane)
    {
        (var known, plane) = name switch
        {
            null or Axial => (true, SlicePlane.Axial),
            Coronal => (true, SlicePlane.Coronal),
            Sagittal => (true, SlicePlane.Sagittal),
            _ => (false, SlicePlane.Axial),
        };
        return known;
    }

    /// <summary>The wire name of a plane, null for axial (so axial labels read as they always have).</summary>
    public static string? WireName(SlicePlane plane) => plane switch
    {
        SlicePlane.Coronal => Coronal,
        SlicePlane.Sagittal => Sagittal,
        _ => null,
    };
}
