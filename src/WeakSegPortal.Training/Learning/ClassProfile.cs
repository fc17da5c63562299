namespace WeakSegPortal.Training.Learning;

/// <summary>
/// What one class's activation components look like, learnt from the images on which it is the only class tagged present
/// (so its map's largest lit piece can only be that class): mean and spread of their median intensity and of their log area.
/// </summary>
/// <remarks>Spreads have floors (<see cref="IntensityFloor"/>, <see cref="LogAreaFloor"/>) so that a profile from one or two images still admits noise and size differences.</remarks>
public sealed record ClassProfile(double Intensity, double IntensitySpread, double LogArea, double LogAreaSpread)
{
    public const double IntensityFloor = 0.05;
    public const double LogAreaFloor = 0.3;

    /// <summary>The profile of these components (at least one).</summary>
    public static ClassProfile From(IReadOnlyList<ActivationComponent> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            throw new ArgumentException("A profile needs at least one component.", nameof(samples));
        }
        var (intensity, area) = (samples.Average(s => s.Intensity), samples.Average(s => s.LogArea));
        var intensitySpread = Math.Sqrt(samples.Average(s => (s.Intensity - intensity) * (s.Intensity - intensity)));
        var areaSpread = Math.Sqrt(samples.Average(s => (s.LogArea - area) * (s.LogArea - area)));
        return new ClassProfile(intensity, Math.Max(IntensityFloor, intensitySpread), area, Math.Max(LogAreaFloor, areaSpread));
    }

    /// <summary>How many spreads the component's intensity lies from the profile's.</summary>
    public double IntensityScore(ActivationComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return Math.Abs(component.Intensity - Intensity) / IntensitySpread;
    }

    /// <summary>Squared distance in spreads over intensity and log area.</summary>
    public double Distance(ActivationComponent component)
    {
        var area = (component.LogArea - LogArea) / LogAreaSpread;
        var intensity = IntensityScore(component);
        return intensity * intensity + area * area;
    }
}
