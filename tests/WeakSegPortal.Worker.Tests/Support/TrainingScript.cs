namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>How the stand-in desk answers one training job.</summary>
/// <param name="LeaseSeconds">The lease each claim and directive grants; 0 makes the worker renew after every step.</param>
/// <param name="CancelAtEpoch">This epoch's report is answered "cancel".</param>
/// <param name="LeaseLostAtEpoch">This epoch's report is answered "lease-lost".</param>
/// <param name="CancelAtRenewal">The n-th renewal of the job is answered "cancel".</param>
/// <param name="HoldReportOfEpoch">The first attempt's report of this epoch is recorded, then answered only after the job's ReleaseReport.</param>
public sealed record TrainingScript(
    double LeaseSeconds = 300, int? CancelAtEpoch = null, int? LeaseLostAtEpoch = null, int? CancelAtRenewal = null, int? HoldReportOfEpoch = null)
{
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
