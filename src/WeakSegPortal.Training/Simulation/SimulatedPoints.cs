using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Simulation;

/// <summary>Clicks on a class: 1–3 positive points (background: 2) somewhere inside it, with hand shake; a careless annotator clicks near edges and misses.</summary>
public static class SimulatedPoints
{
    public static IEnumerable<LabelPoint> On(SliceAnatomy slice, int classId, AnnotatorProfile annotator, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(annotator);
        ArgumentNullException.ThrowIfNull(random);
        var candidates = slice.Deeper(classId, annotator.Careless ? 1 : annotator.EdgeMargin + 1.5);
        if (candidates.Count == 0)
        {
            candidates = [slice.Deepest(classId)];
        }
        var count = classId == 0 ? 2 : random.Next(1, 4);
        for (var n = 0; n < count; n++)
        {
            var (x, y) = candidates[random.Next(0, candidates.Count)];
            var px = Math.Clamp(x + random.Gaussian(0, annotator.Jitter), 0, slice.Width - 1);
            var py = Math.Clamp(y + random.Gaussian(0, annotator.Jitter), 0, slice.Height - 1);
            // A careful annotator sees where the click landed and places it inside.
            var landed = annotator.Careless || slice.Depth(classId, px, py) >= 1;
            yield return landed ? new LabelPoint(px, py, slice.Slice, classId) : new LabelPoint(x, y, slice.Slice, classId);
        }
    }
}
