using System.Globalization;
using System.Text;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>The figures of a fuzz run: outcomes by format and class, the decoder's time per unit, each import's time, and whether the portal still answers.</summary>
public sealed record FuzzSummary(
    IReadOnlyList<FuzzOutcome> Outcomes,
    IReadOnlyList<(double Seconds, string Outcome)> Units,
    IReadOnlyList<(double Seconds, int Inputs)> Imports,
    TimeSpan Elapsed,
    bool PortalSurvived)
{
    public int Count(string outcomeClass) => Outcomes.Count(o => o.Class == outcomeClass);

    public double MaxUnitSeconds => Units.Count == 0 ? 0 : Units.Max(u => u.Seconds);

    public string Describe()
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"inputs: {Outcomes.Count} in {Imports.Count} imports, {Elapsed.TotalSeconds:F0} s ({Outcomes.Count / Math.Max(Elapsed.TotalSeconds, 1e-9):F1} inputs/s)");
        s.AppendLine("per format: " + string.Join(", ", Outcomes.GroupBy(o => o.Input.Format).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        s.AppendLine("outcomes:");
        foreach (var group in Outcomes.GroupBy(o => o.Class).OrderByDescending(g => g.Count()))
        {
            var byFormat = string.Join(", ", group.GroupBy(o => o.Input.Format).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
            s.AppendLine(inv, $"  {group.Key,-36} {group.Count(),6}  ({byFormat})");
        }
        s.AppendLine(inv, $"decoder time per unit ({Units.Count} units): p50 {Percentile(Units.Select(u => u.Seconds), 0.50) * 1000:F0} ms, p99 {Percentile(Units.Select(u => u.Seconds), 0.99) * 1000:F0} ms, max {MaxUnitSeconds * 1000:F0} ms");
        s.AppendLine("  units by outcome: " + string.Join(", ", Units.GroupBy(u => u.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()} (max {g.Max(u => u.Seconds) * 1000:F0} ms)")));
        var perInput = Imports.Select(i => i.Seconds / Math.Max(1, i.Inputs)).ToList();
        s.AppendLine(inv, $"import time per batch (~{(Imports.Count == 0 ? 0 : Imports.Average(i => i.Inputs)):F0} inputs, upload to report): p50 {Percentile(Imports.Select(i => i.Seconds), 0.50):F2} s, p99 {Percentile(Imports.Select(i => i.Seconds), 0.99):F2} s, max {(Imports.Count == 0 ? 0 : Imports.Max(i => i.Seconds)):F2} s; per input p99 {Percentile(perInput, 0.99) * 1000:F0} ms, max {(perInput.Count == 0 ? 0 : perInput.Max()) * 1000:F0} ms");
        s.AppendLine("portal survived: " + (PortalSurvived ? "yes" : "NO"));
        foreach (var bad in Outcomes.Where(o => o.IsFinding).Take(40))
        {
            s.AppendLine(inv, $"  ! {bad.Class}: {bad.Input.Name} from {bad.Input.Seed} ({bad.Input.Mutation}): {bad.Message}");
        }
        return s.ToString();
    }

    /// <summary>Writes every finding's input (and its companions) to the folder, to replay with `weakseg stage` or dcmdump.</summary>
    public void WriteFindings(string folder)
    {
        foreach (var finding in Outcomes.Where(o => o.IsFinding))
        {
            var into = Path.Combine(folder, finding.Class.Replace(' ', '-').Replace(':', '-'));
            Directory.CreateDirectory(into);
            File.WriteAllBytes(Path.Combine(into, finding.Input.Name), finding.Input.Bytes);
            foreach (var (name, bytes) in finding.Input.Companions)
            {
                File.WriteAllBytes(Path.Combine(into, name), bytes);
            }
            File.WriteAllText(Path.Combine(into, finding.Input.Name + ".txt"), $"{finding.Input.Seed}: {finding.Input.Mutation}\n{finding.Message}\n");
        }
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
