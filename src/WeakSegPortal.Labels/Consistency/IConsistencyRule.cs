using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Consistency;

/// <summary>A 3D consistency check over one annotator's labels on one item. Add a rule to <see cref="ConsistencyRules.All"/>.</summary>
public interface IConsistencyRule
{
    /// <summary>Stable name, used by the browser and the QA desk to group findings.</summary>
    string Name { get; }

    IEnumerable<ConsistencyFinding> Check(WeakLabels labels, Grid grid, ConsistencyOptions options, Func<int, string> className);
}
