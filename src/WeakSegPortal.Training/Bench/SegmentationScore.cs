using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Bench;

/// <summary>Dice and HD95 (mm, with the grid's spacing) of a predicted label volume against the truth, summed over the foreground classes the truth holds.</summary>
/// <remarks>
/// Only classes present in the truth are scored (as on data sets where every organ is present); a class predicted but
/// absent has no surface to measure to, so its HD95 is taken as the grid's diagonal in mm, the largest it could be.
/// </remarks>
public static class SegmentationScore
{
    /// <returns>Sums over the scored classes and how many were scored.</returns>
    public static (double Dice, double Hd95Mm, int Classes) Of(byte[] predicted, byte[] truth, Grid grid, int classes)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(grid);
        var diagonal = Math.Sqrt(Math.Pow(grid.Nx * grid.SpacingX, 2) + Math.Pow(grid.Ny * grid.SpacingY, 2) + Math.Pow(grid.Nz * grid.SpacingZ, 2));
        double dice = 0, hd95 = 0;
        var scored = 0;
        for (var c = 1; c < classes; c++)
        {
            var b = truth.Select(v => v == c).ToArray();
            if (!b.Contains(true))
            {
                continue;
            }
            scored++;
            var a = predicted.Select(v => v == c).ToArray();
            dice += Overlap.Dice(a, b);
            var distance = SurfaceDistance.Compute(a, b, grid).Hd95Mm;
            hd95 += double.IsFinite(distance) ? distance : diagonal;
        }
        return (dice, hd95, scored);
    }
}
