namespace WeakSegPortal.Core.Projects;

/// <summary>Imaging modality of a project's data; drives windowing presets and defaults.</summary>
public enum Modality
{
    CT,
    MR,
    XRay,
    PET,
    Ultrasound,
    Dermoscopy,
    Endoscopy,
    Microscopy,
    Other,
}
