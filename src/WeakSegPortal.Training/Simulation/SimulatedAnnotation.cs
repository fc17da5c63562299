using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Simulation;

/// <summary>What one simulated annotator gave one item.</summary>
public sealed record SimulatedAnnotation(AnnotatorProfile Annotator, WeakLabels Labels);
