namespace WeakSegPortal.Training.Learning;

/// <summary>The shape of the learning rate over training.</summary>
public enum LearningRateDecay
{
    /// <summary>The peak rate at every step: the final weights are a snapshot taken at full rate.</summary>
    Constant,

    /// <summary>nnU-Net's poly decay: peak × (1 − t/T)^0.9.</summary>
    Poly,

    /// <summary>Cosine decay: peak × (1 + cos(π t/T)) / 2.</summary>
    Cosine,
}

/// <summary>
/// The learning rate at each step of a run of <c>T</c> steps: a linear warm-up over <see cref="WarmUpSteps"/> steps (rate
/// peak × (t + 1) / warm-up), then the <see cref="Decay"/> over the whole run (t counted from 0, so the decay reaches 0 only
/// past the last step). A run split into pieces (the worker's epochs, a resumed run) passes the global step and the whole
/// run's length, so every piece lies on the same curve.
/// </summary>
public sealed record LearningRateSchedule(LearningRateDecay Decay = LearningRateDecay.Constant, int WarmUpSteps = 0)
{
    /// <summary>nnU-Net's exponent of the poly decay.</summary>
    public const double PolyExponent = 0.9;

    public static LearningRateSchedule Constant { get; } = new();

    /// <summary>
    /// The schedule every training here uses unless told otherwise, the benchmark's and every worker job's: poly. Measured
    /// in README "Weak-label training benchmark", runs I (poly) and J: from a peak of 1e-2 it held full masks at 0.983–0.998
    /// at eight (items, seed) pairs where the constant rate fell to 0.829, and ended the tag and box collapses.
    /// </summary>
    public static LearningRateSchedule Default => Poly;

    public static LearningRateSchedule Poly { get; } = new(LearningRateDecay.Poly);

    public static LearningRateSchedule Cosine { get; } = new(LearningRateDecay.Cosine);

    /// <summary>The rate at step <paramref name="step"/> (0-based) of a run of <paramref name="steps"/> steps that peaks at <paramref name="peak"/>.</summary>
    public double RateAt(double peak, int step, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var progress = Math.Min(step, steps) / (double)steps;
        var decayed = Decay switch
        {
            LearningRateDecay.Constant => peak,
            LearningRateDecay.Poly => peak * Math.Pow(1 - progress, PolyExponent),
            LearningRateDecay.Cosine => peak * (1 + Math.Cos(Math.PI * progress)) / 2,
            _ => throw new InvalidOperationException($"Unknown learning rate decay {Decay}."),
        };
        return step < WarmUpSteps ? peak * (step + 1) / WarmUpSteps : decayed;
    }

    public void Validate()
    {
        if (!Enum.IsDefined(Decay)) throw new ArgumentOutOfRangeException(nameof(Decay), Decay, "constant, poly or cosine");
        ArgumentOutOfRangeException.ThrowIfNegative(WarmUpSteps);
    }

    /// <summary>The schedule's name on a command line or in a configuration: "constant", "poly", "cosine", with "+warm-up N" where there is one.</summary>
    public override string ToString() =>
        Decay.ToString().ToLowerInvariant() + (WarmUpSteps > 0 ? $" + warm-up {WarmUpSteps}" : "");
}
