namespace WeakSegPortal.ML.Evaluation;

/// <summary>
/// One object's simulated session: the IoU with the truth after each number of clicks (index 0: the starting
/// prompt alone — a box, or nothing, which is an empty mask) and the clicks made, in order.
/// </summary>
public sealed record ClickTrace(IReadOnlyList<double> IoUAfterClicks, IReadOnlyList<SimulatedClick> Clicks)
{
    /// <summary>The fewest clicks after which the IoU reached <paramref name="iou"/>; null when it never did.</summary>
    public int? ClicksToReach(double iou)
    {
        for (var k = 0; k < IoUAfterClicks.Count; k++)
        {
            if (IoUAfterClicks[k] >= iou)
            {
                return k;
            }
        }

        return null;
    }
}
