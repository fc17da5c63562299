namespace WeakSegPortal.Core.Agreement;

/// <summary>Per-voxel outcome of a majority vote over three-state maps.</summary>
/// <param name="VoteFraction">Positive votes / votes cast; 0 where nobody voted.</param>
/// <param name="Voters">How many raters labelled the voxel (positive or negative).</param>
/// <param name="Consensus">Strict majority: VoteFraction &gt; 0.5; a tie is not foreground.</param>
public sealed record MajorityVoteResult(float[] VoteFraction, byte[] Voters, bool[] Consensus);
