using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Simulation;

/// <summary>Draws a box around a class: its tight bounds (pixel edges), each edge moved by the annotator's hand shake.</summary>
/// <remarks>People drawing a box tend to leave the object a little room rather than cut it: each edge moves outwards by
/// 0.6 jitter on average, plus a normal deviate of one jitter either way.</remarks>
public static class SimulatedBoxes
{
    public static Box2D Around(SliceAnatomy slice, int classId, AnnotatorProfile annotator, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(annotator);
        ArgumentNullException.ThrowIfNull(random);
        var (x0, y0, x1, y1) = slice.Bounds(classId);
        double Edge(double at, int outwards, double limit) =>
            Math.Clamp(at + outwards * random.Gaussian(0.6 * annotator.Jitter, annotator.Jitter), -0.5, limit - 0.5);
        return new Box2D(
            Edge(x0 - 0.5, -1, slice.Width), Edge(y0 - 0.5, -1, slice.Height),
            Edge(x1 + 0.5, 1, slice.Width), Edge(y1 + 0.5, 1, slice.Height),
            slice.Slice, classId);
    }
}
