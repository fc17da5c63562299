using Microsoft.ML.OnnxRuntime;

namespace WeakSegPortal.ML.Sam;

/// <summary>
/// Opens a model on the CUDA execution provider when it loads, otherwise on the CPU. Appending CUDA throws when
/// CUDA 13 or cuDNN cannot load (KNOWN-GOOD.md), and a session can still fail to start on it, so either failure
/// falls back to fresh CPU options and the reason is kept for /health and the logs.
/// </summary>
public sealed class OnnxSessionFactory(Action<SessionOptions>? appendCuda = null)
{
    private readonly Action<SessionOptions> _appendCuda = appendCuda ?? (options => options.AppendExecutionProvider_CUDA(0));

    public bool PreferCuda { get; init; } = true;

    public OpenedSession Open(string path)
    {
        string? reason = null;
        if (PreferCuda)
        {
            var options = new SessionOptions();
            try
            {
                _appendCuda(options);
                return new OpenedSession(new InferenceSession(path, options), "CUDA", null);
            }
            catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException or InvalidOperationException)
            {
                reason = e.Message;
            }
            finally
            {
                options.Dispose();
            }
        }

        using var cpu = new SessionOptions();
        return new OpenedSession(new InferenceSession(path, cpu), "CPU", reason);
    }
}
