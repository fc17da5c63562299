using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;

namespace WeakSegPortal.Worker;

/// <summary>
/// Takes training jobs (docs/training-protocol.md), one at a time beside the suggestion jobs: it calls <c>ClaimTraining</c>
/// when woken (announce, the portal's <c>TrainingAvailable</c>, the end of a job) and every Worker:TrainingPollSeconds while
/// idle, runs a claimed job (<see cref="TrainingRun"/>) and ends it: <c>CompleteTraining</c> with the outcome, nothing when
/// the portal cancelled it or the claim was lost, <c>FailTraining</c> with a sentence on any failure. A worker that stops
/// mid-job says nothing: its lease runs out and another worker resumes from the last checkpoint.
/// </summary>
public sealed partial class TrainingJobRunner(
    TrainingChannel channel, PortalTrainingClient portal, VolumeCache volumes, TrainingDevice device, IOptions<WorkerOptions> options,
    ILogger<TrainingJobRunner> log) : BackgroundService
{
    private string? _lastClaimProblem;

    /// <summary>Training jobs this worker ended (completed, cancelled, failed or lost), for logs and tests.</summary>
    public int JobsEnded { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = options.Value;
        if (!worker.Trains)
        {
            return;
        }

        await Task.Yield(); // libtorch loads off the host's start
        device.Probe();
        if (!device.CanTrain)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(worker.TrainingPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await channel.WaitForOfferAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (!channel.Connected)
            {
                continue;
            }

            TrainingAssignment? assignment;
            try
            {
                assignment = await channel.ClaimAsync(stoppingToken);
                _lastClaimProblem = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (e.Message != _lastClaimProblem)
                {
                    ClaimFailed(log, e.Message);
                    _lastClaimProblem = e.Message;
                }

                continue;
            }

            if (assignment is not null)
            {
                await RunAsync(assignment, stoppingToken);
                JobsEnded++;
                channel.Offered(); // another job may be waiting
            }
        }
    }

    private async Task RunAsync(TrainingAssignment assignment, CancellationToken stoppingToken)
    {
        var (jobId, attempt) = (assignment.JobId, assignment.Attempt);
        Claimed(log, jobId, attempt, assignment.ProjectId, device.Name, assignment.Config.Epochs, assignment.ResumeAfterEpoch);
        var clock = Stopwatch.StartNew();
        try
        {
            var outcome = await new TrainingRun(assignment, channel, portal, volumes, device, log).RunAsync(stoppingToken);
            if (outcome is not null)
            {
                var version = await channel.CompleteAsync(outcome, stoppingToken);
                Completed(log, jobId, version, outcome.ValidationDice, clock.Elapsed.TotalSeconds);
            }
        }
        catch (TrainingClaimLostException)
        {
            ClaimLost(log, jobId, attempt);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Abandoned(log, jobId, attempt);
        }
        catch (Exception e)
        {
            var reason = Reason(e);
            Failed(log, e, jobId, attempt, reason);
            try
            {
                await channel.FailAsync(jobId, attempt, reason, stoppingToken);
            }
            catch (Exception report) when (report is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                FailureNotReported(log, jobId, report.Message);
            }
        }
    }

    /// <summary>The sentence the manager reads: the data's or the checkpoint's own reason, else what went wrong on which worker.</summary>
    private string Reason(Exception e) => e switch
    {
        IncompatibleCheckpointException or TrainingDataException or VolumeUnavailableException => e.Message,
        _ => $"Training failed on worker {options.Value.Name}: {e.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId} attempt {Attempt} claimed (project {ProjectId}) on {Device}: {Epochs} epochs, resuming after epoch {ResumeAfter}")]
    private static partial void Claimed(ILogger logger, Guid jobId, int attempt, Guid projectId, string device, int epochs, int resumeAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId} completed: model version {VersionId}, validation Dice {Dice:0.###}, {Seconds:0.#} s")]
    private static partial void Completed(ILogger logger, Guid jobId, Guid versionId, double? dice, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId} attempt {Attempt}: the claim passed to a later attempt; dropped")]
    private static partial void ClaimLost(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {JobId} attempt {Attempt}: the worker is stopping; the job resumes elsewhere after its lease")]
    private static partial void Abandoned(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training job {JobId} attempt {Attempt} failed: {Reason}")]
    private static partial void Failed(ILogger logger, Exception exception, Guid jobId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training job {JobId}: the failure could not be reported to the portal: {Reason}")]
    private static partial void FailureNotReported(ILogger logger, Guid jobId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the portal for a training job: {Reason}")]
    private static partial void ClaimFailed(ILogger logger, string reason);
}
