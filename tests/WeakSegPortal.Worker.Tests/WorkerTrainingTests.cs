using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Bench;
using WeakSegPortal.Training.Checkpoints;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Network;
using WeakSegPortal.Training.Simulation;
using WeakSegPortal.Worker.Tests.Support;

namespace WeakSegPortal.Worker.Tests;

/// <summary>
/// Training jobs through the hub (docs/training-protocol.md) against a stand-in portal that keeps the jobs, blobs and
/// dataset in memory: a short CPU run on synthetic phantoms, crash and resume, cancel, lost lease, a checkpoint that does not fit.
/// </summary>
public sealed class WorkerTrainingTests : IAsyncLifetime
{
    private const string Token = "machine-token-0123456789abcdef";

    /// <summary>A training run of the tiny configuration takes seconds; this bounds a loaded machine.</summary>
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(3);

    private readonly List<WorkerUnderTest> _workers = [];
    private StandInPortal _portal = null!;

    private StandInTrainingDesk Desk => _portal.Training;

    public async Task InitializeAsync() => _portal = await StandInPortal.StartAsync(Token);

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task A_worker_announces_that_it_trains_unless_Worker_Trains_is_off()
    {
        await StartWorkerAsync("trainer");
        var trains = _portal.Announcements.Latest.Announcement.Trains;
        await StartWorkerAsync("no-trainer", new Dictionary<string, string?> { ["Worker:Trains"] = "false" });

        Assert.True(trains);
        Assert.False(_portal.Announcements.Latest.Announcement.Trains);
    }

