namespace WeakSegPortal.Imaging.Volumes;

/// <summary>How a volume keeps its voxels in memory.</summary>
public enum VoxelType
{
    /// <summary>Signed 16-bit values in real units (CT Hounsfield units, label maps): half the memory of float.</summary>
    Int16,

    /// <summary>32-bit floats in real units, for everything whose rescaled values do not fit Int16 exactly.</summary>
    Float32,
}
