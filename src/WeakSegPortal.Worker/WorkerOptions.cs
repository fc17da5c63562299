using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Worker;

/// <summary>Who this worker is and where it connects (section "Worker"); validated at start.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>The portal's base URL; the worker connects to {ServerUrl}/hubs/worker and fetches volumes under {ServerUrl}/api/worker.</summary>
    [Required(ErrorMessage = "Worker:ServerUrl is not set: the portal's base URL, e.g. http://127.0.0.1:5080 (env Worker__ServerUrl).")]
    public string ServerUrl { get; set; } = "";

    /// <summary>The machine token, one of the portal's Workers:Tokens; sent as a bearer token, never a user's cookie.</summary>
    [Required(ErrorMessage = "Worker:Token is not set: one of the portal's Workers:Tokens (env Worker__Token; infra/run.sh generates one into .data/).")]
    [MinLength(16, ErrorMessage = "Worker:Token is shorter than 16 characters; use a generated secret (e.g. openssl rand -hex 32).")]
    public string Token { get; set; } = "";

    /// <summary>Shown in the portal's /health and in each reply's ranOn.</summary>
    [Required(ErrorMessage = "Worker:Name is not set.")]
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Worker:Name is 1–64 letters, digits, '.', '_' or '-'.")]
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>Jobs (or embedding slices) run at once; the rest wait their turn.</summary>
    [Range(1, 256, ErrorMessage = "Worker:MaxConcurrency is between 1 and 256.")]
    public int MaxConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Memory bound of the volume cache (voxel bytes, least recently used first out).</summary>
    [Range(1L << 20, long.MaxValue, ErrorMessage = "Worker:VolumeCacheBytes is at least 1 MiB.")]
    public long VolumeCacheBytes { get; set; } = 2L << 30;

    /// <summary>Objects whose previous low-resolution mask is kept for refinement (least recently used first out).</summary>
    [Range(1, 100_000, ErrorMessage = "Worker:PreviousMasks is between 1 and 100000.")]
    public int PreviousMasks { get; set; } = 512;

    /// <summary>A job still running after this long is stopped and answered with an error.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Worker:JobTimeout is between 1 s and 1 h.")]
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait before reconnecting; it doubles on each failure up to <see cref="MaxReconnectDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Worker:ReconnectDelay is between 10 ms and 10 min.")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Worker:MaxReconnectDelay is between 10 ms and 1 h.")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether this worker takes training jobs (announced as Trains; docs/training-protocol.md).</summary>
    public bool Trains { get; set; } = true;

    /// <summary>While no training job runs, the worker asks for one this often (besides on announce and on the portal's TrainingAvailable).</summary>
    [Range(1, 86_400, ErrorMessage = "Worker:TrainingPollSeconds is between 1 and 86400.")]
    public int TrainingPollSeconds { get; set; } = 30;

    /// <summary>
    /// Where training runs: "auto" (CUDA when the libtorch this worker was built with can use a GPU, else the CPU), "cpu", or
    /// "cuda" (asked for: a worker that cannot use CUDA says so at start and trains on the CPU). A build with
    /// -p:TorchBackend=cuda asks for CUDA under "auto" too.
    /// </summary>
    [RegularExpression("^(auto|cpu|cuda)$", ErrorMessage = "Worker:TrainingDevice is auto, cpu or cuda.")]
    public string TrainingDevice { get; set; } = "auto";

    /// <summary>
    /// libtorch's CPU threads (intra-op) for training and the project model's scoring; 0 leaves libtorch's default (one per
    /// core). On cores shared with other work, fewer threads than cores can be much faster: OpenMP threads wait for each
    /// other at every barrier, and one that is descheduled holds all the others up.
    /// </summary>
    [Range(0, 256, ErrorMessage = "Worker:TrainingThreads is between 0 (libtorch's default) and 256.")]
    public int TrainingThreads { get; set; }
}
