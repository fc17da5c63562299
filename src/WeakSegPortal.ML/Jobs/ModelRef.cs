namespace WeakSegPortal.ML.Jobs;

/// <summary>
/// A project's promoted model, as a suggestion job names it for the "project-model" engine: the worker fetches the ONNX file
/// by <paramref name="OnnxHash"/> from <c>GET /api/worker/blobs/{hash}</c> and keeps the session. <paramref name="ImageSide"/>
/// and <paramref name="NeighbourSlices"/> say how the network was trained (its input).
/// </summary>
public sealed record ModelRef(Guid ModelVersionId, int Version, string OnnxHash, int Classes, int NeighbourSlices, int ImageSide);
