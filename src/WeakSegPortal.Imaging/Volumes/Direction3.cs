namespace WeakSegPortal.Imaging.Volumes;

/// <summary>A 3×3 direction matrix whose columns are the world (LPS) directions of the i, j and k index axes.</summary>
public sealed record Direction3(Vec3 AxisI, Vec3 AxisJ, Vec3 AxisK)
{
    public static Direction3 Identity { get; } = new(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1));

    /// <summary>Element at row r, column c (column c is the direction of index axis c).</summary>
    public double this[int row, int column] => Column(column)[row];

    public Vec3 Column(int column) => column switch
    {
        0 => AxisI,
        1 => AxisJ,
        2 => AxisK,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    public Vec3 Multiply(Vec3 v) => (AxisI * v.X) + (AxisJ * v.Y) + (AxisK * v.Z);

    public double Determinant => AxisI.Dot(AxisJ.Cross(AxisK));

    /// <summary>Solves D·x = v; works for any invertible matrix, not only orthonormal ones.</summary>
    public Vec3 Solve(Vec3 v)
    {
        var det = Determinant;
        if (Math.Abs(det) < 1e-12)
        {
            throw new InvalidOperationException("The direction matrix is singular.");
        }

        // Cramer's rule: cheap for 3×3 and exact for sheared (non-orthogonal) NIfTI affines.
        var x = v.Dot(AxisJ.Cross(AxisK)) / det;
        var y = AxisI.Dot(v.Cross(AxisK)) / det;
        var z = AxisI.Dot(AxisJ.Cross(v)) / det;
        return new Vec3(x, y, z);
    }

    /// <summary>Row-major 9 values, as ITK and Cornerstone print them.</summary>
    public double[] ToRowMajor() =>
        [AxisI.X, AxisJ.X, AxisK.X, AxisI.Y, AxisJ.Y, AxisK.Y, AxisI.Z, AxisJ.Z, AxisK.Z];

    public override string ToString() => $"[i {AxisI}, j {AxisJ}, k {AxisK}]";
}
