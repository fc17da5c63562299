using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.Sam;

public sealed class OnnxSessionFactoryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void When_CUDA_cannot_load_the_session_opens_on_the_CPU_and_keeps_the_reason()
    {
        var model = new SamTestModels(_temp.Path).Write(SamFamily.Sam).DecoderPath;
        var factory = new OnnxSessionFactory(_ => throw new DllNotFoundException("libcudart.so.13: cannot open shared object file"));

        using var opened = factory.Open(model);

        Assert.Equal("CPU", opened.Provider);
        Assert.Contains("libcudart.so.13", opened.FallbackReason, StringComparison.Ordinal);
        Assert.Contains("point_coords", opened.Session.InputMetadata.Keys);
    }

    [Fact]
    public void The_real_CUDA_provider_is_used_only_where_it_loads_and_the_CPU_otherwise()
    {
        var model = new SamTestModels(_temp.Path).Write(SamFamily.Sam).DecoderPath;

        using var opened = new OnnxSessionFactory().Open(model);

        var hasGpu = File.Exists("/dev/nvidia0") || File.Exists("/dev/nvidiactl");
        if (hasGpu)
        {
            Assert.True(opened.Provider is "CUDA" or "CPU", opened.Provider);
        }
        else
        {
            Assert.Equal("CPU", opened.Provider);
            Assert.False(string.IsNullOrEmpty(opened.FallbackReason));
        }
    }
}
