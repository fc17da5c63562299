using Microsoft.Extensions.Options;
using WeakSegPortal.Training;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Worker;

/// <summary>
/// Where this worker trains, decided once at start (<see cref="Probe"/>): libtorch is loaded, and CUDA is used when
/// Worker:TrainingDevice allows it and libtorch can reach a GPU. <see cref="Warning"/> says, in a sentence, why a worker
/// that asked for CUDA (Worker:TrainingDevice = cuda, or a -p:TorchBackend=cuda build) trains on the CPU;
/// <see cref="Problem"/> why it cannot train at all (libtorch did not load), in which case it does not offer to train.
/// </summary>
public sealed class TrainingDevice(IOptions<WorkerOptions> options)
{
    private readonly Lock _gate = new();
    private bool _probed;

    /// <summary>"CUDA" or "CPU" (after <see cref="Probe"/>).</summary>
    public string Name { get; private set; } = "CPU";

    public bool IsCuda => Name == "CUDA";

    public string? Warning { get; private set; }

    public string? Problem { get; private set; }

    public bool CanTrain => Problem is null;

    /// <summary>Whether CUDA was asked for: by the setting, or by a CUDA build under "auto".</summary>
    public bool CudaAsked => options.Value.TrainingDevice == "cuda" || (options.Value.TrainingDevice == "auto" && TorchBackend.BuiltForCuda);

    /// <summary>The libtorch device to put the network and its batches on.</summary>
    public Device Device => IsCuda ? CUDA : CPU;

    /// <summary>Loads libtorch and decides the device; later calls return at once.</summary>
    public void Probe()
    {
        lock (_gate)
        {
            if (_probed)
            {
                return;
            }

            _probed = true;
            try
            {
                OneDnnConvolutions.Disable(); // loads libtorch (and turns oneDNN off, as every U-Net does)
                if (options.Value.TrainingThreads > 0)
                {
                    set_num_threads(options.Value.TrainingThreads);
                }
                var wanted = options.Value.TrainingDevice != "cpu";
                var available = wanted && cuda.is_available();
                Name = available ? "CUDA" : "CPU";
                if (CudaAsked && !available)
                {
                    Warning = TorchBackend.BuiltForCuda
                        ? "Training asked for CUDA, but libtorch (TorchSharp-cuda-linux) finds no usable GPU or CUDA driver; training runs on the CPU."
                        : "Training asked for CUDA (Worker:TrainingDevice = cuda), but this worker was built with the CPU libtorch (TorchSharp-cpu); build it with -p:TorchBackend=cuda for a GPU. Training runs on the CPU.";
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or NotSupportedException or BadImageFormatException)
            {
                Problem = $"libtorch could not be loaded, so this worker does not train: {e.Message}";
            }
        }
    }
}
