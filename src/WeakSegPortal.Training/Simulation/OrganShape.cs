namespace WeakSegPortal.Training.Simulation;

/// <summary>An organ-like body: a rotated ellipsoid whose in-plane outline is perturbed by a few low harmonics (lobes).</summary>
/// <remarks>
/// Outline at angle θ: r(θ) = s(z) (1 + Σ_k a_k cos(kθ + φ_k)) in the ellipse's normalised units, with s(z) = √(1 − dz²)
/// shrinking it towards the ends of the stack. The harmonics are small enough (Σ a_k &lt; 0.4) that the body stays star-shaped.
/// </remarks>
public sealed record OrganShape(
    double CentreX, double CentreY, double CentreZ,
    double RadiusX, double RadiusY, double RadiusZ,
    double Angle,
    IReadOnlyList<(int Order, double Amplitude, double Phase)> Lobes)
{
    public bool Contains(double x, double y, double z)
    {
        var dz = RadiusZ > 0 ? (z - CentreZ) / RadiusZ : 0;
        if (dz * dz >= 1)
        {
            return false;
        }
        var (cos, sin) = (Math.Cos(Angle), Math.Sin(Angle));
        var (dx, dy) = (x - CentreX, y - CentreY);
        var u = (cos * dx + sin * dy) / RadiusX;
        var v = (-sin * dx + cos * dy) / RadiusY;
        var theta = Math.Atan2(v, u);
        var outline = 1.0;
        foreach (var (order, amplitude, phase) in Lobes)
        {
            outline += amplitude * Math.Cos(order * theta + phase);
        }
        return Math.Sqrt(u * u + v * v) <= Math.Sqrt(1 - dz * dz) * outline;
    }
}
