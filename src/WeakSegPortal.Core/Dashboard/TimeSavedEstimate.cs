using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Dashboard;

/// <summary>
/// Estimates annotator time saved by suggestions. The rule (also shown on the dashboard): each label taken from a
/// suggestion saved the median active time of a hand-drawn label of the same class in the project (of the project's
/// hand-drawn labels of any class when that class has none), less the active time spent on the accepted label itself,
/// never below zero. Without hand-drawn labels nothing is estimated (0).
/// </summary>
public static class TimeSavedEstimate
{
    public const string Rule = "Each label taken from a suggestion counts as saving the median active time of a hand-drawn label of the same class in this project (of any class when that class has none), less the active time spent on the accepted label, never below zero.";

    public static double Seconds(IReadOnlyCollection<LabelFact> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var manual = labels.Where(l => !l.Assisted).ToList();
        if (manual.Count == 0)
        {
            return 0;
        }
        var overall = Defined.Median(manual.Select(l => l.ActiveMs / 1000.0)) ?? 0;
        var byClass = manual.GroupBy(l => l.ClassId).ToDictionary(g => g.Key, g => Defined.Median(g.Select(l => l.ActiveMs / 1000.0)) ?? overall);
        return labels.Where(l => l.Assisted)
            .Sum(l => Math.Max(0, byClass.GetValueOrDefault(l.ClassId, overall) - (l.ActiveMs / 1000.0)));
    }
}
