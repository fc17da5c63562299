namespace WeakSegPortal.Web.Slices;

/// <summary>An encoded slice ready to send, with its gzip form for raw slices and a strong ETag.</summary>
public sealed record EncodedSlice(byte[] Body, byte[]? Gzipped, string ContentType, string ETag);
