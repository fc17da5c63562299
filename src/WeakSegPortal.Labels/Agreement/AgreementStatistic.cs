namespace WeakSegPortal.Core.Agreement;

/// <summary>
/// A chance-corrected agreement statistic (κ, α) that may be undefined, with the reason, and the plain
/// percent agreement it was computed from, which stays defined when the statistic is not.
/// </summary>
/// <remarks>
/// When every rating is the same (all "present", say), the agreement expected by chance is 1 and κ
/// or α is 0/0: the kappa paradox. Printing 0 there reads as "no better than chance" although
/// everyone agreed, and printing 1 hides that the statistic cannot tell; so it is undefined and the
/// percent agreement (100 %) stands beside it.
/// </remarks>
/// <param name="Value">The statistic; null when undefined.</param>
/// <param name="UndefinedReason">Why <paramref name="Value"/> is null, in words for people; null when defined.</param>
/// <param name="PercentAgreement">Share in [0, 1] of the paired ratings that agree; null when nothing was paired.</param>
public sealed record AgreementStatistic(double? Value, string? UndefinedReason, double? PercentAgreement)
{
    public const string AllRatingsIdentical = "undefined: all ratings identical";
    public const string NothingPaired = "undefined: no unit rated by two annotators";

    public bool IsDefined => Value is not null;

    public static AgreementStatistic None { get; } = new(null, NothingPaired, null);

    /// <summary>The statistic from its raw value: NaN (0/0) becomes undefined, for all ratings identical when anything was paired.</summary>
    public static AgreementStatistic Of(double value, double? percentAgreement) =>
        double.IsFinite(value)
            ? new AgreementStatistic(value, null, percentAgreement)
            : new AgreementStatistic(null, percentAgreement is null ? NothingPaired : AllRatingsIdentical, percentAgreement);
}
