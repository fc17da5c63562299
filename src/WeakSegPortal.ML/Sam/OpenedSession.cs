using Microsoft.ML.OnnxRuntime;

namespace WeakSegPortal.ML.Sam;

/// <summary>An ONNX Runtime session with the execution provider it got ("CUDA" or "CPU") and, after a fallback, why.</summary>
public sealed record OpenedSession(InferenceSession Session, string Provider, string? FallbackReason) : IDisposable
{
    public void Dispose() => Session.Dispose();
}
