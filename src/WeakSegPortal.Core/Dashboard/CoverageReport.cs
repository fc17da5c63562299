namespace WeakSegPortal.Core.Dashboard;

/// <summary>
/// A project manager's view of a labelling campaign: coverage against the project's target overlap, gold coverage,
/// each annotator's progress, throughput, speed, agreement over time, suggestion use and label efficiency.
/// Built on request from the read models (<see cref="CoverageReportQuery"/>); hidden repeats are left out of coverage.
/// </summary>
/// <param name="Target">Independent submitted annotations each item should get (the project's annotators per item).</param>
/// <param name="ItemsBySubmissions">Index n: items submitted by n annotators; the last entry counts the target and above.</param>
public sealed record CoverageReport(
    Guid ProjectId,
    string ProjectName,
    int Target,
    int Items,
    int ItemsAtTarget,
    IReadOnlyList<int> ItemsBySubmissions,
    IReadOnlyList<CoverageCell> Cells,
    IReadOnlyList<ItemCoverageRow> Rows,
    GoldCoverage Gold,
    IReadOnlyList<AnnotatorProgressRow> Annotators,
    IReadOnlyList<DailyThroughput> Throughput,
    IReadOnlyList<KindTiming> Timings,
    IReadOnlyList<ClassAgreementPoint> AgreementOverTime,
    SuggestionUse Suggestions,
    IReadOnlyList<LabelEfficiencyRow> Efficiency,
    DateTimeOffset At);
