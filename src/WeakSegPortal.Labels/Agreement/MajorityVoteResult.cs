using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Per-voxel outcome of a majority vote over three-state maps.</summary>
/// <param name="VoteFraction">Positive votes / votes cast; 0 where nobody voted.</param>
/// <param name="Positives">How many raters said Positive.</param>
/// <param name="Voters">How many raters labelled the voxel (positive or negative).</param>
/// <param name="Consensus">Strict majority: VoteFraction &gt; 0.5; a tie is not foreground.</param>
public sealed record MajorityVoteResult(float[] VoteFraction, byte[] Positives, byte[] Voters, bool[] Consensus)
{
    /// <summary>The consensus as a three-state map: Unknown where nobody voted.</summary>
    public byte[] ToStates()
    {
        var states = new byte[Consensus.Length];
        for (var v = 0; v < states.Length; v++)
        {
            states[v] = Voters[v] == 0 ? (byte)LabelState.Unknown
                : Consensus[v] ? (byte)LabelState.Positive : (byte)LabelState.Negative;
        }

        return states;
    }
}
