using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Models;

namespace WeakSegPortal.Worker;

/// <summary>Weak labels moved from a slice's pixels to the network's (<see cref="NetworkInput"/>): boxes, scribbles (their width scaled too) and clicks; tags as they are.</summary>
public static class NetworkLabels
{
    public static WeakLabels From(WeakLabels labels, NetworkInput input)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(input);
        return new WeakLabels
        {
            Boxes = [.. labels.Boxes.Select(b => b with
            {
                // Box edges lie on pixel edges (−0.5 … n − 0.5), which map like any coordinate.
                X0 = input.ToNetworkX(b.MinX), X1 = input.ToNetworkX(b.MaxX),
                Y0 = input.ToNetworkY(b.MinY), Y1 = input.ToNetworkY(b.MaxY),
            })],
            Scribbles = [.. labels.Scribbles.Select(s => s with
            {
                Points = [.. s.Points.Select(p => new PlanePoint(input.ToNetworkX(p.X), input.ToNetworkY(p.Y)))],
                Width = Math.Max(1, s.Width * input.Scale),
            })],
            Points = [.. labels.Points.Select(p => p with { X = input.ToNetworkX(p.X), Y = input.ToNetworkY(p.Y) })],
            Tags = labels.Tags,
        };
    }
}
