namespace WeakSegPortal.Core.Labels;

/// <summary>Conversions between three-state maps and binary masks.</summary>
public static class LabelMasks
{
    public static bool[] Where(byte[] states, LabelState state)
    {
        ArgumentNullException.ThrowIfNull(states);
        var mask = new bool[states.Length];
        var wanted = (byte)state;
        for (var v = 0; v < states.Length; v++)
        {
            mask[v] = states[v] == wanted;
        }

        return mask;
    }

    public static bool[] Positives(byte[] states) => Where(states, LabelState.Positive);

    /// <summary>A fully labelled map from a binary mask: true is Positive, false is Negative.</summary>
    public static byte[] ToStates(bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var states = new byte[mask.Length];
        for (var v = 0; v < mask.Length; v++)
        {
            states[v] = (byte)(mask[v] ? LabelState.Positive : LabelState.Negative);
        }

        return states;
    }

    public static int Count(bool[] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var count = 0;
        foreach (var set in mask)
        {
            count += set ? 1 : 0;
        }

        return count;
    }
}
