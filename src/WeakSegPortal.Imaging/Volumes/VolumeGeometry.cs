namespace WeakSegPortal.Imaging.Volumes;

/// <summary>Where a voxel grid lies in LPS world space: world = origin + direction · (spacing ⊙ index).</summary>
public sealed record VolumeGeometry(int Nx, int Ny, int Nz, Vec3 Spacing, Vec3 Origin, Direction3 Direction)
{
    public long VoxelCount => (long)Nx * Ny * Nz;

    /// <summary>The world (LPS mm) position of a continuous voxel index; voxel centres are integers.</summary>
    public Vec3 IndexToWorld(Vec3 index) => Origin + Direction.Multiply(Spacing.Scale(index));

    /// <summary>The continuous voxel index of a world (LPS mm) position; the inverse of <see cref="IndexToWorld"/>.</summary>
    public Vec3 WorldToIndex(Vec3 world)
    {
        var scaled = Direction.Solve(world - Origin);
        return new Vec3(scaled.X / Spacing.X, scaled.Y / Spacing.Y, scaled.Z / Spacing.Z);
    }

    public bool Contains(int i, int j, int k) => i >= 0 && j >= 0 && k >= 0 && i < Nx && j < Ny && k < Nz;
}
