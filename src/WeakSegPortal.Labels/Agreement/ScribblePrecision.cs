namespace WeakSegPortal.Core.Agreement;

/// <summary>Share of a class-c scribble that falls inside the consensus of class c: |S ∩ C| / |S|.</summary>
public static class ScribblePrecision
{
    /// <summary>NaN for an empty scribble mask: there is nothing to judge.</summary>
    public static double Compute(bool[] scribble, bool[] consensus)
    {
        ArgumentNullException.ThrowIfNull(scribble);
        ArgumentNullException.ThrowIfNull(consensus);
        if (scribble.Length != consensus.Length)
        {
            throw new ArgumentException("Masks must have the same length.", nameof(consensus));
        }

        long inScribble = 0, inBoth = 0;
        for (var v = 0; v < scribble.Length; v++)
        {
            if (scribble[v])
            {
                inScribble++;
                inBoth += consensus[v] ? 1 : 0;
            }
        }

        return inScribble == 0 ? double.NaN : (double)inBoth / inScribble;
    }

    /// <summary>
    /// Precision over the scribble voxels that others voted on (<paramref name="voters"/> &gt; 0):
    /// where everyone else stayed silent the scribble is neither confirmed nor contradicted.
    /// NaN when no scribble voxel was voted on.
    /// </summary>
    public static double WhereVoted(bool[] scribble, bool[] consensus, byte[] voters)
    {
        ArgumentNullException.ThrowIfNull(scribble);
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentNullException.ThrowIfNull(voters);
        long voted = 0, inBoth = 0;
        for (var v = 0; v < scribble.Length; v++)
        {
            if (scribble[v] && voters[v] > 0)
            {
                voted++;
                inBoth += consensus[v] ? 1 : 0;
            }
        }

        return voted == 0 ? double.NaN : (double)inBoth / voted;
    }
}
