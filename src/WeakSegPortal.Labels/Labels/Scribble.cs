namespace WeakSegPortal.Core.Labels;

/// <summary>A freehand stroke on one slice: a polyline of the given width (pixels) labelling one class.</summary>
/// <remarks>
/// A background scribble simply carries the project's background class id: background is a class
/// like any other here, and "not labelled" is the absence of a scribble.
/// </remarks>
public sealed record Scribble(IReadOnlyList<PlanePoint> Points, double Width, int Slice, int ClassId);
