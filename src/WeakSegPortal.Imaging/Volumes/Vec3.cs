namespace WeakSegPortal.Imaging.Volumes;

/// <summary>A 3-vector of doubles: a position in LPS millimetres, a spacing or a continuous voxel index.</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public double this[int axis] => axis switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };

    public double Dot(Vec3 other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    public Vec3 Cross(Vec3 o) => new((Y * o.Z) - (Z * o.Y), (Z * o.X) - (X * o.Z), (X * o.Y) - (Y * o.X));

    public double Length => Math.Sqrt(Dot(this));

    public Vec3 Normalized()
    {
        var length = Length;
        return length == 0 ? this : this * (1.0 / length);
    }

    /// <summary>Component-wise product (spacing ⊙ index).</summary>
    public Vec3 Scale(Vec3 other) => new(X * other.X, Y * other.Y, Z * other.Z);

    public override string ToString() => $"({X:0.####}, {Y:0.####}, {Z:0.####})";
}
