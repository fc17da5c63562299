namespace WeakSegPortal.ML.Jobs;

/// <summary>
/// One object's whole prompt so far on one slice, in the slice's pixel space (docs/suggestion-protocol.md):
/// what the browser sends to the annotation hub and the web app forwards to a worker unchanged.
/// </summary>
public sealed record WirePrompt(
    Guid ObjectId, string Orientation, int Slice, int ClassId,
    WireBox? Box, IReadOnlyList<WirePoint> Points, IReadOnlyList<WireScribble> Scribbles)
{
    /// <summary>Propagation: the mask of this object on <see cref="SeedSlice"/>, the neighbouring slice (null for an ordinary prompt).</summary>
    public WireMask? SeedMask { get; init; }

    /// <summary>Propagation: the slice <see cref="SeedMask"/> lies on; a worker passes that slice's low-resolution mask of the object as SAM's mask_input.</summary>
    public int? SeedSlice { get; init; }
}

public sealed record WireBox(double X0, double Y0, double X1, double Y1);

public sealed record WirePoint(double X, double Y, bool Positive);

/// <summary>A scribble; a class other than the prompt's says "not this object".</summary>
public sealed record WireScribble(IReadOnlyList<double[]> Points, double Width, int ClassId);
