using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Training;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Training;

/// <summary>
/// Training jobs through the worker hub with real SignalR clients standing in for training workers (docs/training-protocol.md):
/// durable claims (one of two racing workers wins), lease lapse and resume from the last checkpoint, stale attempts, cancel,
/// one job per project, completion registering numbered versions, failure.
/// </summary>
[Collection(TrainingPortalGroup.Name)]
public sealed class TrainingJobTests(TrainingPortal factory)
{
    private readonly TrainingWorld _world = new(factory);

    [Fact]
    public async Task Of_two_workers_racing_for_one_job_exactly_one_holds_it_and_the_push_reaches_both()
    {
        await _world.NoOpenJobsAsync();
        await using var a = await TrainingWorker.ConnectAsync(factory, "race-a");
        await using var b = await TrainingWorker.ConnectAsync(factory, "race-b");
        await using var notTraining = await TrainingWorker.ConnectAsync(factory, "race-suggest-only", trains: false);
        var job = await _world.RequestedAsync(await _world.ProjectAsync("race"));
        await Eventually.TrueAsync(() => a.Available > 0 && b.Available > 0);

        var claims = await Task.WhenAll(a.ClaimAsync(), b.ClaimAsync());

        Assert.Single(claims, c => c is not null);
        var won = claims.Single(c => c is not null)!;
        Assert.Equal((job, 1), (won.JobId, won.Attempt));
        Assert.Null(won.ResumeCheckpointHash);
        Assert.Single((await _world.EventsAsync(job)).OfType<TrainingClaimed>());
        Assert.Equal(0, notTraining.Available);
        await Assert.ThrowsAsync<HubException>(() => notTraining.ClaimAsync());
    }

    [Fact]
    public async Task A_lapsed_lease_lets_the_next_claim_resume_from_the_last_checkpoint_and_the_old_attempt_gets_lease_lost()
    {
        await _world.NoOpenJobsAsync();
        await using var first = await TrainingWorker.ConnectAsync(factory, "lapse-1");
        await using var second = await TrainingWorker.ConnectAsync(factory, "lapse-2");
        var job = await _world.RequestedAsync(await _world.ProjectAsync("lapse"));
        var held = (await first.ClaimAsync())!;
        var checkpoint1 = await TrainingWorker.PutBlobAsync(factory, "checkpoint after epoch 1"u8.ToArray());
        var checkpoint2 = await TrainingWorker.PutBlobAsync(factory, "checkpoint after epoch 2"u8.ToArray());
        Assert.Equal(TrainingDirective.Continue, (await first.ReportAsync(held, 1, 0.9, 0.3, checkpoint1)).Action);
        Assert.Equal(TrainingDirective.Continue, (await first.ReportAsync(held, 2, 0.7, 0.5, checkpoint2)).Action);
        Assert.Null(await second.ClaimAsync());

        factory.Clock.Advance(TimeSpan.FromSeconds(TrainingPortal.LeaseSeconds + 1));
        var resumed = (await second.ClaimAsync())!;
        var late = await first.ReportAsync(held, 3, 0.6, 0.55, null);
        var renewLate = await first.Connection.InvokeAsync<TrainingDirective>("RenewTrainingLease", held.JobId, held.Attempt);
        var renewNow = await second.Connection.InvokeAsync<TrainingDirective>("RenewTrainingLease", resumed.JobId, resumed.Attempt);

        Assert.Equal((job, 2, checkpoint2, 2), (resumed.JobId, resumed.Attempt, resumed.ResumeCheckpointHash, resumed.ResumeAfterEpoch));
        Assert.Equal(TrainingDirective.LeaseLost, late.Action);
        Assert.Equal(TrainingDirective.LeaseLost, renewLate.Action);
        Assert.Equal(TrainingDirective.Continue, renewNow.Action);
        var events = await _world.EventsAsync(job);
        Assert.Equal(1, Assert.Single(events.OfType<TrainingReleased>()).Attempt);
        Assert.Equal([1, 2], events.OfType<TrainingClaimed>().Select(c => c.Attempt));
        Assert.Equal(2, events.OfType<TrainingEpochCompleted>().Count());
        var stale = await Assert.ThrowsAsync<HubException>(() => first.CompleteAsync(held, checkpoint2, checkpoint2));
        Assert.Contains("no longer holds", stale.Message, StringComparison.Ordinal);
        Assert.Equal(TrainingJobStatus.Running, (await _world.JobAsync(job)).Status);
    }

    [Fact]
    public async Task A_manager_cancels_a_running_job_its_worker_is_told_cancel_at_the_next_report_and_the_project_may_train_again()
    {
        await _world.NoOpenJobsAsync();
        await using var worker = await TrainingWorker.ConnectAsync(factory, "cancel");
        var project = await _world.ProjectAsync("cancel");
        var job = await _world.RequestedAsync(project);
        var held = (await worker.ClaimAsync())!;
        Assert.Equal(TrainingDirective.Continue, (await worker.ReportAsync(held, 1, 0.9)).Action);

        Assert.True((await _world.CancelAsync(job)).Succeeded);
        Assert.True((await _world.JobAsync(job)).CancelRequested);
        Assert.False((await _world.RequestAsync(project)).Succeeded);
        var directive = await worker.ReportAsync(held, 2, 0.8);

        Assert.Equal(TrainingDirective.Cancel, directive.Action);
        var stored = await _world.JobAsync(job);
        Assert.Equal((TrainingJobStatus.Cancelled, 2), (stored.Status, stored.Epoch));
        Assert.Single((await _world.EventsAsync(job)).OfType<TrainingCancelled>());
        Assert.True((await _world.RequestAsync(project)).Succeeded);
    }

