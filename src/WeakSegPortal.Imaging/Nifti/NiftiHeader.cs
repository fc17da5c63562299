namespace WeakSegPortal.Imaging.Nifti;

/// <summary>The fields of a NIfTI-1 or NIfTI-2 header that reading needs, widened to one shape.</summary>
internal sealed record NiftiHeader
{
    public required int Version { get; init; }
    public required bool LittleEndian { get; init; }
    public required long[] Dim { get; init; }
    public required double[] PixDim { get; init; }
    public required NiftiDataType DataType { get; init; }
    public required long VoxOffset { get; init; }
    public double SclSlope { get; init; }
    public double SclInter { get; init; }
    public int QformCode { get; init; }
    public int SformCode { get; init; }
    public double QuaternB { get; init; }
    public double QuaternC { get; init; }
    public double QuaternD { get; init; }
    public double QoffsetX { get; init; }
    public double QoffsetY { get; init; }
    public double QoffsetZ { get; init; }

    /// <summary>srow_x, srow_y, srow_z: 3 rows of 4, in RAS.</summary>
    public required double[][] Srow { get; init; }

    public string Description { get; init; } = "";

    /// <summary>True for a single .nii file ("n+1"/"n+2"), false for a .hdr/.img pair.</summary>
    public bool SingleFile { get; init; } = true;

    public long Size(int axis) => Dim[0] >= axis && Dim[axis] > 0 ? Dim[axis] : 1;
}
