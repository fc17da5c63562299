using WeakSegPortal.Core.Training;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>
/// The portal's training bookkeeping in memory (docs/training-protocol.md), behind the stand-in hub's training methods and
/// the dataset endpoint: jobs the test offers, claims with attempts (a later claim carries the last reported checkpoint),
/// every report, renewal, completion and failure as it arrived, and the directives the test scripts (cancel, lease lost,
/// a report held until released).
/// </summary>
public sealed class StandInTrainingDesk
{
    private readonly Lock _gate = new();
    private readonly List<Job> _jobs = [];
    private readonly List<TrainingEpochReport> _reports = [];
    private readonly List<(Guid JobId, int Attempt)> _renewals = [];
    private readonly List<TrainingOutcome> _completions = [];
    private readonly List<(Guid JobId, int Attempt, string Reason)> _failures = [];

    /// <summary>Called when a worker is told a job is available (the test's portal pushes TrainingAvailable).</summary>
    public event Action? Offered;

    public IReadOnlyList<TrainingEpochReport> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    public IReadOnlyList<(Guid JobId, int Attempt)> Renewals
    {
        get
        {
            lock (_gate)
            {
                return [.. _renewals];
            }
        }
    }

    public IReadOnlyList<TrainingOutcome> Completions
    {
        get
        {
            lock (_gate)
            {
                return [.. _completions];
            }
        }
    }

    public IReadOnlyList<(Guid JobId, int Attempt, string Reason)> Failures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    public int Claims { get; private set; }

    /// <summary>A job waiting to be claimed; its script says how the desk answers.</summary>
    public Job Offer(TrainingDataset dataset, TrainingConfig config, TrainingScript? script = null, string? initialCheckpointHash = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var job = new Job(dataset, config, script ?? new TrainingScript(), initialCheckpointHash);
        lock (_gate)
        {
            _jobs.Add(job);
        }

        Offered?.Invoke();
        return job;
    }

    public TrainingAssignment? Claim()
    {
        lock (_gate)
        {
            Claims++;
            var job = _jobs.FirstOrDefault(j => j.Claimable);
            if (job is null)
            {
                return null;
            }

            job.Attempt++;
            job.Claimable = false;
            var last = _reports.LastOrDefault(r => r.JobId == job.Id);
            return new TrainingAssignment(job.Id, job.Dataset.ProjectId, job.Attempt, job.Config, job.LeaseUntil(),
                last?.CheckpointHash, last?.Epoch ?? 0, job.InitialCheckpointHash);
        }
    }

    public async Task<TrainingDirective> ReportAsync(TrainingEpochReport report)
    {
        Job job;
        lock (_gate)
        {
            _reports.Add(report);
            job = Find(report.JobId);
        }

        if (job.Script.HoldReportOfEpoch == report.Epoch && report.Attempt == 1)
        {
            job.ReportHeld.TrySetResult();
            await job.ReleaseReport.Task;
        }

        return Directive(job, report.Attempt, job.Script.CancelAtEpoch == report.Epoch, job.Script.LeaseLostAtEpoch == report.Epoch);
    }

    public TrainingDirective Renew(Guid jobId, int attempt)
    {
        lock (_gate)
        {
            _renewals.Add((jobId, attempt));
            var job = Find(jobId);
            return Directive(job, attempt, job.Script.CancelAtRenewal == _renewals.Count(r => r.JobId == jobId), lost: false);
        }
    }

    public Guid Complete(TrainingOutcome outcome)
    {
        lock (_gate)
        {
            _completions.Add(outcome);
            return Guid.NewGuid();
        }
    }

    public void Fail(Guid jobId, int attempt, string reason)
    {
        lock (_gate)
        {
            _failures.Add((jobId, attempt, reason));
        }
    }

    /// <summary>The dataset for attempt N, or null when N no longer holds the job (the endpoint answers 409).</summary>
    public TrainingDataset? Dataset(Guid jobId, int attempt)
    {
        lock (_gate)
        {
            var job = Find(jobId);
            return job.Attempt == attempt ? job.Dataset : null;
        }
    }

    /// <summary>The job's lease passed (its worker died): the next claim takes it as a new attempt.</summary>
    public void Expire(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            job.Claimable = true;
        }

        Offered?.Invoke();
    }

    public IReadOnlyList<int> EpochsOf(Job job, int attempt) => [.. Reports.Where(r => r.JobId == job.Id && r.Attempt == attempt).Select(r => r.Epoch)];

    private Job Find(Guid jobId) => _jobs.Single(j => j.Id == jobId);

    private static TrainingDirective Directive(Job job, int attempt, bool cancel, bool lost) =>
        lost || attempt != job.Attempt ? new TrainingDirective(TrainingDirective.LeaseLost, DateTimeOffset.UtcNow)
        : cancel ? new TrainingDirective(TrainingDirective.Cancel, DateTimeOffset.UtcNow)
        : new TrainingDirective(TrainingDirective.Continue, job.LeaseUntil());

    /// <summary>One training job and how the desk answers it.</summary>
    public sealed class Job(TrainingDataset dataset, TrainingConfig config, TrainingScript script, string? initialCheckpointHash)
    {
        public TrainingScript Script { get; } = script;

        public Guid Id => Dataset.JobId;

        public TrainingDataset Dataset { get; } = dataset;

        public TrainingConfig Config { get; } = config;

        public string? InitialCheckpointHash { get; } = initialCheckpointHash;

        public int Attempt { get; internal set; }

        internal bool Claimable { get; set; } = true;

        public TaskCompletionSource ReportHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseReport { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal DateTimeOffset LeaseUntil() => DateTimeOffset.UtcNow + Script.Lease;
    }
}
