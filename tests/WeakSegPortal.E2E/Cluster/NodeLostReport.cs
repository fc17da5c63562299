using System.Globalization;
using System.Text;
using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.E2E.Cluster;

/// <summary>
/// The outcome of a node-lost run: the simulated annotators' commands held against the event store (<see cref="FaultReport"/>:
/// sent, stored, refused, lost, duplicated, …), each fault's recovery, and the browser's labels as it saw them and as stored.
/// </summary>
public sealed record NodeLostReport(FaultReport Ledger, IReadOnlyList<ClusterFault> Faults, int BrowserSaved, int BrowserStored, int BrowserStoredIds, IReadOnlyList<string> BrowserErrors)
{
    public string Describe()
    {
        static string S(TimeSpan? t) => t is not { } x ? "–" : x == TimeSpan.MaxValue ? "never" : x.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";
        var text = new StringBuilder(Ledger.Describe());
        text.AppendLine(CultureInfo.InvariantCulture, $"  browser: {BrowserSaved} labels saved, {BrowserStored} events stored under {BrowserStoredIds} command ids, {BrowserErrors.Count} page errors");
        foreach (var f in Faults)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {f.Kind}: done in {S(f.Injected)}; {f.Reconnected} annotators reconnected; first accepted ack {S(f.FirstAccepted)}, every annotator back {S(f.AllAnnotatorsBack)}, browser label saved {S(f.BrowserSaved)}, worker connected {S(f.WorkerBack)}, agreement updating {S(f.AgreementResumed)} (current past the kill's newest event {S(f.AgreementCurrent)}), backplane connected {S(f.BackplaneBack)}; recovered in {S(f.Recovered)}");
        }
        return text.ToString();
    }
}
