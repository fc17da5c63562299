namespace WeakSegPortal.Benchmarks;

/// <summary>
/// One Suggest call as the client saw it: what was asked, who answered, the round trip, the bytes each way on the wire,
/// the server's own time, and the mask that came back (null when refused), from which the next simulated click is made.
/// </summary>
internal sealed record HubClickSample(
    string Prompt, string Engine, string RanOn, bool Ok, string? Error, double RoundTripMs, long BytesUp, long BytesDown, double? ServerMs, double IoU, bool[]? Mask);
