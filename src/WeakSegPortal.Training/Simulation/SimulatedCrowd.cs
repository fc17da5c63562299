namespace WeakSegPortal.Training.Simulation;

/// <summary>A crowd of simulated annotators labelling phantoms: by default three careful ones and one careless one.</summary>
public sealed class SimulatedCrowd(IReadOnlyList<AnnotatorProfile> annotators)
{
    public IReadOnlyList<AnnotatorProfile> Annotators { get; } = annotators ?? throw new ArgumentNullException(nameof(annotators));

    public static SimulatedCrowd WithOneCareless() => new(
    [
        AnnotatorProfile.Careful("ann-1"),
        AnnotatorProfile.Careful("ann-2"),
        AnnotatorProfile.Careful("ann-3"),
        AnnotatorProfile.Sloppy("ann-careless"),
    ]);

    /// <summary>Every annotator's labels of one item; the same item seed gives the same labels.</summary>
    public IReadOnlyList<SimulatedAnnotation> Annotate(Phantom phantom, WeakLabelKinds kinds, int itemSeed) =>
        Annotators.Select((annotator, n) =>
            new SimulatedAnnotation(annotator, new SimulatedAnnotator(annotator).Annotate(phantom, kinds, SeededRandom.Mix(itemSeed, n))))
            .ToList();
}
