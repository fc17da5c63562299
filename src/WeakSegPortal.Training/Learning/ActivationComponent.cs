namespace WeakSegPortal.Training.Learning;

/// <summary>One connected, intensity-homogeneous piece of an image's lit class activation maps (<see cref="ActivationComponents"/>).</summary>
/// <param name="Pixels">Its pixel indices (row after row).</param>
/// <param name="Intensity">The median intensity of its pixels.</param>
public sealed record ActivationComponent(int[] Pixels, double Intensity)
{
    /// <summary>log(pixel count): sizes compare by ratio, not difference.</summary>
    public double LogArea => Math.Log(Pixels.Length);
}