    [Fact]
    public async Task A_job_no_worker_holds_is_cancelled_at_once()
    {
        await _world.NoOpenJobsAsync();
        var job = await _world.RequestedAsync(await _world.ProjectAsync("cancel-waiting"));

        Assert.True((await _world.CancelAsync(job)).Succeeded);

        Assert.Equal(TrainingJobStatus.Cancelled, (await _world.JobAsync(job)).Status);
        await using var worker = await TrainingWorker.ConnectAsync(factory, "cancel-waiting");
        Assert.Null(await worker.ClaimAsync());
        Assert.False((await _world.CancelAsync(job)).Succeeded);
    }

    [Fact]
    public async Task One_job_per_project_a_second_request_is_refused_with_when_the_first_started_and_completion_numbers_the_versions()
    {
        await _world.NoOpenJobsAsync();
        var project = await _world.ProjectAsync("one-slot");
        var other = await _world.ProjectAsync("one-slot-other");
        var job = await _world.RequestedAsync(project);

        var second = await _world.RequestAsync(project);
        var elsewhere = await _world.RequestAsync(other);

        Assert.False(second.Succeeded);
        Assert.StartsWith("A training job of this project is already running (started ", second.Errors[""], StringComparison.Ordinal);
        Assert.True(elsewhere.Succeeded);
        await _world.CancelAsync(elsewhere.Id);

        await using var worker = await TrainingWorker.ConnectAsync(factory, "one-slot");
        var held = (await worker.ClaimAsync())!;
        Assert.Equal(job, held.JobId);
        var checkpoint = await TrainingWorker.PutBlobAsync(factory, "final checkpoint v1"u8.ToArray());
        var onnx = await TrainingWorker.PutBlobAsync(factory, "onnx v1"u8.ToArray());
        var v1 = await worker.CompleteAsync(held, checkpoint, onnx);
        var again = await worker.CompleteAsync(held, checkpoint, onnx);
        var job2 = await _world.RequestedAsync(project);
        var held2 = (await worker.ClaimAsync())!;
        var v2 = await worker.CompleteAsync(held2, checkpoint, onnx, loss: 0.1, dice: null);

        Assert.Equal(v1, again);
        Assert.Equal(job2, held2.JobId);
        var registry = (await _world.EventsAsync(ModelStreams.ForProject(project))).OfType<ModelVersionRegistered>().ToList();
        Assert.Equal([v1, v2], registry.Select(r => r.ModelVersionId));
        var (registered1, registered2) = (registry[0], registry[1]);
        Assert.Equal((1, 2), (registered1.Version, registered2.Version));
        Assert.Equal((project, job, onnx, checkpoint, 3, TrainingWorld.SmallConfig), (registered1.ProjectId, registered1.JobId, registered1.OnnxHash, registered1.CheckpointHash, registered1.Classes, registered1.Config));
        Assert.Equal((0.2, 0.81, 3, 1, 4200L), (registered1.FinalLoss, registered1.ValidationDice, registered1.TrainingItems, registered1.ValidationItems, registered1.TrainingMs));
        var stored = await _world.JobAsync(job);
        Assert.Equal((TrainingJobStatus.Completed, (Guid?)v1, 1.0), (stored.Status, stored.ModelVersionId, stored.Progress));
        Assert.Single((await _world.EventsAsync(job)).OfType<TrainingCompleted>());
    }

    [Fact]
    public async Task A_worker_that_cannot_go_on_fails_the_job_with_its_sentence_and_frees_the_slot_and_blobs_must_be_stored_first()
    {
        await _world.NoOpenJobsAsync();
        await using var worker = await TrainingWorker.ConnectAsync(factory, "fail");
        var project = await _world.ProjectAsync("fail");
        var job = await _world.RequestedAsync(project);
        var held = (await worker.ClaimAsync())!;

        var unknownBlob = await Assert.ThrowsAsync<HubException>(() => worker.ReportAsync(held, 1, 0.5, checkpoint: new string('e', 64)));
        await worker.Connection.InvokeAsync("FailTraining", held.JobId, held.Attempt, "The dataset holds no labelled item.");

        Assert.Contains("is not stored", unknownBlob.Message, StringComparison.Ordinal);
        var stored = await _world.JobAsync(job);
        Assert.Equal((TrainingJobStatus.Failed, "The dataset holds no labelled item."), (stored.Status, stored.FailureReason));
        Assert.Equal(TrainingDirective.LeaseLost, (await worker.ReportAsync(held, 1, 0.5)).Action);
        Assert.True((await _world.RequestAsync(project)).Succeeded);
    }

    [Fact]
    public async Task Only_a_manager_starts_or_cancels_training_and_a_bad_configuration_is_refused_beside_its_field()
    {
        var project = await _world.ProjectAsync("rules");
        await using var scope = factory.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<RequestTrainingHandler>();

        var notManager = await requests.HandleAsync(new RequestTraining(project, Guid.NewGuid(), false, TrainingWorld.SmallConfig, "x"), CancellationToken.None);
        var badSide = await requests.HandleAsync(new RequestTraining(project, Guid.NewGuid(), true, TrainingWorld.SmallConfig with { ImageSide = 100, Depth = 4 }, "x"), CancellationToken.None);
        var cancel = await scope.ServiceProvider.GetRequiredService<CancelTrainingHandler>().HandleAsync(new CancelTraining(Guid.NewGuid(), Guid.NewGuid(), false), CancellationToken.None);

        Assert.Equal(RequestTrainingHandler.NotManager, notManager.Errors[""]);
        Assert.Contains("multiple of 8", badSide.Errors[nameof(TrainingConfig.ImageSide)], StringComparison.Ordinal);
        Assert.False(cancel.Succeeded);
    }
}
