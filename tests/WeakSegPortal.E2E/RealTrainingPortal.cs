namespace WeakSegPortal.E2E;

/// <summary>
/// The real portal with one real worker that trains. No browser: the training round trip drives the portal through its
/// hubs and the handlers its pages call.
/// </summary>
public sealed class RealTrainingPortal() : KestrelWorkerPortal(WorkerToken, WorkerName)
{
    public const string WorkerToken = "e2e-real-trainer-token-0123456789abcdef";
    public const string WorkerName = "e2e-real-trainer";

    // One libtorch thread: on a machine whose cores are shared, OpenMP threads that wait for each other at every barrier
    // make a step many times slower than one thread does. The worker polls for training jobs every second.
    protected override IReadOnlyDictionary<string, string> WorkerSettings => new Dictionary<string, string>
    {
        ["Worker:TrainingThreads"] = "1",
        ["Worker:TrainingPollSeconds"] = "1",
        ["Worker:TrainingDevice"] = "cpu",
    };
}
