using Microsoft.Extensions.Options;

namespace WeakSegPortal.Worker.Tests;

/// <summary>Where training runs on this CPU-only build: the CPU, and a worker that asked for CUDA says why it did not get it.</summary>
public sealed class TrainingDeviceTests
{
    [Fact]
    public void A_CPU_build_trains_on_the_CPU_and_says_nothing_unless_CUDA_was_asked_for()
    {
        var device = new TrainingDevice(Options.Create(new WorkerOptions()));

        device.Probe();

        Assert.Equal(("CPU", true, null, null), (device.Name, device.CanTrain, device.Warning, device.Problem));
    }

    [Fact]
    public void A_worker_that_asks_for_CUDA_on_a_CPU_build_trains_on_the_CPU_and_says_which_build_it_needs()
    {
        var device = new TrainingDevice(Options.Create(new WorkerOptions { TrainingDevice = "cuda" }));

        device.Probe();

        Assert.Equal(("CPU", true), (device.Name, device.CanTrain));
        Assert.Equal(
            "Training asked for CUDA (Worker:TrainingDevice = cuda), but this worker was built with the CPU libtorch (TorchSharp-cpu); build it with -p:TorchBackend=cuda for a GPU. Training runs on the CPU.",
            device.Warning);
    }
}
