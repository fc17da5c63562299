using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// Label maps of an item (one byte per voxel, the class id; 0 where no class is positive): an annotator's from their
/// rasterised weak labels (<see cref="WeakLabelRasterizer"/>'s positives), the consensus from the QA desk's majority vote on
/// each labelled slice (<see cref="SliceConsensus"/>). A voxel two classes claim takes the later class.
/// </summary>
public static class LabelMaps
{
    public static byte[] OfAnnotator(WeakLabels labels, IReadOnlyList<int> classIds, Grid grid)
    {
        var map = new byte[grid.Count];
        foreach (var classId in classIds)
        {
            var states = WeakLabelRasterizer.Rasterize(labels, classId, grid);
            for (var v = 0; v < states.Length; v++)
            {
                if (states[v] == (byte)LabelState.Positive)
                {
                    map[v] = (byte)classId;
                }
            }
        }
        return map;
    }

    public static byte[] Consensus(IReadOnlyList<WeakLabels> annotators, IReadOnlyList<int> classIds, Grid grid)
    {
        var map = new byte[grid.Count];
        if (annotators.Count == 0)
        {
            return map;
        }
        foreach (var k in LabelledSlices.Of(grid, annotators).VolumeSlices)
        {
            var slice = SliceConsensus.Compute(grid, k, annotators, classIds);
            var start = k * grid.SliceSize;
            foreach (var classId in classIds)
            {
                var mask = slice.ClassConsensus[classId];
                for (var v = 0; v < mask.Length; v++)
                {
                    if (mask[v])
                    {
                        map[start + v] = (byte)classId;
                    }
                }
            }
        }
        return map;
    }
}
