using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// The consensus and disagreement of one slice, computed on demand for the item view (never stored).
/// A slice is its own planar image: the labels on it plus item-wide tags decide it completely.
/// </summary>
/// <param name="ClassConsensus">Per class id, the majority vote's foreground (Nx × Ny, x fastest).</param>
/// <param name="Disagreement">Per pixel, the largest disagreement over the classes, in [0, 1].</param>
public sealed record SliceConsensus(Grid Grid, IReadOnlyDictionary<int, bool[]> ClassConsensus, float[] Disagreement)
{
    public static SliceConsensus Compute(Grid volume, int slice, IReadOnlyList<WeakLabels> annotators, IReadOnlyList<int> classIds)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(annotators);
        ArgumentNullException.ThrowIfNull(classIds);
        var grid = Grid.Planar(volume.Nx, volume.Ny, volume.SpacingX, volume.SpacingY);
        var disagreement = new float[grid.Count];
        var consensus = new Dictionary<int, bool[]>();
        if (annotators.Count == 0)
        {
            return new SliceConsensus(grid, consensus, disagreement);
        }
        var onSlice = annotators.Select(a => LabelledSlices.OnSlice(a, slice, volume)).ToList();
        foreach (var classId in classIds)
        {
            var vote = MajorityVote.Compute([.. onSlice.Select(a => WeakLabelRasterizer.Rasterize(a, classId, grid))]);
            consensus[classId] = vote.Consensus;
            var map = DisagreementMap.FromVotes(vote);
            for (var v = 0; v < map.Length; v++)
            {
                disagreement[v] = Math.Max(disagreement[v], map[v]);
            }
        }
        return new SliceConsensus(grid, consensus, disagreement);
    }
}
