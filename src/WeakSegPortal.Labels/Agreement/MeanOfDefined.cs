namespace WeakSegPortal.Core.Agreement;

/// <summary>Running mean that skips NaN, for figures that are undefined when there is nothing to compare.</summary>
internal sealed class MeanOfDefined
{
    private double sum;
    private int count;

    public double Mean => count == 0 ? double.NaN : sum / count;

    public void Add(double value)
    {
        if (!double.IsNaN(value))
        {
            sum += value;
            count++;
        }
    }
}
