namespace WeakSegPortal.Training.Bench;

/// <summary>A benchmark's items and classes, and the simulated annotators by id (the careless one named).</summary>
/// <param name="Classes">Classes including background.</param>
public sealed record BenchSet(IReadOnlyList<BenchItem> Items, int Classes, IReadOnlyDictionary<Guid, string> AnnotatorNames, Guid CarelessAnnotator);
