using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Simulation;

namespace WeakSegPortal.Training.Bench;

/// <summary>The simulated crowd (three careful annotators and one careless) labelling items whose truth is known, with stable annotator ids.</summary>
public static class SimulatedCrowdLabels
{
    public static SimulatedCrowd Crowd { get; } = SimulatedCrowd.WithOneCareless();

    /// <summary>A stable id per simulated annotator: the same on every run, so label files can be re-read and compared.</summary>
    public static Guid IdOf(int annotator) => new(0x5eed0000 + annotator, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    public static IReadOnlyDictionary<Guid, string> Names { get; } =
        Crowd.Annotators.Select((a, n) => (Id: IdOf(n), a.Name)).ToDictionary(x => x.Id, x => x.Name);

    public static Guid Careless { get; } = IdOf(Crowd.Annotators.ToList().FindIndex(a => a.Careless));

    /// <summary>Every annotator's scribbles, boxes, points and tags of the phantom (reliability 1: nothing is known yet).</summary>
    public static IReadOnlyList<AnnotatorWeakLabels> Annotate(Phantom phantom, int itemSeed) =>
        Crowd.Annotate(phantom, WeakLabelKinds.All, itemSeed).Select((a, n) => new AnnotatorWeakLabels(IdOf(n), 1, a.Labels)).ToList();
}
