using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>
/// What one annotator's clicks and scribbles of a class are scored against: the others' consensus.
/// </summary>
/// <remarks>
/// First choice: the others' majority vote of their region labels (scribbles, full masks, tags), with
/// their clicks left out — a click is a sample of one voxel, and two people's clicks rarely fall on
/// the same voxel, so a "consensus" of clicks would put every other click outside. When the others'
/// region labels make no positive consensus (they drew only boxes, or clicks), the box consensus:
/// the voxels inside the boxes of more than half of the others who boxed that slice (for one or two
/// others, the intersection of their boxes). <see cref="Voters"/> counts who spoke about each voxel,
/// for scribble precision.
/// </remarks>
internal sealed record ReferenceRegion(bool[] Consensus, byte[] Voters, string Basis)
{
    public bool Any => Basis != ConsensusBasis.None;

    public static ReferenceRegion For(int rater, MajorityVoteResult regionVote, byte[] regionStates, BoxVotes? boxes, bool[] consensus, byte[] voters)
    {
        if (OthersVote.Of(regionVote, regionStates, consensus, voters).AnyConsensus)
        {
            return new ReferenceRegion(consensus, voters, ConsensusBasis.Labels);
        }

        return boxes is not null && boxes.LeaveOut(rater, consensus, voters)
            ? new ReferenceRegion(consensus, voters, ConsensusBasis.Boxes)
            : new ReferenceRegion(consensus, voters, ConsensusBasis.None);
    }

    /// <summary>Each rater's states without their clicks (the same array when they clicked nothing).</summary>
    public static byte[] RegionStates(AnnotatorLabels annotator, byte[] states, int classId, Grid grid) =>
        annotator.Geometry.Points.Count == 0
            ? states
            : WeakLabelRasterizer.Rasterize(annotator.Geometry with { Points = [] }, classId, grid);
}
