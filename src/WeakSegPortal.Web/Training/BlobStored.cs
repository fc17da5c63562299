namespace WeakSegPortal.Web.Training;

/// <summary>The answer to <c>POST /api/worker/blobs</c>: the stored bytes' content hash.</summary>
public sealed record BlobStored(string Hash);
