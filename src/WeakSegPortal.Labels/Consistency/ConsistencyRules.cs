using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Consistency;

/// <summary>Every 3D consistency rule, in the order their findings are listed.</summary>
public static class ConsistencyRules
{
    public static IReadOnlyList<IConsistencyRule> All { get; } = [new AbsentTagContradiction(), new BoxSequenceGap(), new AreaJump()];

    /// <summary>Runs every rule; findings ordered by rule, then class, then first slice.</summary>
    public static IReadOnlyList<ConsistencyFinding> Check(WeakLabels labels, Grid grid, Func<int, string> className, ConsistencyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(className);
        options ??= ConsistencyOptions.Default;
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        return All.SelectMany(rule => rule.Check(labels, grid, options, className)
                .OrderBy(f => f.ClassId).ThenBy(f => f.Slices.Count > 0 ? f.Slices[0] : -1))
            .ToList();
    }
}