    [Fact]
    public async Task A_short_CPU_run_reports_every_epoch_with_a_checkpoint_and_completes_with_validation_Dice_above_0_6()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal);
        var job = Desk.Offer(dataset, TrainingPhantoms.Config(epochs: 4));
        using var logs = new ScopedLines();

        await StartWorkerAsync("trainer", logs: logs);
        await Eventually.HoldsAsync(() => Desk.Completions.Count + Desk.Failures.Count > 0, "the job ended", RunBound);

        NoFailure();
        var outcome = Assert.Single(Desk.Completions);
        // Scribbles and boxes: the union of the benchmark's two rows (no row measures a mix).
        TrainedWith(logs, "Scribbles, Boxes", SupervisionObjective.Union(BenchCase.Scribbles.Weights, BenchCase.Boxes.Weights));
        Assert.Equal([1, 2, 3, 4], Desk.EpochsOf(job, attempt: 1));
        Assert.All(Desk.Reports, r => Assert.True(double.IsFinite(r.Loss) && _portal.Blob(r.CheckpointHash) is not null, $"epoch {r.Epoch}"));
        Assert.True(outcome.ValidationDice >= 0.6 && outcome.ValidationDice > Desk.Reports[0].ValidationDice, $"validation Dice {outcome.ValidationDice:F3}; by epoch: {string.Join(", ", Desk.Reports.Select(r => $"{r.Epoch}: loss {r.Loss:F3} Dice {r.ValidationDice:F3}"))}");
        Assert.Equal(Desk.Reports[^1].ValidationDice, outcome.ValidationDice);
        Assert.Equal((4, 2 * TrainingPhantoms.Slices), (outcome.LabelledItems.Count, outcome.ValidationItems));
        Assert.Equal(4 * TrainingPhantoms.Slices, outcome.TrainingItems);
        Assert.Equal(dataset.Items.Select(i => i.ItemId).Order(), outcome.Uncertainties.Select(u => u.ItemId).Order());
        Assert.All(outcome.Uncertainties, u => Assert.InRange(u.Uncertainty, 0, 1));
        Assert.NotNull(_portal.Blob(outcome.OnnxHash));
        using var saved = new MemoryStream(_portal.Blob(outcome.CheckpointHash)!);
        using var network = ModelCheckpoint.Load(saved, UNetOptions.For(job.Config, TrainingPhantoms.Classes.Max(c => c.Id)));
    }

    [Fact]
    public async Task Tag_only_items_train_through_the_tag_stage_s_class_activation_pseudo_masks_and_the_job_completes()
    {
        // Six MR stacks of five slices, each organ left out of an item with chance 0.3, tagged present or absent per slice.
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 6, validationItems: 2, kinds: WeakLabelKinds.Tags, absenceRate: 0.3);
        var job = Desk.Offer(dataset, TrainingPhantoms.Config(epochs: 4));
        using var logs = new ScopedLines();

        await StartWorkerAsync("trainer", logs: logs);
        await Eventually.HoldsAsync(() => Desk.Completions.Count + Desk.Failures.Count > 0, "the job ended", RunBound);

        NoFailure();
        var outcome = Assert.Single(Desk.Completions);
        // Every slice of the six items is tag-only (tags per slice): all thirty go through the stage, then the four epochs.
        // Without the stage they would have no pixel target at all. (Quality is the benchmark's business: on this tiny
        // configuration of 180 classifier steps the validation Dice stays near 0.)
        Assert.Contains(logs.Lines, l => l.Message.Contains($"tag stage gave {6 * TrainingPhantoms.Slices} tag-only slices class activation pseudo-masks", StringComparison.Ordinal));
        // The second network learns from the pseudo-masks as the benchmark's tags row's does: its weights without the tag term.
        TrainedWith(logs, "Tags", BenchCase.Tags.Weights with { Tag = 0 });
        Assert.Equal([1, 2, 3, 4], Desk.EpochsOf(job, attempt: 1));
        Assert.Equal(6, outcome.LabelledItems.Count);
        Assert.True(double.IsFinite(outcome.FinalLoss) && outcome.ValidationDice is >= 0 and <= 1, $"loss {outcome.FinalLoss}, Dice {outcome.ValidationDice}");
    }

    /// <summary>
    /// The worker and <c>weakseg bench</c> train a kind of label with one objective (<see cref="SupervisionObjective"/>): a job
    /// whose crowd gave only that kind uses exactly the weights of the benchmark's row for it (boxes: marginalised entropy;
    /// scribbles: class-balanced pCE; points: the size term), whatever those weights are tuned to.
    /// </summary>
    [Theory]
    [InlineData(WeakLabelKinds.Boxes, "Boxes")]
    [InlineData(WeakLabelKinds.Scribbles, "Scribbles")]
    [InlineData(WeakLabelKinds.Points, "Points")]
    public async Task A_job_whose_crowd_gave_one_kind_of_label_trains_with_the_objective_of_the_benchmark_s_row_for_that_kind(WeakLabelKinds kinds, string kind)
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 1, validationItems: 0, kinds: kinds);
        Desk.Offer(dataset, TrainingPhantoms.Config(epochs: 1) with { StepsPerEpoch = 1 });
        using var logs = new ScopedLines();

        await StartWorkerAsync("trainer", logs: logs);
        await Eventually.HoldsAsync(() => Desk.Completions.Count + Desk.Failures.Count > 0, "the job ended", RunBound);

        NoFailure();
        var row = kinds switch
        {
            WeakLabelKinds.Boxes => BenchCase.Boxes,
            WeakLabelKinds.Scribbles => BenchCase.Scribbles,
            _ => BenchCase.Points,
        };
        TrainedWith(logs, kind, row.Weights);
    }

    [Fact]
    public async Task A_worker_stopped_after_a_checkpoint_loses_at_most_one_epoch_and_a_second_worker_resumes_from_it_and_finishes()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 2, validationItems: 1);
        var job = Desk.Offer(dataset, TrainingPhantoms.Config(epochs: 4) with { StepsPerEpoch = 4 }, new TrainingScript(HoldReportOfEpoch: 2));
        await CrashWhileReportIsHeldThenResumeAsync(job);

        NoFailure();
        Assert.Equal([1, 2], Desk.EpochsOf(job, attempt: 1));
        Assert.Equal([3, 4], Desk.EpochsOf(job, attempt: 2));
        Assert.Equal(2, Assert.Single(Desk.Completions).Attempt);
    }

    [Fact]
    public async Task A_worker_stopped_after_the_last_epoch_s_checkpoint_leaves_the_next_attempt_only_the_completion()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 1, validationItems: 1);
        var job = Desk.Offer(dataset, TrainingPhantoms.Config(epochs: 2) with { StepsPerEpoch = 2 }, new TrainingScript(HoldReportOfEpoch: 2));
        await CrashWhileReportIsHeldThenResumeAsync(job);

        NoFailure();
        Assert.Empty(Desk.EpochsOf(job, attempt: 2));
        var outcome = Assert.Single(Desk.Completions);
        Assert.Equal(2, outcome.Attempt);
        Assert.True(double.IsFinite(outcome.FinalLoss) && outcome.ValidationDice is >= 0 and <= 1, $"loss {outcome.FinalLoss}, Dice {outcome.ValidationDice}");
    }

    [Fact]
    public async Task A_suggestion_is_answered_while_a_training_job_runs()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 1, validationItems: 0);
        var job = Desk.Offer(dataset, TrainingPhantoms.Config(epochs: 2) with { StepsPerEpoch = 2 }, new TrainingScript(HoldReportOfEpoch: 1));
        var volume = await _portal.ServeAsync(DemoCt.Volume.Image);
        await StartWorkerAsync("trainer");
        await job.ReportHeld.Task.WaitAsync(RunBound);

        var (x0, y0, x1, y1) = DemoCt.TightBox(DemoCt.Truth(2));
        var suggestion = await _portal.SuggestAsync(new SuggestionJob(Guid.NewGuid(), "grabcut-box", Guid.NewGuid(), volume, "CT",
            new WirePrompt(Guid.NewGuid(), "axial", DemoCt.Slice, 2, new WireBox(x0, y0, x1, y1), [], [])));
        job.ReleaseReport.TrySetResult();
        await Eventually.HoldsAsync(() => Desk.Completions.Count + Desk.Failures.Count > 0, "the job ended", RunBound);

        Assert.True(suggestion.Ok, suggestion.Error);
        NoFailure();
        Assert.Equal([1, 2], Desk.EpochsOf(job, attempt: 1));
    }

    [Fact]
    public async Task A_job_the_manager_cancels_stops_after_that_epoch_without_completing_or_failing()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 2, validationItems: 1);
        var job = Desk.Offer(dataset, TrainingPhantoms.Config(epochs: 4) with { StepsPerEpoch = 3 }, new TrainingScript(CancelAtEpoch: 2));

        var worker = await StartWorkerAsync("trainer");
        await Eventually.HoldsAsync(() => worker.Get<TrainingJobRunner>().JobsEnded == 1, "the job ended", RunBound);

        NoFailure();
        Assert.Equal([1, 2], Desk.EpochsOf(job, attempt: 1));
        Assert.Empty(Desk.Completions);
    }

    [Fact]
    public async Task A_long_epoch_renews_its_lease_and_a_cancel_answered_to_a_renewal_stops_it_inside_the_epoch()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 2, validationItems: 1);
        // A lease of 0 s is due for renewal after every step; the third renewal is answered "cancel".
        var job = Desk.Offer(dataset, TrainingPhantoms.Config(epochs: 2) with { StepsPerEpoch = 10 }, new TrainingScript(LeaseSeconds: 0, CancelAtRenewal: 3));

        var worker = await StartWorkerAsync("trainer");
        await Eventually.HoldsAsync(() => worker.Get<TrainingJobRunner>().JobsEnded == 1, "the job ended", RunBound);

        NoFailure();
        Assert.Equal(3, Desk.Renewals.Count(r => r == (job.Id, 1)));
        Assert.Empty(Desk.EpochsOf(job, attempt: 1));
        Assert.Empty(Desk.Completions);
    }

    [Fact]
    public async Task A_run_told_its_lease_was_lost_drops_the_job_silently()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 2, validationItems: 1);
        var job = Desk.Offer(dataset, TrainingPhantoms.Config(epochs: 4) with { StepsPerEpoch = 3 }, new TrainingScript(LeaseLostAtEpoch: 1));

        var worker = await StartWorkerAsync("trainer");
        await Eventually.HoldsAsync(() => worker.Get<TrainingJobRunner>().JobsEnded == 1, "the job ended", RunBound);

        NoFailure();
        Assert.Equal([1], Desk.EpochsOf(job, attempt: 1));
        Assert.Empty(Desk.Completions);
    }

    [Fact]
    public async Task An_initial_checkpoint_of_another_network_fails_the_job_with_the_reason()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 1, validationItems: 0);
        var config = TrainingPhantoms.Config();
        using var other = new UNet(UNetOptions.For(config, highestClassId: 4));
        using var bytes = new MemoryStream();
        ModelCheckpoint.Save(other, bytes);
        var job = Desk.Offer(dataset, config, initialCheckpointHash: _portal.PutBlob(bytes.ToArray()));

        await StartWorkerAsync("trainer");
        await Eventually.HoldsAsync(() => Desk.Failures.Count > 0, "the job failed", RunBound);

        Assert.Equal((job.Id, 1, "The checkpoint predicts 5 classes (background included); this project needs 3."), Assert.Single(Desk.Failures));
        Assert.Empty(Desk.Reports);
    }

    [Fact]
    public async Task A_project_with_no_labelled_slice_fails_the_job_saying_so()
    {
        var dataset = await TrainingPhantoms.ServeAsync(_portal, trainItems: 0, validationItems: 1);
        var job = Desk.Offer(dataset, TrainingPhantoms.Config());

        await StartWorkerAsync("trainer");
        await Eventually.HoldsAsync(() => Desk.Failures.Count > 0, "the job failed", RunBound);

        Assert.Equal((job.Id, 1, "No item of the project has a labelled slice to learn from yet."), Assert.Single(Desk.Failures));
    }

    /// <summary>The job logged that it learns from these kinds with this objective.</summary>
    private static void TrainedWith(ScopedLines logs, string kinds, ObjectiveWeights objective)
    {
        var said = logs.Lines.Select(l => l.Message).Where(m => m.Contains(": learns from ", StringComparison.Ordinal)).ToList();
        Assert.True(said.Count == 1 && said[0].EndsWith($": learns from {kinds} with the benchmark's objective {objective}", StringComparison.Ordinal),
            $"expected {kinds}: {objective}; logged: {string.Join(" | ", said)}");
    }

    private void NoFailure() => Assert.True(Desk.Failures.Count == 0, string.Join(" | ", Desk.Failures.Select(f => f.Reason)));

    private async Task<WorkerUnderTest> StartWorkerAsync(string name, IReadOnlyDictionary<string, string?>? settings = null, ScopedLines? logs = null)
    {
        var values = new Dictionary<string, string?> { ["Worker:Name"] = name, ["Worker:TrainingPollSeconds"] = "1" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var worker = WorkerUnderTest.Create(_portal.Url, Token, values, logs);
        _workers.Add(worker);
        var announced = _portal.Announcements.Count + 1;
        await worker.StartAsync();
        await _portal.Announcements.WaitForAsync(announced);
        return worker;
    }

    /// <summary>
    /// The first worker dies while the held epoch's report (its checkpoint stored) waits for an answer; its lease then runs
    /// out and a second worker claims the job and runs it to its end.
    /// </summary>
    private async Task CrashWhileReportIsHeldThenResumeAsync(StandInTrainingDesk.Job job)
    {
        var first = await StartWorkerAsync("trainer-1");
        await job.ReportHeld.Task.WaitAsync(RunBound);
        await first.DisposeAsync();
        _workers.Remove(first);
        job.ReleaseReport.TrySetResult();
        Desk.Expire(job);
        await StartWorkerAsync("trainer-2");
        await Eventually.HoldsAsync(() => Desk.Completions.Count + Desk.Failures.Count > 0, "the job ended", RunBound);
    }
}
