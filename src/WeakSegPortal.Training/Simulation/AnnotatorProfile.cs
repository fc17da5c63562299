namespace WeakSegPortal.Training.Simulation;

/// <summary>How a simulated annotator draws: how far from edges they keep, how much their hand shakes, what they miss or get wrong.</summary>
/// <param name="Name">Annotator id in the simulated crowd.</param>
/// <param name="EdgeMargin">Pixels a scribble keeps between its own pixels and the object's edge, and clicks from the edge (careless: none, and strokes overshoot).</param>
/// <param name="Jitter">Standard deviation of hand shake, in pixels (stroke points, clicks, box edges).</param>
/// <param name="Overshoot">Pixels a stroke runs past where it should end (careless: past the object).</param>
/// <param name="MissRate">Chance a present class gets no label at all on an item.</param>
/// <param name="TagFlipRate">Chance a tag says the opposite of the truth.</param>
/// <param name="Careless">The one annotator whose labels are noticeably worse.</param>
public sealed record AnnotatorProfile(
    string Name,
    double EdgeMargin,
    double Jitter,
    double Overshoot,
    double MissRate,
    double TagFlipRate,
    bool Careless = false)
{
    /// <summary>A conscientious annotator: strokes well inside, near-tight boxes, rare misses.</summary>
    public static AnnotatorProfile Careful(string name) => new(name, EdgeMargin: 1, Jitter: 0.5, Overshoot: 0, MissRate: 0.02, TagFlipRate: 0.01);

    /// <summary>A careless annotator: strokes cross edges, loose boxes, missed classes, wrong tags.</summary>
    public static AnnotatorProfile Sloppy(string name) =>
        new(name, EdgeMargin: 0, Jitter: 2.5, Overshoot: 4, MissRate: 0.15, TagFlipRate: 0.2, Careless: true);
}
