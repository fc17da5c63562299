namespace WeakSegPortal.Core.Dashboard;

/// <summary>
/// One annotator of the team against their assignment: the queue's own figures (Items/QueueProgress: done, open, total),
/// their submissions, and their self-agreement on hidden repeats.
/// </summary>
public sealed record AnnotatorProgressRow(Guid AnnotatorId, int Done, int Open, int Total, int Submitted, double? SelfAgreement, int RepeatsCompared)
{
    /// <summary>Done over total, 0 to 1; 1 when nothing is assigned or left.</summary>
    public double Share => Total == 0 ? 1 : (double)Done / Total;
}
