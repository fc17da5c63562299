using System.Diagnostics.Metrics;

namespace WeakSegPortal.Web.DataImport;

/// <summary>
/// Import instruments (meter <c>WeakSegPortal.Import</c>): the time the child decoder spent on each unit,
/// tagged with its outcome (decoded, refused, crashed, timed-out). The fuzz suite reads it to give the
/// time per input; operations can export it like any .NET meter.
/// </summary>
public sealed class ImportMetrics
{
    public const string MeterName = "WeakSegPortal.Import";
    public const string UnitDuration = "weakseg.import.unit.duration";
    public const string Decoded = "decoded", Refused = "refused", Crashed = "crashed", TimedOut = "timed-out";

    private readonly Histogram<double> _unitSeconds;

    public ImportMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _unitSeconds = meters.Create(MeterName).CreateHistogram<double>(UnitDuration, "s", "Time the image decoder spent on one unit (a DICOM series or one file), by outcome.");
    }

    public void UnitFinished(TimeSpan elapsed, string outcome) =>
        _unitSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
}
