namespace WeakSegPortal.Core.Labels;

/// <summary>Voxel dimensions and spacing (mm) of an item; a 2D image has Nz = 1.</summary>
/// <remarks>Index order is x fastest, then y, then slice, matching how volumes are stored.</remarks>
public sealed record Grid
{
    public Grid(int nx, int ny, int nz, double spacingX = 1, double spacingY = 1, double spacingZ = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ny);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spacingX);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spacingY);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spacingZ);
        (Nx, Ny, Nz) = (nx, ny, nz);
        (SpacingX, SpacingY, SpacingZ) = (spacingX, spacingY, spacingZ);
    }

    public int Nx { get; }
    public int Ny { get; }
    public int Nz { get; }
    public double SpacingX { get; }
    public double SpacingY { get; }
    public double SpacingZ { get; }

    public int SliceSize => Nx * Ny;
    public int Count => Nx * Ny * Nz;
    public bool IsPlanar => Nz == 1;

    /// <summary>A single-slice image.</summary>
    public static Grid Planar(int nx, int ny, double spacingX = 1, double spacingY = 1) =>
        new(nx, ny, 1, spacingX, spacingY, 1);

    public int Index(int i, int j, int k) => (k * Ny + j) * Nx + i;

    public bool Contains(int i, int j, int k) =>
        (uint)i < (uint)Nx && (uint)j < (uint)Ny && (uint)k < (uint)Nz;

    public void EnsureMatches(int length)
    {
        if (length != Count)
        {
            throw new ArgumentException($"Expected {Count} voxels for {Nx}x{Ny}x{Nz}, got {length}.");
        }
    }
}
