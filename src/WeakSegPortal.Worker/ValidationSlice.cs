namespace WeakSegPortal.Worker;

/// <summary>One slice of a gold item held out for validation: the network's input and the gold class channel per pixel.</summary>
public sealed record ValidationSlice(float[] Input, byte[] Truth);
