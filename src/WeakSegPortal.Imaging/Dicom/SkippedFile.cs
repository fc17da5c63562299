namespace WeakSegPortal.Imaging.Dicom;

/// <summary>A file a folder scan left out, and why (said to the user).</summary>
public sealed record SkippedFile(string Path, string Reason);
