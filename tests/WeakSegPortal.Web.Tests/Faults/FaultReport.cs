using System.Globalization;
using System.Text;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// The outcome of a fault run. Every command made is in exactly one of: stored (once, with the
/// accepted ack's annotation id), refused finally with a reason, lost, or duplicated (and the
/// other defects are counted beside them).
/// </summary>
public sealed record FaultReport(
    int Annotators,
    TimeSpan Duration,
    int Sent,
    int Stored,
    int Refused,
    int Lost,
    int Duplicated,
    int StoredWithoutFinalAck,
    int RefusedButStored,
    int UnexpectedRefusals,
    int WrongAnnotationId,
    int OutOfOrder,
    int StillPending,
    int Resent,
    int Calls,
    int FailedCalls,
    int RetryAcks,
    int Connects,
    int MidCallCuts,
    int PortalDeaths,
    IReadOnlyDictionary<string, int> PortalLogErrors,
    IReadOnlyList<FaultRecovery> Faults,
    IReadOnlyList<string> Examples)
{
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"annotators {Annotators}, {Duration.TotalSeconds:F0} s of load: commands sent {Sent}, stored {Stored}, refused finally {Refused}, lost {Lost}, duplicated {Duplicated}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  other defects: stored without a final ack {StoredWithoutFinalAck}, refused but stored {RefusedButStored}, refused unexpectedly {UnexpectedRefusals}, ack with another annotation id {WrongAnnotationId}, stored out of order {OutOfOrder}, still pending {StillPending}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  traffic: {Calls} calls, {FailedCalls} failed, {RetryAcks} answered retry, {Resent} commands resent with the same id, {Connects} hub connections, {MidCallCuts} connections cut by the proxy, portal died on its own {PortalDeaths} times, {PortalLogErrors.Values.Sum()} error lines in its log");
        foreach (var (kind, count) in PortalLogErrors.OrderByDescending(p => p.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    log errors ×{count}: {kind}");
        }
        foreach (var kind in Faults.GroupBy(f => f.Kind))
        {
            var injected = kind.Select(f => f.Injected.TotalSeconds).Order().ToArray();
            var first = kind.Select(f => f.FirstAccepted.TotalSeconds).Order().ToArray();
            var all = kind.Select(f => f.AllAnnotatorsBack.TotalSeconds).Order().ToArray();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {kind.Key} ×{first.Length}: done after {string.Join(", ", injected.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s; first accepted ack after {string.Join(", ", first.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s; every annotator back after {string.Join(", ", all.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s");
        }
        foreach (var example in Examples)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  e.g. {example}");
        }
        return text.ToString();
    }
}
