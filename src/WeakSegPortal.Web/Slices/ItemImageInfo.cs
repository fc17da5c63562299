namespace WeakSegPortal.Web.Slices;

/// <summary>A window preset offered to the viewer.</summary>
public sealed record WindowPreset(string Name, double Center, double Width);

/// <summary>
/// What the browser viewer needs to know about an item's image (docs/annotation-protocol.md). <see cref="Name"/> is the
/// item's pseudonym; <see cref="Source"/> (file name, DICOM UIDs) is filled for managers only.
/// </summary>
public sealed record ItemImageInfo(
    Guid Id,
    Guid ProjectId,
    string Name,
    int Nx,
    int Ny,
    int Nz,
    double[] Spacing,
    double[] Origin,
    double[] Direction,
    string Modality,
    double ValueMin,
    double ValueMax,
    WindowPreset Window,
    IReadOnlyList<WindowPreset> Presets,
    string SliceUrl,
    Core.Items.ItemSource? Source = null);
